package dev.strata.compression;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.testsupport.CodecSpec;
import dev.strata.compression.testsupport.TestData;
import dev.strata.compression.testsupport.TestDictionaries;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hot path allocates nothing once warm (DESIGN.md, "Rules for the hot path"): for every codec
 * type, 100,000 compress + decompress round trips of a 4 KiB block, with array-backed and with
 * direct buffers, and 100,000 {@link FrameWriter#write} + {@link FrameReader#read} round trips,
 * measured with {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes} on this
 * thread after a warm-up.
 *
 * <p>The bar is under 0.1 byte per round trip, plus {@link #SLACK_BYTES} in total, because the JVM
 * itself sometimes allocates on this thread once, at a safepoint poll inside compiled code, with no
 * Java code asking for it. A JFR recording with {@code -XX:-UseTLAB} attributes these to poll sites
 * (inside {@code UnsafeApi.copyMemory}, a range check) as {@code String}s and {@code byte[]}s: under
 * 1 KB per 100,000 round trips normally, but once about 24 KB in one burst when Jazzer's agent was
 * attached by {@code FrameReaderFuzzTest} earlier in the same JVM. A real per-call allocation of
 * the smallest object (16 bytes) would cost 1.6 MB here, 50 times the slack.
 * This is a unit check, not a benchmark: the JMH suites in {@code bench} measure rates.
 */
class ZeroAllocationTest {
    private static final int ROUND_TRIPS = 100_000;
    private static final int WARM_UP = 20_000;
    private static final long SLACK_BYTES = 32 * 1024;
    private static final int BLOCK = 4 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** Keeps the allocations of {@link #theMeasurementSeesAllocations()} from being optimised away. */
    static volatile Object sink;

    enum Mode { CODEC_ARRAYS, CODEC_DIRECT, FRAME_ARRAYS, FRAME_DIRECT }

    static Stream<Arguments> cases() {
        return CodecSpec.oneOfEachType().stream()
            .flatMap(spec -> Arrays.stream(Mode.values()).map(mode -> Arguments.of(spec, mode)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void warmRoundTripsAllocateNothing(final CodecSpec spec, final Mode mode) {
        final boolean direct = mode == Mode.CODEC_DIRECT || mode == Mode.FRAME_DIRECT;
        final byte[] block = TestData.json(new Random(1), BLOCK);
        final ByteBuffer[] owners = new ByteBuffer[3];
        try (Codec codec = spec.create(); FrameReader reader = new FrameReader().addDictionary(TestDictionaries.json())) {
            final RoundTrip trip = new RoundTrip(codec, new FrameWriter(codec), reader,
                mode == Mode.FRAME_ARRAYS || mode == Mode.FRAME_DIRECT,
                buffer(direct, BLOCK, owners, 0), buffer(direct, BLOCK + 1024, owners, 1), buffer(direct, BLOCK, owners, 2));
            trip.src.putBytes(0, block);

            trip.run(WARM_UP);
            THREADS.getCurrentThreadAllocatedBytes(); // the first call may initialise something
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            trip.run(ROUND_TRIPS);
            final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

            final double perRoundTrip = (double)allocated / ROUND_TRIPS;
            System.out.printf("[allocation] %-14s %-13s %8d bytes in %d round trips = %.4f bytes per round trip%n",
                spec, mode, allocated, ROUND_TRIPS, perRoundTrip);
            assertTrue(allocated <= SLACK_BYTES || (allocated - SLACK_BYTES) / (double)ROUND_TRIPS < 0.1,
                spec + " " + mode + " allocated " + allocated + " bytes in " + ROUND_TRIPS + " warm round trips ("
                    + perRoundTrip + " per round trip)");
        } finally {
            for (ByteBuffer owner : owners) {
                if (owner != null) {
                    BufferUtil.free(owner);
                }
            }
        }
    }

    /** The control: the measurement does see allocations on this thread. */
    @Test
    void theMeasurementSeesAllocations() {
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            sink = new byte[16];
        }
        final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated >= 1_000 * 32, "1000 arrays of 16 bytes (32 with header) but measured " + allocated + " bytes");
    }

    private static MutableDirectBuffer buffer(final boolean direct, final int capacity, final ByteBuffer[] owners, final int i) {
        if (!direct) {
            return new UnsafeBuffer(new byte[capacity]);
        }
        owners[i] = ByteBuffer.allocateDirect(capacity);
        return new UnsafeBuffer(owners[i]);
    }

    /** The measured loop, kept free of lambdas, boxing and strings except when it fails. */
    private static final class RoundTrip {
        final Codec codec;
        final FrameWriter writer;
        final FrameReader reader;
        final boolean frames;
        final MutableDirectBuffer src;
        final MutableDirectBuffer packed;
        final MutableDirectBuffer out;

        RoundTrip(final Codec codec, final FrameWriter writer, final FrameReader reader, final boolean frames,
            final MutableDirectBuffer src, final MutableDirectBuffer packed, final MutableDirectBuffer out) {
            this.codec = codec;
            this.writer = writer;
            this.reader = reader;
            this.frames = frames;
            this.src = src;
            this.packed = packed;
            this.out = out;
        }

        void run(final int iterations) {
            for (int i = 0; i < iterations; i++) {
                final int n = frames
                    ? writer.write(src, 0, BLOCK, packed, 0, packed.capacity())
                    : codec.compress(src, 0, BLOCK, packed, 0, packed.capacity());
                final int m = frames
                    ? reader.read(packed, 0, n, out, 0, BLOCK)
                    : codec.decompress(packed, 0, n, out, 0, BLOCK);
                if (n <= 0 || m != BLOCK) {
                    throw new AssertionError(codec + ": compressed to " + n + ", decompressed to " + m);
                }
            }
        }
    }
}
