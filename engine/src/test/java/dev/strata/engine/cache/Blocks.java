package dev.strata.engine.cache;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Test blocks whose bytes follow from their key, so any reader can verify what it got. */
final class Blocks {
    private Blocks() {
    }

    /** @return byte {@code i} of the block at {@code (segmentId, blockOffset)} */
    static byte byteAt(final long segmentId, final long blockOffset, final int i) {
        final long pattern = SlotTable.hash(segmentId, blockOffset) ^ 0x5DEECE66DL;
        return (byte)((pattern >>> ((i & 7) << 3)) + i);
    }

    /** Writes the block's first {@code length} bytes at {@code dst[0 ..]}. */
    static void fill(final MutableDirectBuffer dst, final long segmentId, final long blockOffset, final int length) {
        for (int i = 0; i < length; i++) {
            dst.putByte(i, byteAt(segmentId, blockOffset, i));
        }
    }

    /** @return the first index where {@code src[0 .. length)} differs from the block, or -1 if it matches */
    static int mismatch(final DirectBuffer src, final long segmentId, final long blockOffset, final int length) {
        for (int i = 0; i < length; i++) {
            if (src.getByte(i) != byteAt(segmentId, blockOffset, i)) {
                return i;
            }
        }
        return -1;
    }
}
