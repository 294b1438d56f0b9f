package dev.strata.tier;

/** No segment with this id exists (never created, or deleted). */
public class SegmentNotFoundException extends TierException {
    private static final long serialVersionUID = 1L;

    public SegmentNotFoundException(final String message) {
        super(message);
    }

    public SegmentNotFoundException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
