package dev.strata.tier;

/** An I/O operation failed; the message names the path or object and the operation. */
public class TierIOException extends TierException {
    private static final long serialVersionUID = 1L;

    public TierIOException(final String message) {
        super(message);
    }

    public TierIOException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
