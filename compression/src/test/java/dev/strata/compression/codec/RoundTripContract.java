package dev.strata.compression.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.testsupport.BufferKind;
import dev.strata.compression.testsupport.GuardedBuffer;
import dev.strata.compression.testsupport.TestBuffers;
import dev.strata.compression.testsupport.TestData;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The round-trip half of {@link CodecContract}: compress then decompress returns the input for
 * empty, 1-byte, incompressible, highly compressible and 1 MiB inputs, at non-zero offsets and in
 * every {@link BufferKind}; compressed output never exceeds {@link Codec#maxCompressedLength(int)};
 * no call writes outside its destination range (guard bytes) or changes its source. Also level
 * validation and use after close. Subclass {@link CodecContract}, not this class.
 */
abstract class RoundTripContract {
    protected final TestBuffers buffers = new TestBuffers();
    protected final Random rnd = new Random(42);
    protected Codec codec;

    /** @return a new codec of the variant under test */
    protected abstract Codec newCodec();

    /** @return a new codec of the same type at {@code level} (may throw for a bad level) */
    protected abstract Codec newCodec(int level);

    /** @return {@code false} for a codec that stores data as is (NONE) */
    protected boolean compresses() {
        return true;
    }

    @BeforeEach
    void openCodec() {
        codec = newCodec();
    }

    @AfterEach
    void closeCodec() {
        codec.close();
        buffers.close();
    }

    @Test
    void emptyInputRoundTrips() {
        roundTrip(new byte[0], BufferKind.ARRAY, BufferKind.ARRAY, 0, 0);
        roundTrip(new byte[0], BufferKind.DIRECT_BYTE_BUFFER, BufferKind.RAW_MEMORY, 3, 5);
    }

    @Test
    void oneByteRoundTrips() {
        for (BufferKind kind : BufferKind.values()) {
            roundTrip(new byte[] {(byte)0x7F}, kind, kind, 1, 2);
        }
    }

    @Test
    void incompressibleInputStaysWithinTheBound() {
        final byte[] data = TestData.random(rnd, 64 * 1024);
        final int n = roundTrip(data, BufferKind.ARRAY, BufferKind.ARRAY, 0, 0);
        assertTrue(n >= (compresses() ? data.length * 99 / 100 : data.length), "random data cannot shrink much: " + n);
    }

    @Test
    void compressibleInputShrinks() {
        final byte[] data = TestData.compressible(rnd, 64 * 1024);
        final int n = roundTrip(data, BufferKind.DIRECT_BYTE_BUFFER, BufferKind.DIRECT_BYTE_BUFFER, 0, 0);
        if (compresses()) {
            assertTrue(n < data.length / 2, codec + " compressed repeated words only to " + n + " of " + data.length);
        } else {
            assertEquals(data.length, n);
        }
        final int zeros = roundTrip(new byte[100_000], BufferKind.ARRAY, BufferKind.ARRAY, 0, 0);
        assertTrue(!compresses() || zeros < 1_000, codec + " compressed 100000 zero bytes to " + zeros);
    }

    @Test
    void oneMebibyteRoundTrips() {
        roundTrip(TestData.mixed(rnd, 1 << 20), BufferKind.ARRAY, BufferKind.ARRAY, 0, 0);
        roundTrip(TestData.mixed(rnd, 1 << 20), BufferKind.DIRECT_BYTE_BUFFER, BufferKind.DIRECT_BYTE_BUFFER, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void nonZeroOffsetsAreHonoured(final BufferKind kind) {
        roundTrip(TestData.mixed(rnd, 10_000), kind, kind, 13, 29);
        roundTrip(TestData.compressible(rnd, 777), kind, kind, 1, 1_001);
    }

    @Test
    void levelsOutsideTheRangeAreRejected() {
        final CodecType type = codec.type();
        final String range = "use " + type.minLevel() + " to " + type.maxLevel();
        for (int level : new int[] {type.minLevel() - 1, type.maxLevel() + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newCodec(level).close(),
                "level " + level);
            assertTrue(e.getMessage().contains(range) && e.getMessage().contains(type.label()),
                "the message names the codec and its range: " + e.getMessage());
        }
        newCodec(type.minLevel()).close();
        newCodec(type.maxLevel()).close();
    }

    @Test
    void useAfterCloseThrowsIllegalStateException() {
        final byte[] data = TestData.compressible(rnd, 100);
        final GuardedBuffer src = buffers.guarded(BufferKind.ARRAY, data.length).put(data);
        final GuardedBuffer dst = buffers.guarded(BufferKind.ARRAY, codec.maxCompressedLength(data.length));
        final int n = codec.compress(src.buffer(), src.offset(), data.length, dst.buffer(), dst.offset(), dst.length());
        codec.close();
        codec.close(); // idempotent
        final ByteBuffer a = ByteBuffer.allocate(1000);
        final ByteBuffer b = ByteBuffer.allocate(1000);
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> codec.compress(src.buffer(), src.offset(), data.length, dst.buffer(), dst.offset(), dst.length()));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class,
            () -> codec.decompress(dst.buffer(), dst.offset(), n, src.buffer(), src.offset(), data.length));
        assertThrows(IllegalStateException.class, () -> codec.compress(a, 0, 100, b, 0, 1000));
        assertThrows(IllegalStateException.class, () -> codec.decompress(a, 0, 100, b, 0, 1000));
    }

    @Test
    void byteBufferApiRoundTripsAndIgnoresPositionsAndLimits() {
        final byte[] data = TestData.mixed(rnd, 20_000);
        final int bound = codec.maxCompressedLength(data.length);
        for (int combination = 0; combination < 4; combination++) {
            final boolean srcDirect = (combination & 1) != 0;
            final boolean dstDirect = (combination & 2) != 0;
            final String what = codec + " ByteBuffer " + (srcDirect ? "direct" : "heap") + "->" + (dstDirect ? "direct" : "heap");
            final ByteBuffer src = guardedByteBuffer(srcDirect, 11 + data.length + 9).put(11, data);
            src.limit(4).position(2);
            final ByteBuffer packed = guardedByteBuffer(dstDirect, 17 + bound + 9);
            packed.limit(20).position(19);
            final int n = codec.compress(src, 11, data.length, packed, 17, bound);
            assertTrue(n >= 0 && n <= bound, what + ": compress returned " + n);
            assertEquals(2, src.position(), what);
            assertEquals(4, src.limit(), what);
            assertEquals(19, packed.position(), what);
            assertEquals(20, packed.limit(), what);
            assertGuardsIntact(packed, 17, bound, what + " compress");

            final ByteBuffer out = guardedByteBuffer(srcDirect, 5 + data.length + 9);
            out.limit(0);
            assertEquals(data.length, codec.decompress(packed, 17, n, out, 5, data.length), what);
            assertEquals(0, out.position(), what);
            assertEquals(0, out.limit(), what);
            assertGuardsIntact(out, 5, data.length, what + " decompress");
            final byte[] back = new byte[data.length];
            out.duplicate().clear().get(5, back); // absolute gets are bounded by the limit, which is 0 here
            assertArrayEquals(data, back, what + ": round trip changed the data");
        }
    }

    private ByteBuffer guardedByteBuffer(final boolean direct, final int capacity) {
        final ByteBuffer bb = direct ? buffers.directByteBuffer(capacity) : ByteBuffer.allocate(capacity);
        for (int i = 0; i < capacity; i++) {
            bb.put(i, GuardedBuffer.PATTERN);
        }
        return bb;
    }

    private static void assertGuardsIntact(final ByteBuffer buffer, final int offset, final int length, final String what) {
        final ByteBuffer bb = buffer.duplicate().clear();
        for (int i = 0; i < bb.capacity(); i++) {
            if ((i < offset || i >= offset + length) && bb.get(i) != GuardedBuffer.PATTERN) {
                throw new AssertionError(what + ": byte " + i + " outside [" + offset + ", " + (offset + length) + ") was written");
            }
        }
    }

    /**
     * Compresses {@code data} from a {@code srcKind} buffer into a {@code dstKind} buffer and back into a
     * {@code srcKind} buffer, at the given leading offsets, checking bound, content and guard bytes.
     *
     * @return the compressed length
     */
    protected int roundTrip(final byte[] data, final BufferKind srcKind, final BufferKind dstKind,
        final int srcLead, final int dstLead) {
        final String what = codec + " " + data.length + " bytes " + srcKind + "->" + dstKind;
        final int bound = codec.maxCompressedLength(data.length);
        final GuardedBuffer src = buffers.guarded(srcKind, data.length, srcLead).put(data);
        final GuardedBuffer packed = buffers.guarded(dstKind, bound, dstLead);
        final int n = codec.compress(src.buffer(), src.offset(), data.length, packed.buffer(), packed.offset(), bound);
        assertTrue(n >= 0 && n <= bound, what + ": compress returned " + n + ", bound " + bound);
        packed.assertGuardsIntact(what + " compress");
        assertArrayEquals(data, src.bytes(data.length), what + ": compress changed its source");

        final GuardedBuffer out = buffers.guarded(srcKind, data.length, srcLead);
        final int m = codec.decompress(packed.buffer(), packed.offset(), n, out.buffer(), out.offset(), data.length);
        assertEquals(data.length, m, what + ": decompress returned " + Codec.describeStatus(m));
        out.assertGuardsIntact(what + " decompress");
        assertArrayEquals(data, out.bytes(data.length), what + ": round trip changed the data");
        return n;
    }
}
