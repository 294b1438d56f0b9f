package dev.strata.tier;

import org.agrona.DirectBuffer;

/**
 * A persistent store of immutable segments identified by a {@code long} id, plus one atomic
 * metadata slot. The engine keeps its write-ahead log, sorted segments and manifest here.
 *
 * <h2>Segment life cycle</h2>
 * <pre>
 *   create(id) ──► SegmentWriter: append … sync … append … sync ──► seal() ──► open(id): SegmentReader
 *                      │ crash / close without seal                               │
 *                      ▼                                                          ▼
 *              unsealed segment: openUnsealed(id) reads its durable prefix;   delete(id)
 *              sealUnsealed(id, validLength) truncates and seals it
 * </pre>
 *
 * <h2>Durability</h2>
 * Bytes appended to a segment are durable once {@link SegmentWriter#sync()} (or {@link
 * SegmentWriter#seal()}) returns. After a crash, an unsealed segment holds every synced byte, and
 * any unsynced byte it holds is either absent or exactly what was appended (a prefix of the
 * unsynced tail; never garbage inside the synced part). A sealed segment and the metadata slot
 * are all-or-nothing. Creation, sealing and deletion are durable when the call returns.
 *
 * <h2>Threading</h2>
 * Tier-level operations are thread-safe. A {@link SegmentWriter} is used by one thread at a time;
 * a {@link SegmentReader} is safe for concurrent positional reads.
 */
public interface Tier extends AutoCloseable {
    /** @return which implementation this is */
    TierKind kind();

    /** @return a human-readable description of the location, e.g. the directory or bucket/prefix */
    String location();

    /**
     * Creates a new, empty segment and opens it for appending.
     *
     * @throws SegmentExistsException if a segment (sealed or not) with this id already exists
     */
    SegmentWriter create(long segmentId);

    /**
     * Opens a sealed segment for positional reads.
     *
     * @throws SegmentNotFoundException  if there is no such segment
     * @throws SegmentNotSealedException if the segment exists but is not sealed
     */
    SegmentReader open(long segmentId);

    /**
     * Opens the durable prefix of an unsealed segment that no writer holds open (for crash
     * recovery: the write-ahead log's last segment).
     *
     * @throws SegmentNotFoundException  if there is no such segment
     * @throws IllegalStateException     if a writer of this tier instance still holds it open, or it is sealed
     */
    SegmentReader openUnsealed(long segmentId);

    /**
     * Truncates an unsealed segment (that no writer holds open) to {@code validLength} and seals
     * it; recovery calls this after finding the last intact record.
     *
     * @throws SegmentNotFoundException if there is no such segment
     * @throws IllegalArgumentException if {@code validLength} exceeds its durable length
     */
    void sealUnsealed(long segmentId, long validLength);

    /**
     * Deletes a segment, sealed or not (a writer still open on it is invalidated). Idempotent.
     *
     * @return {@code true} if it existed
     */
    boolean delete(long segmentId);

    /**
     * Lists the segments, sealed and unsealed, in ascending id order.
     *
     * @param visitor called once per segment; not on the hot path, so the ids may be gathered in
     *                any collection
     */
    void list(SegmentVisitor visitor);

    /**
     * Replaces the metadata slot's contents atomically: after a crash, a reader sees the old blob
     * or the new one, never a mix. Durable when the call returns.
     *
     * @throws IllegalArgumentException if {@code length} exceeds {@link #maxMetadataLength()}
     */
    void writeMetadata(DirectBuffer src, int offset, int length);

    /** @return a copy of the metadata slot, or {@code null} if it was never written */
    byte[] readMetadata();

    /** @return the largest blob {@link #writeMetadata} accepts (at least 1 MiB) */
    int maxMetadataLength();

    /** @return this tier's live counters */
    TierStats stats();

    /** Closes the tier and every writer and reader it opened. Idempotent. */
    @Override
    void close();

    /** Receives segments from {@link #list(SegmentVisitor)}. */
    @FunctionalInterface
    interface SegmentVisitor {
        /**
         * @param segmentId the segment's id
         * @param sealed    whether it is sealed
         * @param length    its length in bytes (for an unsealed segment: the bytes currently durable or written)
         */
        void segment(long segmentId, boolean sealed, long length);
    }
}
