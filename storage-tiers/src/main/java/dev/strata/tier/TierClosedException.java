package dev.strata.tier;

/** The tier (or this writer or reader) was closed; open the tier again. */
public class TierClosedException extends TierException {
    private static final long serialVersionUID = 1L;

    public TierClosedException(final String message) {
        super(message);
    }

    public TierClosedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
