package dev.strata.engine;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;

/**
 * Orders keys and internal keys without allocating.
 *
 * <p>User keys compare as unsigned bytes, lexicographically (shorter prefix first), as in
 * RocksDB's default comparator and LMDB. Internal keys (user key + trailer) order by user key
 * ascending, then by sequence number <em>descending</em>, so that a search for
 * {@code (key, snapshot)} lands on the newest version visible to that snapshot.
 */
public final class KeyComparator {
    private KeyComparator() {
    }

    /** @return negative, zero or positive as {@code a} sorts before, with or after {@code b} */
    public static int compareKeys(final DirectBuffer a, final int aOffset, final int aLength,
        final DirectBuffer b, final int bOffset, final int bLength) {
        final int min = Math.min(aLength, bLength);
        int i = 0;
        for (; i + 8 <= min; i += 8) {
            final long x = a.getLong(aOffset + i, ByteOrder.BIG_ENDIAN);
            final long y = b.getLong(bOffset + i, ByteOrder.BIG_ENDIAN);
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        for (; i < min; i++) {
            final int x = a.getByte(aOffset + i) & 0xFF;
            final int y = b.getByte(bOffset + i) & 0xFF;
            if (x != y) {
                return x - y;
            }
        }
        return Integer.compare(aLength, bLength);
    }

    /**
     * Compares internal keys given as user-key ranges plus their {@link Trailer trailers}.
     *
     * @return negative if {@code a} sorts first: smaller user key, or same key and higher sequence
     */
    public static int compareInternal(final DirectBuffer a, final int aOffset, final int aLength, final long aTrailer,
        final DirectBuffer b, final int bOffset, final int bLength, final long bTrailer) {
        final int c = compareKeys(a, aOffset, aLength, b, bOffset, bLength);
        if (c != 0) {
            return c;
        }
        return Long.compareUnsigned(bTrailer, aTrailer);
    }
}
