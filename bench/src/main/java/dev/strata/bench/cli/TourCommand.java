package dev.strata.bench.cli;

import dev.strata.bench.lab.eviction.ShippedTraces;
import dev.strata.bench.tour.Tour;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strata tour}: a store on the embedded default in a fresh directory — load, read, scan,
 * {@code kill -9} and recovery, compaction, statistics, transactions (the isolation-anomaly table and
 * a bank-transfer run) — then the compression lab's table and the eviction lab's on one shipped trace.
 */
@Command(name = "tour", mixinStandardHelpOptions = true, sortOptions = false,
    description = "A tour of the engine: loads keys into a new store, reads and scans them, kills a writing child process and"
        + " shows what recovery kept, compacts, prints the statistics, runs the isolation-anomaly scripts at every isolation level"
        + " and a bank-transfer run, and ends with the compression and eviction labs' tables.")
final class TourCommand implements Callable<Integer> {
    @Option(names = "--keys", paramLabel = "N", defaultValue = "1000000", description = "Keys to load. Default: ${DEFAULT-VALUE}.")
    private int keys;

    @Option(names = "--dir", paramLabel = "DIR", description = "An empty or new directory for the store. Default: a new one under strata-out/tour.")
    private Path dir;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    private boolean noProgress;

    @Option(names = "--no-lab", description = "Skip the compression and eviction labs at the end.")
    private boolean noLab;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (keys < 1000) {
            throw new ParameterException(spec.commandLine(), "--keys must be at least 1000, got " + keys);
        }
        final Path directory = dir != null ? dir : Path.of("strata-out", "tour", "store-" + System.currentTimeMillis());
        if (Files.isDirectory(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new ParameterException(spec.commandLine(), "--dir " + directory + " is not empty; give a new or empty directory");
                }
            }
        }
        final PrintWriter out = spec.commandLine().getOut();
        final long start = System.nanoTime();
        final int problems;
        if (noProgress) {
            problems = new Tour(out, directory, keys).run(n -> { });
        } else {
            try (ConsoleProgress progress = new ConsoleProgress("load", System.err)) {
                progress.begin(keys);
                final long[] shown = {0};
                problems = new Tour(out, directory, keys).run(n -> {
                    while (shown[0] < n) {
                        progress.done();
                        shown[0]++;
                    }
                });
            }
        }
        int status = problems == 0 ? StrataCommand.EXIT_OK : StrataCommand.EXIT_FAILURE;
        if (!noLab) {
            out.println();
            out.println("== 9. The compression lab (short run; `strata lab compression` for the full one)");
            out.flush();
            final int lab = StrataCommand.newCommandLine().setOut(out).setErr(spec.commandLine().getErr())
                .execute("lab", "compression", "--codecs", "none,lz4,lz4hc,zstd,deflate", "--min-time", "0.1s", "--warmup", "0.05s",
                    "--no-progress", "--out", directory.resolveSibling(directory.getFileName() + "-lab").toString());
            status = Math.max(status, lab);
            status = Math.max(status, evictionLab(out, spec.commandLine().getErr(), directory.resolveSibling(directory.getFileName() + "-eviction")));
        }
        out.printf("%ntour finished in %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
            problems == 0 ? "every check held" : problems + " checks FAILED");
        out.flush();
        return status;
    }

    /**
     * The tour's eviction section: the eviction lab on the LIRS {@code cpp} trace (9,047 requests,
     * about a second) at the sizes whose OPT hit ratios are published, or on a small synthetic Zipf
     * workload when the shipped traces are not beside the project.
     *
     * @return the lab's exit status
     */
    static int evictionLab(final PrintWriter out, final PrintWriter err, final Path outDir) {
        final Optional<Path> cpp = ShippedTraces.lirs("cpp");
        out.println();
        out.println("== 10. The eviction lab: every policy, Belady's OPT (the limit) and Caffeine on "
            + (cpp.isPresent() ? "the LIRS cpp trace (`strata lab eviction` for more)" : "a synthetic Zipf workload (shared/data/traces not found)"));
        if (cpp.isPresent()) {
            out.println("   published OPT hit %: 20 -> 26.4, 35 -> 46.5, 50 -> 62.8, 80 -> 79.1, 100 -> 82.51, 300 and 500 -> 86.5");
        }
        out.flush();
        final String[] source = cpp.isPresent() ? new String[] {"--trace", cpp.get().toString(), "--sizes", "20,35,50,80,100,300,500"}
            : new String[] {"--synthetic", "zipf:0.9,keys=20k,n=200k", "--sizes", "100,1000,5000"};
        final String[] args = new String[source.length + 6];
        args[0] = "lab";
        args[1] = "eviction";
        System.arraycopy(source, 0, args, 2, source.length);
        args[source.length + 2] = "--no-progress";
        args[source.length + 3] = "--out";
        args[source.length + 4] = outDir.toString();
        args[source.length + 5] = "--seed=1";
        return StrataCommand.newCommandLine().setOut(out).setErr(err).execute(args);
    }
}
