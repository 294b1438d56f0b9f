package dev.strata.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

/**
 * Runs the benchmarks' setup and methods outside JMH: the raw libraries must produce exactly
 * Strata's payload sizes (checked in {@link RawLibraryBenchmark#setUp()}), and Strata's codecs
 * must allocate nothing per block once warm, measured with the thread's allocation counter.
 * No timing here: that is JMH's job.
 */
class BenchmarkSetupTest {
    private static final int WARM_UP_OPS = 2_000;
    private static final int MEASURED_OPS = 2_000;
    /** Less than one 16-byte object per 16 operations: no per-operation allocation, but room for JIT blips. */
    private static final long MAX_ALLOCATED_BYTES = 1024;
    private static final ThreadMXBean THREADS = (ThreadMXBean)ManagementFactory.getThreadMXBean();

    static List<Arguments> strataParams() {
        return params(CodecBenchmark.class);
    }

    static List<Arguments> rawParams() {
        return params(RawLibraryBenchmark.class);
    }

    private static List<Arguments> params(final Class<?> benchmark) {
        final List<Arguments> params = new ArrayList<>();
        try {
            final String[] codecs = benchmark.getField("codec").getAnnotation(Param.class).value();
            final String[] sizes = benchmark.getField("blockSize").getAnnotation(Param.class).value();
            for (String codec : codecs) {
                for (String size : sizes) {
                    params.add(Arguments.of(codec, Integer.parseInt(size)));
                }
            }
        } catch (final NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
        return params;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rawParams")
    void rawLibraryMatchesStrataSizes(final String codec, final int blockSize) {
        final RawLibraryBenchmark bench = new RawLibraryBenchmark();
        bench.codec = codec;
        bench.blockSize = blockSize;
        bench.setUp();
        try {
            assertTrue(bench.compress() > 0);
            assertEquals(blockSize, bench.decompress());
        } finally {
            bench.tearDown();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("strataParams")
    void strataCodecAllocatesNothingPerBlock(final String codec, final int blockSize) {
        final CodecBenchmark bench = new CodecBenchmark();
        bench.codec = codec;
        bench.blockSize = blockSize;
        bench.setUp();
        try {
            final int ops = codec.startsWith("zstd:") || codec.startsWith("deflate") || codec.startsWith("lz4hc") ? MEASURED_OPS / 10 : MEASURED_OPS;
            run(bench, WARM_UP_OPS / 10);
            THREADS.getCurrentThreadAllocatedBytes(); // its first call initialises lazily
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            run(bench, ops);
            final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            System.out.println("allocated by " + codec + " " + blockSize + ": " + allocated + " bytes over " + 2 * ops + " operations");
            assertTrue(allocated < MAX_ALLOCATED_BYTES, codec + " " + blockSize + " allocated " + allocated + " bytes over " + 2 * ops + " operations");
        } finally {
            bench.tearDown();
        }
    }

    private static void run(final CodecBenchmark bench, final int ops) {
        for (int i = 0; i < ops; i++) {
            if (bench.compress() <= 0 || bench.decompress() != bench.blockSize) {
                throw new AssertionError(bench.codec + " failed at operation " + i);
            }
        }
    }
}
