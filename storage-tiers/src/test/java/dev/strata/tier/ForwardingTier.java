package dev.strata.tier;

import org.agrona.DirectBuffer;

/** A tier that forwards every call to another; tests override the calls they want to change. */
public abstract class ForwardingTier implements Tier {
    protected final Tier inner;

    protected ForwardingTier(final Tier inner) {
        this.inner = inner;
    }

    @Override
    public TierKind kind() {
        return inner.kind();
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public SegmentWriter create(final long segmentId) {
        return inner.create(segmentId);
    }

    @Override
    public SegmentReader open(final long segmentId) {
        return inner.open(segmentId);
    }

    @Override
    public SegmentReader openUnsealed(final long segmentId) {
        return inner.openUnsealed(segmentId);
    }

    @Override
    public void sealUnsealed(final long segmentId, final long validLength) {
        inner.sealUnsealed(segmentId, validLength);
    }

    @Override
    public boolean delete(final long segmentId) {
        return inner.delete(segmentId);
    }

    @Override
    public void list(final SegmentVisitor visitor) {
        inner.list(visitor);
    }

    @Override
    public void writeMetadata(final DirectBuffer src, final int offset, final int length) {
        inner.writeMetadata(src, offset, length);
    }

    @Override
    public byte[] readMetadata() {
        return inner.readMetadata();
    }

    @Override
    public int maxMetadataLength() {
        return inner.maxMetadataLength();
    }

    @Override
    public TierStats stats() {
        return inner.stats();
    }

    @Override
    public void close() {
        inner.close();
    }
}
