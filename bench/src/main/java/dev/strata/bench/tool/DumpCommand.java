package dev.strata.bench.tool;

import dev.strata.bench.cli.StrataCommand;
import dev.strata.engine.store.InspectProblem;
import dev.strata.engine.store.StoreInspector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code strata dump <dir> [--segment N | --wal] [--limit N]}: prints the entries of a closed store. */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = {"Prints entries of a closed store: per sorted segment 'segment <id> ns=<name> L<level>', per WAL segment"
        + " 'wal segment <id> (...)', then 'key=K seq=S kind=PUT|DELETE|PUT_TTL value=V (len N)' per entry.",
        "Keys and values print as text when every byte is visible ASCII, else as 0x-hex; values are cut at 64 bytes.",
        "Exit status: 0, 1 if corrupt blocks or records were met (printed and skipped), 2 for bad arguments."})
public final class DumpCommand implements Callable<Integer> {
    @Mixin
    private StoreTool store;

    @Option(names = "--segment", paramLabel = "ID", description = "Only this segment (a sorted or a WAL segment; `strata inspect` lists them).")
    private Long segment;

    @Option(names = "--wal", description = "Only the WAL segments.")
    private boolean wal;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N entries (default: all).")
    private long limit = StoreInspector.NO_LIMIT;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (segment != null && wal) {
            throw new ParameterException(spec.commandLine(), "--segment and --wal exclude each other: give one segment, or all of the WAL");
        }
        if (segment != null && segment < 0) {
            throw new ParameterException(spec.commandLine(), "--segment must be a segment id >= 0, got " + segment);
        }
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
        }
        try (StoreInspector inspector = store.open()) {
            final StoreInspector.DumpResult result;
            try {
                result = inspector.dump(spec.commandLine().getOut(), segment == null ? StoreInspector.ALL_SEGMENTS : segment, wal, limit);
            } catch (final IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            spec.commandLine().getOut().flush();
            return result.problems().stream().anyMatch(InspectProblem::isError) ? StrataCommand.EXIT_FAILURE : StrataCommand.EXIT_OK;
        }
    }
}
