package dev.strata.tier.fault;

import org.agrona.MutableDirectBuffer;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.fault.FaultPlan.Op;

/** A reader of {@link FaultInjectingTier}: each read is an operation the plan may fail. */
final class FaultReader implements SegmentReader {
    private final FaultInjectingTier tier;
    private final SegmentReader inner;

    FaultReader(final FaultInjectingTier tier, final SegmentReader inner) {
        this.tier = tier;
        this.inner = inner;
    }

    @Override
    public long segmentId() {
        return inner.segmentId();
    }

    @Override
    public long length() {
        return inner.length();
    }

    @Override
    public int read(final long position, final MutableDirectBuffer dst, final int dstOffset, final int length) {
        tier.before(Op.READ, false);
        return inner.read(position, dst, dstOffset, length);
    }

    @Override
    public void close() {
        inner.close();
    }
}
