package dev.strata.tier.object;

import dev.strata.tier.SegmentWriter;
import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierFullException;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends to one segment of an {@link ObjectTier}.
 *
 * <h2>Buffering</h2>
 * Objects are immutable and written whole, so appends go to an off-heap buffer that grows by
 * doubling (reused from the tier's pool once warm, so appends allocate nothing). The buffer keeps
 * 48 bytes free in front for the object header, so {@link #seal()} puts the whole segment with one
 * PUT straight from the buffer. A segment is limited to what one buffer holds: about 2 GiB.
 *
 * <h2>Sync = one PUT</h2>
 * {@link #sync()} puts a part object with the bytes appended since the previous part (a header and
 * a copy of those bytes in a second pooled buffer). That is the only way to make bytes durable in
 * an object store, and it costs one PUT per sync: on S3 tens of milliseconds and a request fee, so
 * callers should sync per group commit, not per record. A sync with nothing new is free.
 *
 * <h2>Threading</h2>
 * Used by one thread, but the tier may invalidate it from another (delete of the segment, close of
 * the tier); every method takes the writer's monitor, uncontended in the normal case, so that the
 * buffers are never freed under a running append.
 */
final class ObjectSegmentWriter implements SegmentWriter {
    private static final int HEADER = SegmentObjectDescriptor.HEADER_LENGTH;
    /** Largest segment: a buffer's int capacity, minus the header, with room for growth rounding. */
    static final long MAX_SEGMENT_BYTES = Integer.MAX_VALUE - 64L - HEADER;

    private final ObjectTier tier;
    private final long segmentId;
    private final CRC32C crc = new CRC32C();
    private OffHeapBuffer buffer;
    private OffHeapBuffer partBuffer;
    private int length;
    private int synced;
    private int nextPart = 1;
    private String closedBecause;

    ObjectSegmentWriter(final ObjectTier tier, final long segmentId) {
        this.tier = tier;
        this.segmentId = segmentId;
        this.buffer = tier.borrowBuffer();
    }

    @Override
    public long segmentId() {
        return segmentId;
    }

    @Override
    public synchronized long length() {
        return length;
    }

    @Override
    public synchronized long syncedLength() {
        return synced;
    }

    @Override
    public synchronized long append(final DirectBuffer src, final int offset, final int len) {
        checkUsable();
        if (offset < 0 || len < 0 || offset > src.capacity() - len) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + len + ") is outside the source of capacity " + src.capacity());
        }
        if ((long) length + len > MAX_SEGMENT_BYTES) {
            throw new TierFullException("segment " + segmentId + " in " + tier.location() + " would exceed " + MAX_SEGMENT_BYTES
                + " bytes, the most an object tier segment buffers in memory; seal it and continue in a new segment");
        }
        final int at = length;
        buffer.ensureCapacity(HEADER + (long) at + len).putBytes(HEADER + at, src, offset, len);
        length = at + len;
        tier.stats.onAppend(len);
        return at;
    }

    @Override
    public synchronized void sync() {
        checkUsable();
        tier.stats.onSync();
        final int n = length - synced;
        if (n == 0) {
            return;
        }
        if (partBuffer == null) {
            partBuffer = tier.borrowBuffer();
        }
        final UnsafeBuffer part = partBuffer.ensureCapacity(HEADER + (long) n);
        part.putBytes(HEADER, buffer.view(), HEADER + synced, n);
        SegmentObjectDescriptor.writeHeader(part, SegmentObjectDescriptor.KIND_PART, segmentId, nextPart, synced, n, crc);
        tier.putObject(tier.keys.part(segmentId, nextPart), part, HEADER + n, PutCondition.NONE);
        nextPart++;
        synced = length;
    }

    @Override
    public synchronized void seal() {
        checkUsable();
        final UnsafeBuffer whole = buffer.ensureCapacity(HEADER);
        SegmentObjectDescriptor.writeHeader(whole, SegmentObjectDescriptor.KIND_SEALED, segmentId, 0, 0, length, crc);
        tier.putObject(tier.keys.sealed(segmentId), whole, HEADER + length, PutCondition.NONE);
        synced = length;
        tier.deleteParts(segmentId, nextPart - 1);
        release("it was sealed");
    }

    @Override
    public synchronized void close() {
        if (closedBecause == null) {
            release("it was closed");
        }
    }

    /** Called by the tier when the segment is deleted or the tier closes. */
    synchronized void invalidate(final String why) {
        if (closedBecause == null) {
            release(why);
        }
    }

    private void release(final String why) {
        closedBecause = why;
        tier.returnBuffer(buffer);
        tier.returnBuffer(partBuffer);
        buffer = null;
        partBuffer = null;
        tier.unregister(this);
    }

    private void checkUsable() {
        if (closedBecause != null) {
            throw new TierClosedException("writer of segment " + segmentId + " in " + tier.location() + " is closed because " + closedBecause
                + "; a segment is written once: create a new one, or open it to read");
        }
    }

}
