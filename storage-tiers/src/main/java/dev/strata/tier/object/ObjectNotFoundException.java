package dev.strata.tier.object;

import dev.strata.tier.TierException;

/**
 * The object does not exist (never written, or deleted). Raised by reads of a key the caller
 * expected to exist; {@link ObjectStore#head(String)} returns {@code null} instead, because there
 * absence is an expected outcome.
 */
public class ObjectNotFoundException extends TierException {
    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(final String message) {
        super(message);
    }

    public ObjectNotFoundException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
