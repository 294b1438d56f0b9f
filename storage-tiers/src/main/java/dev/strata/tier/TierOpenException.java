package dev.strata.tier;

/**
 * A tier could not be opened at the given location: the directory is missing or read-only, the
 * device or file is too small, its superblock is not a Strata one, or its format version is not
 * supported. The message names the location and says what to do; nothing stored there is changed.
 */
public class TierOpenException extends TierException {
    private static final long serialVersionUID = 1L;

    public TierOpenException(final String message) {
        super(message);
    }

    public TierOpenException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
