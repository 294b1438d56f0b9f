package dev.strata.engine;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;

/**
 * A 64-bit hash of byte ranges without allocation, for bloom filters and partitioning. The
 * output is persisted inside bloom filters, so the function never changes: a new function gets a
 * new filter version.
 *
 * <p>Eight bytes at a time, each word mixed with a multiply-xorshift round; the tail is folded in
 * byte-wise; the result goes through the MurmurHash3 64-bit finaliser, which avalanches every input
 * bit into every output bit.
 */
public final class Hashing {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;

    private Hashing() {
    }

    public static long hash64(final DirectBuffer buffer, final int offset, final int length, final long seed) {
        long h = seed ^ (length * P3);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            final long word = buffer.getLong(offset + i, ByteOrder.LITTLE_ENDIAN);
            h ^= Long.rotateLeft(word * P2, 31) * P1;
            h = Long.rotateLeft(h, 27) * P1 + P3;
        }
        for (; i < length; i++) {
            h ^= (buffer.getByte(offset + i) & 0xFFL) * P3;
            h = Long.rotateLeft(h, 11) * P1;
        }
        return fmix64(h);
    }

    /** The MurmurHash3 64-bit finaliser. */
    public static long fmix64(final long value) {
        long k = value;
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
