package dev.strata.tier.object;

import org.agrona.MutableDirectBuffer;

/**
 * Repeated ranged reads of one version of one object, from {@link ObjectStore#openReader(String)}.
 * Safe for concurrent reads from several threads.
 */
public interface ObjectReader extends AutoCloseable {
    /** @return the object key */
    String key();

    /** @return the size of the object version this reader is pinned to */
    long size();

    /** @return the ETag of that version (no quotes) */
    String etag();

    /**
     * Reads up to {@code length} bytes at {@code position} into {@code dst[dstOffset, ...)}.
     *
     * @return the bytes read: {@code length}, or fewer only when the object ends first (0 at or past its end)
     * @throws IllegalArgumentException if {@code position} is negative or the destination range is outside {@code dst}
     * @throws dev.strata.tier.TierClosedException if the reader was closed
     */
    int read(long position, MutableDirectBuffer dst, int dstOffset, int length);

    /** Releases the reader. Idempotent. */
    @Override
    void close();
}
