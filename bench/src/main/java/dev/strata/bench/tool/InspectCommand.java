package dev.strata.bench.tool;

import dev.strata.bench.cli.StrataCommand;
import dev.strata.engine.store.StoreInspector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strata inspect <dir>}: what a store holds, from its manifest, without opening (recovering) it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = {"Prints what a store holds: tier, manifest, namespaces, segments per namespace and level (count, bytes, entries,"
        + " key range), WAL segments and orphans. Reads the manifest only; never recovers or changes the store.",
        "The store must be closed (its LOCK is taken). Exit status: 0, 1 if the manifest is unreadable, 2 for bad arguments."})
public final class InspectCommand implements Callable<Integer> {
    @Mixin
    private StoreTool store;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (StoreInspector inspector = store.open()) {
            final boolean readable = inspector.inspect(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return readable ? StrataCommand.EXIT_OK : StrataCommand.EXIT_FAILURE;
        }
    }
}
