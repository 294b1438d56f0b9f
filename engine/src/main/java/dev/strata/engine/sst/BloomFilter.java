package dev.strata.engine.sst;

import static dev.strata.engine.sst.BloomFilterDescriptor.BITS_OFFSET;
import static dev.strata.engine.sst.BloomFilterDescriptor.HASH_VERSION;
import static dev.strata.engine.sst.BloomFilterDescriptor.HASH_VERSION_OFFSET;
import static dev.strata.engine.sst.BloomFilterDescriptor.HEADER_LENGTH;
import static dev.strata.engine.sst.BloomFilterDescriptor.PROBES_OFFSET;
import static dev.strata.engine.sst.BloomFilterDescriptor.RESERVED_OFFSET;

import dev.strata.engine.Hashing;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Bloom filter over user keys, built into and queried from a buffer in the {@link
 * BloomFilterDescriptor} layout. Static methods only: building and probing allocate nothing.
 *
 * <p>With {@code bitsPerKey} bits per key the number of probes is {@code round(bitsPerKey * ln 2)}
 * (the optimum), giving about 1 % false positives at 10 bits per key.
 */
public final class BloomFilter {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private BloomFilter() {
    }

    /** @return bits for {@code keys} keys at {@code bitsPerKey}, rounded up to a multiple of 64 (at least 64) */
    public static int bitsFor(final long keys, final int bitsPerKey) {
        final long bits = Math.max(64, keys * bitsPerKey);
        if (bits > Integer.MAX_VALUE - 63) {
            throw new IllegalArgumentException("bloom filter for " + keys + " keys at " + bitsPerKey + " bits per key is too large");
        }
        return (int)((bits + 63) & ~63L);
    }

    /** @return the optimal probe count for {@code bitsPerKey}, between 1 and 30 */
    public static int probesFor(final int bitsPerKey) {
        return Math.max(1, Math.min(30, (int)Math.round(bitsPerKey * 0.6931471805599453)));
    }

    /** Writes an empty filter header and zeroes its bits at {@code offset}. */
    public static void init(final MutableDirectBuffer buffer, final int offset, final int bits, final int probes) {
        buffer.putInt(offset + BITS_OFFSET, bits, ORDER);
        buffer.putByte(offset + PROBES_OFFSET, (byte)probes);
        buffer.putByte(offset + HASH_VERSION_OFFSET, (byte)HASH_VERSION);
        buffer.putShort(offset + RESERVED_OFFSET, (short)0, ORDER);
        buffer.setMemory(offset + HEADER_LENGTH, bits >>> 3, (byte)0);
    }

    /** Adds the key with hash {@code hash} ({@link #hash}) to the filter at {@code offset}. */
    public static void add(final MutableDirectBuffer buffer, final int offset, final long hash) {
        final int bits = buffer.getInt(offset + BITS_OFFSET, ORDER);
        final int probes = buffer.getByte(offset + PROBES_OFFSET);
        final int h1 = (int)hash;
        final int h2 = (int)(hash >>> 32);
        for (int i = 0; i < probes; i++) {
            final int bit = Integer.remainderUnsigned(h1 + i * h2, bits);
            final int byteIndex = offset + HEADER_LENGTH + (bit >>> 3);
            buffer.putByte(byteIndex, (byte)(buffer.getByte(byteIndex) | (1 << (bit & 7))));
        }
    }

    /** @return {@code false} if the key with this hash is certainly absent; {@code true} if it may be present */
    public static boolean mightContain(final DirectBuffer buffer, final int offset, final long hash) {
        final int bits = buffer.getInt(offset + BITS_OFFSET, ORDER);
        final int probes = buffer.getByte(offset + PROBES_OFFSET);
        final int h1 = (int)hash;
        final int h2 = (int)(hash >>> 32);
        for (int i = 0; i < probes; i++) {
            final int bit = Integer.remainderUnsigned(h1 + i * h2, bits);
            if ((buffer.getByte(offset + HEADER_LENGTH + (bit >>> 3)) & (1 << (bit & 7))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the hash the filter uses for a user key */
    public static long hash(final DirectBuffer key, final int keyOffset, final int keyLength) {
        return Hashing.hash64(key, keyOffset, keyLength, 0);
    }
}
