package dev.strata.tier;

/** The tier has no room left for the append; what was stored before stays readable. Free space (delete segments) or use a larger device or file. */
public class TierFullException extends TierException {
    private static final long serialVersionUID = 1L;

    public TierFullException(final String message) {
        super(message);
    }

    public TierFullException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
