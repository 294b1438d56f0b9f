package dev.strata.tier;

/** Base of the typed errors a tier raises. Messages say what was wrong and what to do. */
public class TierException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TierException(final String message) {
        super(message);
    }

    public TierException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
