package dev.strata.tier.object;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.TierClosedException;
import org.agrona.MutableDirectBuffer;

/**
 * Positional reads of a segment stored as one or more objects: a sealed segment is one object; an
 * unsealed one (during recovery) is the concatenation of its part objects. Each piece contributes
 * its payload (after the 48-byte header); a read is routed by binary search over the pieces' start
 * offsets and becomes ranged reads of the pieces. Allocation-free when the pieces' readers are
 * (the local store's are); safe for concurrent reads.
 */
final class SegmentObjectReader implements SegmentReader {
    private final ObjectTier tier;
    private final long segmentId;
    private final ObjectReader[] pieces;
    private final long[] starts;
    private final long length;
    private volatile boolean closed;

    /**
     * @param pieces the objects in segment order; each holds a header then its payload
     * @param starts the segment offset of each piece's first payload byte
     */
    SegmentObjectReader(final ObjectTier tier, final long segmentId, final ObjectReader[] pieces, final long[] starts, final long length) {
        this.tier = tier;
        this.segmentId = segmentId;
        this.pieces = pieces;
        this.starts = starts;
        this.length = length;
    }

    @Override
    public long segmentId() {
        return segmentId;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(final long position, final MutableDirectBuffer dst, final int dstOffset, final int len) {
        KeyRules.checkRange(position, dst.capacity(), dstOffset, len);
        if (closed) {
            throw new TierClosedException("reader of segment " + segmentId + " in " + tier.location() + " is closed; open the segment again");
        }
        if (position >= length) {
            return 0;
        }
        final int n = (int) Math.min(len, length - position);
        int done = 0;
        int piece = pieceAt(position);
        while (done < n) {
            final long at = position + done;
            while (piece + 1 < pieces.length && starts[piece + 1] <= at) {
                piece++;
            }
            final long end = piece + 1 < pieces.length ? starts[piece + 1] : length;
            final int step = (int) Math.min(n - done, end - at);
            final int got = pieces[piece].read(SegmentObjectDescriptor.HEADER_LENGTH + at - starts[piece], dst, dstOffset + done, step);
            if (got != step) {
                throw new ObjectCorruptException("segment " + segmentId + ": object '" + pieces[piece].key() + "' returned " + got + " bytes where " + step
                    + " were expected at segment offset " + at);
            }
            done += step;
        }
        tier.stats.onRead(n);
        return n;
    }

    private int pieceAt(final long position) {
        int lo = 0;
        int hi = pieces.length - 1;
        while (lo < hi) {
            final int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (final ObjectReader r : pieces) {
            r.close();
        }
        tier.forget(this);
    }
}
