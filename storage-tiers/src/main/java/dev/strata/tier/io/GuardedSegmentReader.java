package dev.strata.tier.io;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.TierIOException;
import java.io.IOException;
import org.agrona.MutableDirectBuffer;

/**
 * The part every file-backed {@link SegmentReader} shares: argument checks, a {@link ReadGuard}
 * so that {@link #close()} waits for reads in flight, clamping to the segment's length, counters,
 * and one message for I/O failures. Subclasses supply {@link #readRange} (a whole, in-bounds range)
 * and {@link #release()}.
 */
public abstract class GuardedSegmentReader implements SegmentReader {
    private final long segmentId;
    private final long length;
    private final TierCounters counters;
    private final ReadGuard guard = new ReadGuard();

    protected GuardedSegmentReader(final long segmentId, final long length, final TierCounters counters) {
        this.segmentId = segmentId;
        this.length = length;
        this.counters = counters;
    }

    /** Copies {@code n > 0} bytes at segment offset {@code position} (all within the segment) into {@code dst}. */
    protected abstract void readRange(long position, MutableDirectBuffer dst, int dstOffset, int n) throws IOException;

    /** Frees what the reader holds; called once, after every read in flight has finished. */
    protected abstract void release();

    @Override
    public final long segmentId() {
        return segmentId;
    }

    @Override
    public final long length() {
        return length;
    }

    @Override
    public final int read(final long position, final MutableDirectBuffer dst, final int dstOffset, final int len) {
        Checks.readArgs(position, dst, dstOffset, len);
        guard.enter(this);
        try {
            final int n = (int)Math.max(0, Math.min(len, length - position));
            if (n > 0) {
                readRange(position, dst, dstOffset, n);
            }
            counters.onRead(n);
            return n;
        } catch (final IOException e) {
            throw new TierIOException("read of " + len + " bytes at " + position + " of " + this + " failed: " + e
                + "; check the device, then reopen the segment", e);
        } finally {
            guard.exit();
        }
    }

    @Override
    public final void close() {
        if (guard.closeAndAwait()) {
            release();
        }
    }
}
