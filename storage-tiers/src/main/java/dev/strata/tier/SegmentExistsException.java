package dev.strata.tier;

/** A segment with this id already exists; segment ids are never reused, pick a new one (the engine allocates ids from its manifest). */
public class SegmentExistsException extends TierException {
    private static final long serialVersionUID = 1L;

    public SegmentExistsException(final String message) {
        super(message);
    }

    public SegmentExistsException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
