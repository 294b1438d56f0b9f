package dev.strata.tier;

import org.agrona.DirectBuffer;

/**
 * Appends to one new segment. Used by one thread at a time; allocates nothing per append once
 * warm. Closing without {@link #seal()} leaves an unsealed segment (see {@link Tier#openUnsealed}).
 */
public interface SegmentWriter extends AutoCloseable {
    /** @return the segment id */
    long segmentId();

    /** @return bytes appended so far (synced or not) */
    long length();

    /** @return bytes known durable (the length at the last {@link #sync()}) */
    long syncedLength();

    /**
     * Appends {@code src[offset, offset + length)}.
     *
     * <p>If src wraps a direct ByteBuffer, that ByteBuffer's position and limit may be used during
     * the call and are restored; do not move them from another thread meanwhile. (File-backed tiers
     * write a large append straight from it, without a copy; its mark may be discarded.)
     *
     * @return the segment offset at which the bytes start
     * @throws TierFullException if the tier has no room; what was appended before stays intact
     * @throws TierIOException   on an I/O failure
     */
    long append(DirectBuffer src, int offset, int length);

    /** Makes every appended byte durable (fdatasync or the tier's equivalent). */
    void sync();

    /**
     * Syncs, makes the segment immutable and readable through {@link Tier#open(long)}, and closes
     * this writer. Durable when it returns.
     */
    void seal();

    /** Closes without sealing (the segment stays, unsealed). Idempotent; no-op after {@link #seal()}. */
    @Override
    void close();
}
