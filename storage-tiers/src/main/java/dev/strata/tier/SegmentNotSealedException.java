package dev.strata.tier;

/** The segment exists but is not sealed: seal it first, or read its durable prefix with Tier.openUnsealed during recovery. */
public class SegmentNotSealedException extends TierException {
    private static final long serialVersionUID = 1L;

    public SegmentNotSealedException(final String message) {
        super(message);
    }

    public SegmentNotSealedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
