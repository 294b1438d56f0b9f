package dev.strata;

/**
 * The store cannot be opened: the location does not hold a store and creation was not asked for,
 * another process holds it, or its format is newer than this library. Nothing was changed.
 */
public class StoreOpenException extends StrataException {
    private static final long serialVersionUID = 1L;

    public StoreOpenException(final String message) {
        super(message);
    }

    public StoreOpenException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
