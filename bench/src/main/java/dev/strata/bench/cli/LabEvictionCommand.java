package dev.strata.bench.cli;

import dev.strata.bench.lab.LabInputException;
import dev.strata.bench.lab.LabProgress;
import dev.strata.bench.lab.eviction.CacheSizes;
import dev.strata.bench.lab.eviction.EvictionLab;
import dev.strata.bench.lab.eviction.EvictionReport;
import dev.strata.bench.lab.eviction.StoreCapture;
import dev.strata.bench.lab.eviction.SyntheticWorkload;
import dev.strata.bench.lab.eviction.Trace;
import dev.strata.bench.lab.eviction.TraceFormat;
import dev.strata.bench.lab.eviction.TraceReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strata lab eviction}: runs the {@link EvictionLab} on a trace file, a synthetic workload
 * or a trace captured from a running store; prints the table of hit ratios and writes CSV and HTML.
 */
@Command(name = "eviction", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Replays a request trace through each eviction policy at each cache size, through Belady's OPT (the limit)"
        + " and through Caffeine (an external reference), and reports hit ratios: a table, CSV, and an HTML page of"
        + " hit-ratio-versus-size curves.",
    footer = {"", "Formats: lirs (one block number per line), arc (start count ignored seq), oracle-general (libCacheSim binary,"
        + " byte-weighted), csv (key[,size]); gzip or zstd compressed too. Without --format it is guessed from the file name.",
        "Synthetic: zipf[:S][,keys=K] | uniform,keys=K | scan | loop,keys=K | shift,keys=K,hot=H,period=P,share=F;"
            + " mix with '+', weight with w=, total requests with n= (default 1m).",
        "", "Examples:", "  strata lab eviction --trace ../shared/data/traces/lirs/sprite.trace.gz --sizes 100,200,400,600,800,1000",
        "  strata lab eviction --trace cloudPhysicsIO.oracleGeneral.bin --sizes 128MiB,256MiB,512MiB,1GiB --policies lru,arc",
        "  strata lab eviction --synthetic zipf:0.8,keys=50k+scan,w=0.2,n=500k --seed 7 --sizes 500,1000,5000",
        "  strata lab eviction --capture --sizes 100,1000"})
final class LabEvictionCommand implements Callable<Integer> {
    static final String DEFAULT_SYNTHETIC = "zipf:0.99,keys=10k,n=200k";

    @ArgGroup(exclusive = true)
    private Source source = new Source();

    /** Where the requests come from: one of a file, a synthetic spec, or a capture. */
    static final class Source {
        @Option(names = "--trace", paramLabel = "FILE", description = "Trace file to replay.")
        Path trace;

        @Option(names = "--synthetic", paramLabel = "SPEC", description = "Synthetic workload (see below). Default: " + DEFAULT_SYNTHETIC + ".")
        String synthetic;

        @Option(names = "--capture", description = "Run a short Zipf workload against a real store in a temporary directory,"
            + " record the keys its reads touch, and replay that trace.")
        boolean capture;
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Trace format: lirs, arc, oracle-general, csv.")
    private String format;

    @Option(names = "--sizes", split = ",", paramLabel = "SIZE",
        description = "Cache sizes: entries (100,500) or, for a byte-weighted trace, bytes (128MiB,1GiB). Default: 1 to 50 % of the footprint.")
    private List<String> sizes;

    @Option(names = "--policies", split = ",", paramLabel = "POLICY", description = "Policies to run, or 'all' (the default).")
    private List<String> policies;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of --synthetic and --capture. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--no-opt", description = "Leave out Belady's OPT.")
    private boolean noOpt;

    @Option(names = "--no-caffeine", description = "Leave out the Caffeine reference.")
    private boolean noCaffeine;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "strata-out/lab-eviction",
        description = "Directory for results.csv and results.html. Default: ${DEFAULT-VALUE}.")
    private Path outDir;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    private boolean noProgress;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        final EvictionLab lab;
        try {
            lab = new EvictionLab(policies, !noOpt, !noCaffeine);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final Trace trace = trace(out);
        final long[] capacities;
        try {
            capacities = sizes == null ? CacheSizes.defaults(trace) : CacheSizes.parse(sizes, trace.weighted());
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        final EvictionReport report = run(lab, trace, capacities);
        report.printTable(out);
        final List<Path> files = report.write(outDir);
        out.println("wrote " + files.get(0).toAbsolutePath().normalize() + " and " + files.get(1).getFileName()
            + " (hit ratio curves: open " + files.get(1).toAbsolutePath().normalize().toUri() + ")");
        out.flush();
        return StrataCommand.EXIT_OK;
    }

    private Trace trace(final PrintWriter out) throws IOException, InterruptedException {
        if (source.trace != null) {
            final TraceFormat f;
            try {
                f = format != null ? TraceFormat.fromLabel(format) : guess(source.trace);
            } catch (final IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            return TraceReader.read(source.trace, f);
        }
        if (format != null) {
            throw new ParameterException(spec.commandLine(), "--format applies to --trace only");
        }
        if (source.capture) {
            return StoreCapture.capture(seed, out);
        }
        final String workload = source.synthetic != null ? source.synthetic : DEFAULT_SYNTHETIC;
        final Trace trace;
        try {
            trace = SyntheticWorkload.generate(workload, seed);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        out.println("synthetic workload " + workload + ", seed " + seed + " (replay: --synthetic '" + workload + "' --seed " + seed + ")");
        return trace;
    }

    /** @return the format a file name suggests */
    private TraceFormat guess(final Path file) {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.(gz|zst)$", "");
        if (name.endsWith(".oraclegeneral.bin") || name.endsWith(".oraclegeneral") || name.endsWith(".bin")) {
            return TraceFormat.ORACLE_GENERAL;
        }
        if (name.endsWith(".csv")) {
            return TraceFormat.CSV;
        }
        if (name.endsWith(".trace") || name.endsWith(".lirs")) {
            return TraceFormat.LIRS;
        }
        if (name.endsWith(".arc")) {
            return TraceFormat.ARC;
        }
        throw new LabInputException("cannot tell the format of trace file " + file + " from its name: give --format "
            + TraceFormat.labels().replace(", ", "|"));
    }

    private EvictionReport run(final EvictionLab lab, final Trace trace, final long[] capacities) {
        if (noProgress) {
            return lab.run(trace, capacities, LabProgress.NONE);
        }
        try (ConsoleProgress progress = new ConsoleProgress("lab eviction", System.err)) {
            return lab.run(trace, capacities, progress);
        }
    }
}
