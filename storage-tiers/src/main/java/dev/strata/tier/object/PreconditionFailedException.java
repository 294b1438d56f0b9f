package dev.strata.tier.object;

import dev.strata.tier.TierException;

/**
 * A conditional put did not happen because its condition did not hold: {@code If-None-Match: *}
 * found the key already present, or {@code If-Match: <etag>} found the object absent or changed
 * (S3 answers 412 Precondition Failed, or 409 ConditionalRequestConflict for a concurrent change).
 * Nothing was written. Re-read the object (head/get) to learn its current state, then decide.
 */
public class PreconditionFailedException extends TierException {
    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(final String message) {
        super(message);
    }

    public PreconditionFailedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
