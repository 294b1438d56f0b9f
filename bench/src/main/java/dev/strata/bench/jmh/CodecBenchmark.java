package dev.strata.bench.jmh;

import dev.strata.bench.lab.CodecLevel;
import dev.strata.bench.lab.OffHeap;
import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Strata's codecs compressing and decompressing one block per operation, through direct
 * (off-heap) {@link UnsafeBuffer}s as the engine calls them. Each operation takes the next of the
 * {@link BenchmarkBlocks#COUNT} blocks. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} must
 * be about 0 B/op. {@link RawLibraryBenchmark} has the same methods and parameters for the
 * libraries called directly; MB/s = block size / time per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    /** {@code codec[:level]}, see {@link CodecLevel#parse}. */
    @Param({"none", "lz4:1", "lz4hc:9", "zstd:-1", "zstd:1", "zstd:3", "zstd-dict:3", "deflate:6"})
    public String codec;

    @Param({"4096", "65536"})
    public int blockSize;

    private BenchmarkBlocks blocks;
    private Codec strata;
    private UnsafeBuffer compressed;
    private final int[] compressedLengths = new int[BenchmarkBlocks.COUNT];
    private int slot;
    private UnsafeBuffer output;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        final CodecLevel level = CodecLevel.parse(codec);
        blocks = BenchmarkBlocks.of(blockSize);
        strata = level.open(level.type() == CodecType.ZSTD_DICT ? BenchmarkBlocks.dictionary() : null);
        slot = strata.maxCompressedLength(blockSize);
        compressed = OffHeap.allocate(slot * BenchmarkBlocks.COUNT);
        output = OffHeap.allocate(slot);
        for (int k = 0; k < BenchmarkBlocks.COUNT; k++) {
            compressedLengths[k] = strata.compress(blocks.data(), blocks.offset(k), blockSize, compressed, k * slot, slot);
            final int n = strata.decompress(compressed, k * slot, compressedLengths[k], output, 0, blockSize);
            if (n != blockSize || !sameBytes(output, blocks.data(), blocks.offset(k), blockSize)) {
                throw new IllegalStateException(codec + " did not restore block " + k + ": " + Codec.describeStatus(n));
            }
        }
    }

    @Benchmark
    public int compress() {
        final int k = next;
        next = BenchmarkBlocks.next(k);
        return strata.compress(blocks.data(), blocks.offset(k), blockSize, output, 0, slot);
    }

    @Benchmark
    public int decompress() {
        final int k = next;
        next = BenchmarkBlocks.next(k);
        return strata.decompress(compressed, k * slot, compressedLengths[k], output, 0, blockSize);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        strata.close();
        blocks.close();
        OffHeap.free(compressed);
        OffHeap.free(output);
    }

    static boolean sameBytes(final UnsafeBuffer a, final UnsafeBuffer b, final int bOffset, final int length) {
        for (int i = 0; i < length; i++) {
            if (a.getByte(i) != b.getByte(bOffset + i)) {
                return false;
            }
        }
        return true;
    }
}
