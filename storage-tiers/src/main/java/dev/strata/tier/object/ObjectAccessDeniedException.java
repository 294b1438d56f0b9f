package dev.strata.tier.object;

import dev.strata.tier.TierException;

/**
 * The object store refused the request's credentials or permissions (S3 403: AccessDenied,
 * SignatureDoesNotMatch, InvalidAccessKeyId, RequestTimeTooSkewed). The message names the S3 error
 * code when the server sent one; check the access key id and secret, the region, the bucket
 * policy and the clock.
 */
public class ObjectAccessDeniedException extends TierException {
    private static final long serialVersionUID = 1L;

    public ObjectAccessDeniedException(final String message) {
        super(message);
    }

    public ObjectAccessDeniedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
