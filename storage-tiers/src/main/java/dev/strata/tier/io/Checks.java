package dev.strata.tier.io;

import org.agrona.DirectBuffer;

/** Argument checks shared by the tiers' readers and writers; they allocate only when they throw. */
public final class Checks {
    private Checks() {
    }

    /** Checks a read request. */
    public static void readArgs(final long position, final DirectBuffer dst, final int dstOffset, final int length) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
        if (dstOffset < 0 || length < 0 || (long) dstOffset + length > dst.capacity()) {
            throw new IllegalArgumentException("destination range [" + dstOffset + ", " + ((long) dstOffset + length)
                + ") is outside the buffer of capacity " + dst.capacity());
        }
    }

    /** Checks an append request. */
    public static void appendArgs(final DirectBuffer src, final int offset, final int length) {
        if (offset < 0 || length < 0 || (long) offset + length > src.capacity()) {
            throw new IllegalArgumentException("source range [" + offset + ", " + ((long) offset + length)
                + ") is outside the buffer of capacity " + src.capacity());
        }
    }

    /** Checks a metadata blob's size. */
    public static void metadataArgs(final DirectBuffer src, final int offset, final int length, final int max) {
        appendArgs(src, offset, length);
        if (length > max) {
            throw new IllegalArgumentException("metadata blob of " + length + " bytes exceeds maxMetadataLength " + max
                + "; keep the manifest smaller or split it");
        }
    }
}
