package dev.strata.bench.lab;

import com.github.luben.zstd.ZstdException;
import dev.strata.compression.ZstdDictionary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains the Zstd dictionary that the lab's {@code zstd-dict} codec uses.
 *
 * <h2>How</h2>
 * The samples are small records, as a store would hold them: the first {@link #PREFIX_BYTES} of
 * every corpus file cut into records of {@link #RECORD_BYTES}. The dictionary is at most
 * {@link #MAX_DICTIONARY_BYTES}, and at most a tenth of the sample bytes (Zstd's trainer wants far
 * more sample data than dictionary). Training is Zstd's default (fast COVER) trainer, through
 * {@link ZstdDictionary#train}.
 *
 * <p>The dictionary is trained on the corpus it is then measured on, so its ratio is the best case
 * for that data: a store trains on earlier values and compresses later ones.
 */
public final class DictionaryTrainer {
    /** Bytes taken from the start of each file. */
    public static final int PREFIX_BYTES = 128 << 10;
    /** Size of one sample record. */
    public static final int RECORD_BYTES = 1024;
    /** Upper bound on the dictionary size. */
    public static final int MAX_DICTIONARY_BYTES = 32 << 10;
    private static final int MIN_DICTIONARY_BYTES = 256;

    private DictionaryTrainer() {
    }

    /**
     * @throws LabInputException if the corpus is too small or too uniform to train from
     */
    public static ZstdDictionary train(final Corpus corpus) {
        final List<byte[]> samples = samples(corpus);
        long sampleBytes = 0;
        for (byte[] s : samples) {
            sampleBytes += s.length;
        }
        final int dictionaryBytes = (int)Math.min(MAX_DICTIONARY_BYTES, sampleBytes / 10);
        if (dictionaryBytes < MIN_DICTIONARY_BYTES) {
            throw new LabInputException("the corpus is too small to train a zstd-dict dictionary (" + sampleBytes
                + " sample bytes, need at least " + MIN_DICTIONARY_BYTES * 10 + "): leave zstd-dict out with --codecs");
        }
        try {
            return ZstdDictionary.train(samples, dictionaryBytes);
        } catch (final IllegalArgumentException | ZstdException e) {
            // ZstdException: zstd-jni's own, in case a trainer error reaches us unwrapped
            throw new LabInputException("cannot train a zstd-dict dictionary from this corpus (" + e.getMessage()
                + "): leave zstd-dict out with --codecs", e);
        }
    }

    /** @return the sample records, in corpus order */
    public static List<byte[]> samples(final Corpus corpus) {
        final List<byte[]> samples = new ArrayList<>();
        for (CorpusFile file : corpus.files()) {
            final int end = Math.min(file.length(), PREFIX_BYTES);
            for (int from = 0; from < end; from += RECORD_BYTES) {
                samples.add(Arrays.copyOfRange(file.data(), from, Math.min(end, from + RECORD_BYTES)));
            }
        }
        return samples;
    }
}
