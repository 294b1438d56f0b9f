package dev.strata.bench.lab;

import dev.strata.compression.CodecType;
import dev.strata.compression.ZstdDictionary;
import java.util.ArrayList;
import java.util.List;

/**
 * The compression lab: compresses a corpus in blocks with each codec and level, verifies every
 * round trip and measures sizes and (optionally) throughput. The command line, the tests and the
 * tours call it; it prints nothing.
 *
 * <pre>{@code
 * CompressionLab lab = new CompressionLab(LabSettings.timed(64 << 10, 200_000_000L, 300_000_000L));
 * List<CodecResult> results = lab.run(BuiltInCorpus.generate(), List.of(new CodecLevel(CodecType.ZSTD, 3)), null, LabProgress.NONE);
 * }</pre>
 *
 * <p>Runs one codec after the other on the calling thread; the corpus lives off-heap for the
 * duration of {@link #run}.
 */
public final class CompressionLab {
    private final LabSettings settings;

    public CompressionLab(final LabSettings settings) {
        this.settings = settings;
    }

    public LabSettings settings() {
        return settings;
    }

    /** @return the number of progress steps {@link #run} reports for {@code codecs} */
    public long steps(final List<CodecLevel> codecs) {
        return (long)codecs.size() * (settings.timed() ? 3 : 1);
    }

    /**
     * @param dictionary the dictionary for {@link CodecType#ZSTD_DICT} entries (see {@link DictionaryTrainer}),
     *                   {@code null} if there are none
     * @return one result per entry of {@code codecs}, in the same order
     * @throws RoundTripException if a codec does not restore the input
     * @throws LabInputException  if the corpus is too large
     */
    public List<CodecResult> run(final Corpus corpus, final List<CodecLevel> codecs, final ZstdDictionary dictionary,
        final LabProgress progress) {
        final List<CodecResult> results = new ArrayList<>(codecs.size());
        progress.begin(steps(codecs));
        try (BlockSet blocks = BlockSet.of(corpus, settings.blockSize())) {
            for (CodecLevel codec : codecs) {
                results.add(measure(blocks, codec, codec.type() == CodecType.ZSTD_DICT ? dictionary : null, progress));
            }
        }
        return results;
    }

    private CodecResult measure(final BlockSet blocks, final CodecLevel codec, final ZstdDictionary dictionary,
        final LabProgress progress) {
        try (CodecRun run = new CodecRun(blocks, codec, dictionary)) {
            progress.starting(codec + " verify");
            run.writeAndVerify();
            progress.done();
            double compress = Double.NaN;
            double decompress = Double.NaN;
            if (settings.timed()) {
                progress.starting(codec + " compress");
                compress = run.compressMBps(settings.warmupNanos(), settings.minTimeNanos());
                progress.done();
                progress.starting(codec + " decompress");
                decompress = run.decompressMBps(settings.warmupNanos(), settings.minTimeNanos());
                progress.done();
            }
            return new CodecResult(codec, settings.blockSize(), blocks.count(), blocks.totalBytes(), run.frameBytes(),
                run.payloadBytes(), compress, decompress, dictionary == null ? 0 : dictionary.size());
        }
    }
}
