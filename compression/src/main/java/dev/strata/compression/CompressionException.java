package dev.strata.compression;

/** Base of the typed errors this module raises for corrupt data and missing dictionaries. */
public class CompressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CompressionException(final String message) {
        super(message);
    }

    public CompressionException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
