package dev.strata.bench.tool;

import dev.strata.bench.cli.StrataCommand;
import dev.strata.engine.store.InspectVerification;
import dev.strata.engine.store.StoreInspector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code strata verify <dir>}: checks every checksum of a closed store and lists every problem. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Checks every checksum and structure of a closed store: manifest pointer and manifest; every sorted segment"
        + " (header, footer, index, filter, every data block, key order, manifest entry); every WAL record.",
        "Prints each problem (segment, file, offset, what was expected), then a summary. Never changes the store.",
        "Exit status: 0 if sound (warnings allowed: a torn WAL tail, orphans), 1 if any error, 2 for bad arguments."})
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    private StoreTool store;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (StoreInspector inspector = store.open()) {
            final InspectVerification result = inspector.verify(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return result.ok() ? StrataCommand.EXIT_OK : StrataCommand.EXIT_FAILURE;
        }
    }
}
