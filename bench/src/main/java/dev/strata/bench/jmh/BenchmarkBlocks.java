package dev.strata.bench.jmh;

import dev.strata.bench.lab.BlockSet;
import dev.strata.bench.lab.BuiltInCorpus;
import dev.strata.bench.lab.DictionaryTrainer;
import dev.strata.compression.ZstdDictionary;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The input of the codec benchmarks: {@link #COUNT} full blocks of one size, spread evenly over the
 * compressible part of the built-in corpus (text, JSON lines, numeric columns), in one off-heap
 * buffer. Every benchmark class takes the same blocks in the same order, so that Strata and the
 * raw libraries are compared on identical input in one run.
 */
public final class BenchmarkBlocks implements AutoCloseable {
    /** Number of distinct blocks cycled through; a power of two. */
    public static final int COUNT = 16;
    private static final int MASK = COUNT - 1;

    private final BlockSet set;
    private final int blockSize;
    private final int[] picks = new int[COUNT];

    private BenchmarkBlocks(final BlockSet set, final int blockSize) {
        this.set = set;
        this.blockSize = blockSize;
        int full = 0;
        for (int i = 0; i < set.count(); i++) {
            full += set.length(i) == blockSize ? 1 : 0;
        }
        if (full < COUNT) {
            throw new IllegalArgumentException("block size " + blockSize + " leaves only " + full + " full blocks; need " + COUNT);
        }
        // the k-th pick is the (k * full / COUNT)-th full block
        int seen = 0;
        int k = 0;
        for (int i = 0; i < set.count() && k < COUNT; i++) {
            if (set.length(i) == blockSize) {
                if (seen == (int)((long)k * full / COUNT)) {
                    picks[k++] = i;
                }
                seen++;
            }
        }
    }

    /** @param blockSize a power of two, at most 128 KiB */
    public static BenchmarkBlocks of(final int blockSize) {
        return new BenchmarkBlocks(BlockSet.of(BuiltInCorpus.compressible(), blockSize), blockSize);
    }

    /** @return the dictionary the lab would train for the built-in corpus, for {@code zstd-dict} */
    public static ZstdDictionary dictionary() {
        return DictionaryTrainer.train(BuiltInCorpus.generate());
    }

    /** @return the index after {@code i}, cycling through the {@link #COUNT} blocks */
    public static int next(final int i) {
        return (i + 1) & MASK;
    }

    public UnsafeBuffer data() {
        return set.data();
    }

    /** @return the offset in {@link #data()} of block {@code k} (0 to {@link #COUNT} - 1) */
    public int offset(final int k) {
        return set.offset(picks[k]);
    }

    public int blockSize() {
        return blockSize;
    }

    @Override
    public void close() {
        set.close();
    }
}
