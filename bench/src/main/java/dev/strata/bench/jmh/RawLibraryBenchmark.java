package dev.strata.bench.jmh;

import dev.strata.bench.lab.CodecLevel;
import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.ZstdDictionary;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.agrona.BufferUtil;
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
 * The libraries under Strata's codecs called directly ({@link RawCodecs}: lz4-java, zstd-jni, the
 * JDK's Deflater) on the same blocks, with the same methods, parameters and settings as
 * {@link CodecBenchmark}, so that Strata / raw ratios come from one run:
 * {@code strata bench 'CodecBenchmark|RawLibraryBenchmark' -prof gc}.
 *
 * <p>Setup checks that the raw library's output has exactly the size of Strata's payload for every
 * block (same library, same level, same settings), and fails the trial otherwise.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RawLibraryBenchmark {
    /** {@code codec[:level]} as in {@link CodecBenchmark}; {@code none} has no raw counterpart. */
    @Param({"lz4:1", "lz4hc:9", "zstd:-1", "zstd:1", "zstd:3", "zstd-dict:3", "deflate:6"})
    public String codec;

    @Param({"4096", "65536"})
    public int blockSize;

    private BenchmarkBlocks blocks;
    private RawCodec raw;
    private ByteBuffer source;
    private ByteBuffer compressed;
    private final int[] compressedLengths = new int[BenchmarkBlocks.COUNT];
    private int slot;
    private ByteBuffer output;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        final CodecLevel level = CodecLevel.parse(codec);
        final ZstdDictionary dictionary = level.type() == CodecType.ZSTD_DICT ? BenchmarkBlocks.dictionary() : null;
        blocks = BenchmarkBlocks.of(blockSize);
        raw = RawCodecs.of(level, dictionary);
        source = blocks.data().byteBuffer();
        try (Codec strata = level.open(dictionary)) {
            slot = strata.maxCompressedLength(blockSize);
            compressed = ByteBuffer.allocateDirect(slot * BenchmarkBlocks.COUNT);
            output = ByteBuffer.allocateDirect(slot);
            final UnsafeBuffer strataOut = new UnsafeBuffer(output);
            for (int k = 0; k < BenchmarkBlocks.COUNT; k++) {
                final int expected = strata.compress(blocks.data(), blocks.offset(k), blockSize, strataOut, 0, slot);
                compressedLengths[k] = raw.compress(source, blocks.offset(k), blockSize, compressed, k * slot, slot);
                if (compressedLengths[k] != expected) {
                    throw new IllegalStateException(raw.describe() + " compressed block " + k + " to " + compressedLengths[k]
                        + " bytes, Strata's " + level + " codec to " + expected + ": they must be configured alike");
                }
                final int n = raw.decompress(compressed, k * slot, compressedLengths[k], output, 0, blockSize);
                if (n != blockSize || !CodecBenchmark.sameBytes(strataOut, blocks.data(), blocks.offset(k), blockSize)) {
                    throw new IllegalStateException(raw.describe() + " did not restore block " + k);
                }
            }
        }
    }

    @Benchmark
    public int compress() {
        final int k = next;
        next = BenchmarkBlocks.next(k);
        return raw.compress(source, blocks.offset(k), blockSize, output, 0, slot);
    }

    @Benchmark
    public int decompress() {
        final int k = next;
        next = BenchmarkBlocks.next(k);
        return raw.decompress(compressed, k * slot, compressedLengths[k], output, 0, blockSize);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.close();
        blocks.close();
        BufferUtil.free(compressed);
        BufferUtil.free(output);
    }
}
