package dev.strata;

/** Base of Strata's typed exceptions: misuse, I/O failure and corruption. Expected outcomes are return values. */
public class StrataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StrataException(final String message) {
        super(message);
    }

    public StrataException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
