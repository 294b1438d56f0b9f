package dev.strata.compression.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.Codec;
import dev.strata.compression.testsupport.BufferKind;
import dev.strata.compression.testsupport.GuardedBuffer;
import dev.strata.compression.testsupport.Seeds;
import dev.strata.compression.testsupport.TestData;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Codec} meets. Each codec variant (type and level) runs it through a
 * subclass that supplies {@link #newCodec()} and {@link #newCodec(int)}.
 *
 * <p>What it checks:
 * <ul>
 *   <li>round trips ({@link RoundTripContract}): empty, 1 byte, incompressible, highly compressible
 *       and 1 MiB inputs, non-zero source and destination offsets, output within
 *       {@link Codec#maxCompressedLength(int)}, source unchanged;</li>
 *   <li>every pair of {@link BufferKind}s (array, heap and direct {@code ByteBuffer}, raw memory) in
 *       both directions, and the {@code ByteBuffer} API, which must ignore positions and limits;</li>
 *   <li>a destination too small for compress or decompress gives {@link Codec#DST_TOO_SMALL}, never an
 *       exception, and the codec still works afterwards;</li>
 *   <li>malformed input gives {@link Codec#MALFORMED_INPUT}; garbage, truncated and bit-flipped input
 *       gives a status or a length, never an exception or a JVM crash;</li>
 *   <li>on every call, guard bytes around the destination range stay untouched;</li>
 *   <li>levels outside the type's range throw {@link IllegalArgumentException} naming the range;
 *       use after close throws {@link IllegalStateException};</li>
 *   <li>seeded random round trips ({@link Seeds}: the seed is printed, {@code -Dstrata.seed} replays).</li>
 * </ul>
 */
public abstract class CodecContract extends RoundTripContract {
    /** @return iterations of {@link #randomRoundTrips()}; slow levels lower it */
    protected int randomIterations() {
        return 200;
    }

    static Stream<Arguments> kindPairs() {
        return Arrays.stream(BufferKind.values())
            .flatMap(a -> Arrays.stream(BufferKind.values()).map(b -> Arguments.of(a, b)));
    }

    @ParameterizedTest
    @MethodSource("dev.strata.compression.codec.CodecContract#kindPairs")
    void roundTripsBetweenEveryPairOfBufferKinds(final BufferKind src, final BufferKind dst) {
        roundTrip(TestData.mixed(rnd, 40_000), src, dst, 3, 11);
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void compressIntoTooSmallDestinationReturnsDstTooSmall(final BufferKind kind) {
        for (byte[] data : new byte[][] {TestData.random(rnd, 5_000), TestData.compressible(rnd, 5_000), {1, 2, 3}}) {
            final int n = roundTrip(data, kind, kind, 0, 0);
            for (int capacity : new int[] {0, 1, n / 2, n - 1}) {
                final GuardedBuffer src = buffers.guarded(kind, data.length).put(data);
                final GuardedBuffer dst = buffers.guarded(kind, capacity, 5);
                final int status = codec.compress(src.buffer(), src.offset(), data.length, dst.buffer(), dst.offset(), capacity);
                assertEquals(Codec.DST_TOO_SMALL, status, codec + " compress of " + data.length + " bytes into " + capacity);
                dst.assertGuardsIntact(codec + " compress into " + capacity + " of " + n + " needed");
            }
            assertEquals(n, roundTrip(data, kind, kind, 0, 0), "the codec works after DST_TOO_SMALL");
        }
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void decompressIntoTooSmallDestinationReturnsDstTooSmall(final BufferKind kind) {
        for (byte[] data : new byte[][] {TestData.random(rnd, 5_000), TestData.compressible(rnd, 5_000), {9}}) {
            final GuardedBuffer src = buffers.guarded(kind, data.length).put(data);
            final GuardedBuffer packed = buffers.guarded(kind, codec.maxCompressedLength(data.length));
            final int n = codec.compress(src.buffer(), src.offset(), data.length, packed.buffer(), packed.offset(), packed.length());
            for (int capacity : new int[] {0, data.length / 2, data.length - 1}) {
                final GuardedBuffer out = buffers.guarded(kind, capacity, 3);
                final int status = codec.decompress(packed.buffer(), packed.offset(), n, out.buffer(), out.offset(), capacity);
                assertEquals(Codec.DST_TOO_SMALL, status, codec + " decompress of " + data.length + " bytes into "
                    + capacity + ": " + Codec.describeStatus(status));
                out.assertGuardsIntact(codec + " decompress into " + capacity + " of " + data.length);
            }
            assertEquals(n, roundTrip(data, kind, kind, 0, 0), "the codec works after DST_TOO_SMALL");
        }
    }

    @Test
    void malformedInputReturnsMalformedInput() {
        final byte[] garbage = new byte[64];
        Arrays.fill(garbage, (byte)0xFF);
        for (BufferKind kind : BufferKind.values()) {
            final GuardedBuffer src = buffers.guarded(kind, garbage.length).put(garbage);
            final GuardedBuffer out = buffers.guarded(kind, 4_096);
            final int status = codec.decompress(src.buffer(), src.offset(), garbage.length, out.buffer(), out.offset(), out.length());
            assertEquals(compresses() ? Codec.MALFORMED_INPUT : garbage.length, status, codec + " " + kind);
            out.assertGuardsIntact(codec + " malformed input");
        }
    }

    @Test
    void damagedInputNeverThrowsNorWritesOutsideItsRange() {
        final long seed = Seeds.seed(getClass().getName() + "#damagedInput");
        final Random r = new Random(seed);
        final byte[] data = TestData.json(r, 300);
        final GuardedBuffer src = buffers.guarded(BufferKind.ARRAY, data.length).put(data);
        final GuardedBuffer packed = buffers.guarded(BufferKind.ARRAY, codec.maxCompressedLength(data.length));
        final int n = codec.compress(src.buffer(), src.offset(), data.length, packed.buffer(), packed.offset(), packed.length());
        final byte[] compressed = packed.bytes(n);
        for (int length = 0; length < n; length++) {
            final int status = decompressDamaged(Arrays.copyOf(compressed, length), data.length, seed);
            assertTrue(status < 0 || status < data.length, codec + ": a truncated input decoded in full" + Seeds.replay(seed));
        }
        for (int bit = 0; bit < n * 8; bit++) {
            final byte[] flipped = compressed.clone();
            flipped[bit >>> 3] ^= (byte)(1 << (bit & 7));
            decompressDamaged(flipped, data.length, seed);
        }
        for (int i = 0; i < 300; i++) {
            decompressDamaged(TestData.random(r, r.nextInt(400)), data.length, seed);
        }
    }

    private int decompressDamaged(final byte[] input, final int capacity, final long seed) {
        final String what = codec + " decompressing " + input.length + " damaged bytes" + Seeds.replay(seed);
        final GuardedBuffer src = buffers.guarded(BufferKind.DIRECT_BYTE_BUFFER, input.length).put(input);
        final GuardedBuffer out = buffers.guarded(BufferKind.ARRAY, capacity);
        final int status = codec.decompress(src.buffer(), src.offset(), input.length, out.buffer(), out.offset(), capacity);
        assertTrue(status >= Codec.WRONG_DICTIONARY && status <= capacity, what + ": returned " + status);
        out.assertGuardsIntact(what);
        assertArrayEquals(input, src.bytes(input.length), what + ": decompress changed its source");
        return status;
    }

    @Test
    void randomRoundTrips() {
        final long seed = Seeds.seed(getClass().getName() + "#randomRoundTrips");
        final Random r = new Random(seed);
        final BufferKind[] kinds = BufferKind.values();
        for (int i = 0; i < randomIterations(); i++) {
            final int length = r.nextInt(4) == 0 ? r.nextInt(17) : r.nextInt(r.nextBoolean() ? 2_000 : 70_000);
            final byte[] data;
            switch (r.nextInt(4)) {
                case 0: data = TestData.random(r, length); break;
                case 1: data = TestData.compressible(r, length); break;
                case 2: data = TestData.json(r, length); break;
                default: data = TestData.mixed(r, length); break;
            }
            try {
                roundTrip(data, kinds[r.nextInt(kinds.length)], kinds[r.nextInt(kinds.length)], r.nextInt(32), r.nextInt(32));
            } catch (final AssertionError e) {
                throw new AssertionError("iteration " + i + Seeds.replay(seed) + ": " + e.getMessage(), e);
            }
            if (i % 50 == 49) {
                buffers.close(); // free off-heap memory as the loop goes
            }
        }
    }
}
