package dev.strata;

/**
 * A key, value or batch is larger than the store accepts ({@link Store#MAX_KEY_LENGTH},
 * {@link StoreConfig#maxValueLength()}, the WAL record limit). Nothing was written.
 */
public class LimitExceededException extends StrataException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(final String message) {
        super(message);
    }
}
