package dev.strata.tier;

import org.agrona.MutableDirectBuffer;

/**
 * Positional reads of a sealed segment (or of the durable prefix of an unsealed one, during
 * recovery). Offsets are {@code long}: segments may exceed 2 GiB. Safe for concurrent reads from
 * several threads; allocates nothing per read once warm.
 */
public interface SegmentReader extends AutoCloseable {
    /** @return the segment id */
    long segmentId();

    /** @return the segment length in bytes */
    long length();

    /**
     * Reads up to {@code length} bytes at {@code position} into {@code dst[dstOffset, ...)}.
     *
     * <p>If dst wraps a direct ByteBuffer, that ByteBuffer's position and limit are used during the
     * call and restored; do not move them from another thread meanwhile. (File-backed tiers read
     * straight into it, without a copy; its mark may be discarded.)
     *
     * @return the bytes read: {@code length}, or fewer only when the segment ends first (0 at or
     *     past the end)
     * @throws IllegalArgumentException if {@code position} is negative or the destination range is
     *     outside {@code dst}
     * @throws TierIOException on an I/O failure
     */
    int read(long position, MutableDirectBuffer dst, int dstOffset, int length);

    /** Releases the reader. Idempotent. */
    @Override
    void close();
}
