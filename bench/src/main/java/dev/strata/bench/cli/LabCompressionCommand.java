package dev.strata.bench.cli;

import dev.strata.bench.lab.BuiltInCorpus;
import dev.strata.bench.lab.CodecLevel;
import dev.strata.bench.lab.CodecResult;
import dev.strata.bench.lab.CompressionLab;
import dev.strata.bench.lab.CompressionReport;
import dev.strata.bench.lab.Corpus;
import dev.strata.bench.lab.CorpusLoader;
import dev.strata.bench.lab.DictionaryTrainer;
import dev.strata.bench.lab.LabInputException;
import dev.strata.bench.lab.LabProgress;
import dev.strata.bench.lab.LabSettings;
import dev.strata.compression.CodecType;
import dev.strata.compression.ZstdDictionary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strata lab compression}: runs the {@link CompressionLab} from the command line, prints its
 * table and writes CSV and JSON.
 */
@Command(name = "compression", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compresses a corpus in blocks with each codec and level, verifies every round trip and reports ratio"
        + " and throughput (MB/s = 10^6 uncompressed bytes per second, codec alone, off-heap buffers).",
    footer = {"", "Codecs: none, lz4, lz4hc, zstd, zstd-dict, deflate (default: all).",
        "Default levels: lz4 1 (acceleration); lz4hc 9,12; zstd -5,1,3,9,19; zstd-dict 3; deflate 6; none 0.",
        "zstd-dict trains a dictionary on the corpus itself: the first 128 KiB of each file cut into 1 KiB records.",
        "", "Examples:", "  strata lab compression",
        "  strata lab compression --corpus ../shared/data/corpus/calgary --block-size whole --codecs lz4,zstd --levels zstd=1,19"})
final class LabCompressionCommand implements Callable<Integer> {
    @Option(names = "--corpus", paramLabel = "DIR|FILE",
        description = "File, or directory of files (recursive), to compress. Default: the built-in 3 MiB corpus.")
    private Path corpusPath;

    @Option(names = "--codecs", split = ",", paramLabel = "CODEC", description = "Codecs to run, comma-separated or repeated.")
    private List<String> codecs;

    @Option(names = "--levels", paramLabel = "CODEC=L1,L2", description = "Levels for one codec, e.g. zstd=1,3,19; repeat for others.")
    private List<String> levels;

    @Option(names = "--block-size", paramLabel = "SIZE", defaultValue = "64k",
        description = "Block size: a power of two (4k, 64k, 1m...) or 'whole' for one block per file. Default: ${DEFAULT-VALUE}.")
    private String blockSize;

    @Option(names = "--min-time", paramLabel = "TIME", defaultValue = "0.3s",
        description = "Minimum measured time per codec, level and direction (0.3, 300ms, 2s). Default: ${DEFAULT-VALUE}.")
    private String minTime;

    @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "0.2s",
        description = "Warm-up time before each measurement (at least one pass). Default: ${DEFAULT-VALUE}.")
    private String warmup;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "strata-out/lab-compression",
        description = "Directory for results.csv and results.json. Default: ${DEFAULT-VALUE}.")
    private Path outDir;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    private boolean noProgress;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        final LabSettings settings;
        List<CodecLevel> plan;
        try {
            settings = LabSettings.timed(LabArgs.blockSize(blockSize), LabArgs.nanos("--warmup", warmup), LabArgs.nanos("--min-time", minTime));
            plan = LabArgs.plan(codecs, levels);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        final Corpus corpus = corpusPath == null ? BuiltInCorpus.generate() : CorpusLoader.load(corpusPath);
        ZstdDictionary dictionary = null;
        if (plan.stream().anyMatch(c -> c.type() == CodecType.ZSTD_DICT)) {
            try {
                dictionary = DictionaryTrainer.train(corpus);
            } catch (final LabInputException e) {
                if (codecs != null && !codecs.isEmpty()) {
                    throw e;
                }
                spec.commandLine().getErr().println("strata: warning: skipping zstd-dict: " + e.getMessage());
                plan = withoutDictionary(plan);
            }
        }
        final List<CodecResult> results = run(new CompressionLab(settings), corpus, plan, dictionary);
        final CompressionReport report = new CompressionReport(corpus, settings, results);
        final PrintWriter out = spec.commandLine().getOut();
        report.printTable(out);
        final List<Path> files = report.write(outDir);
        out.println("wrote " + files.get(0).toAbsolutePath().normalize() + " and " + files.get(1).getFileName());
        out.flush();
        return StrataCommand.EXIT_OK;
    }

    private List<CodecResult> run(final CompressionLab lab, final Corpus corpus, final List<CodecLevel> plan, final ZstdDictionary dictionary) {
        if (noProgress) {
            return lab.run(corpus, plan, dictionary, LabProgress.NONE);
        }
        try (ConsoleProgress progress = new ConsoleProgress("lab compression", System.err)) {
            return lab.run(corpus, plan, dictionary, progress);
        }
    }

    private static List<CodecLevel> withoutDictionary(final List<CodecLevel> plan) {
        final List<CodecLevel> rest = new ArrayList<>(plan);
        rest.removeIf(c -> c.type() == CodecType.ZSTD_DICT);
        return rest;
    }
}
