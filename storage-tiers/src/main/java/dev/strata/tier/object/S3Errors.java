package dev.strata.tier.object;

import dev.strata.tier.TierException;
import dev.strata.tier.TierIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one place where S3 errors become typed exceptions (lmdbjava's {@code ResultCodeMapper} idea):
 * 404 NoSuchKey → {@link ObjectNotFoundException}; 412 and 409 ConditionalRequestConflict →
 * {@link PreconditionFailedException}; 403 → {@link ObjectAccessDeniedException} with advice per
 * error code; anything else → {@link TierIOException} naming the status, code and request id.
 */
final class S3Errors {
    private S3Errors() {
    }

    /**
     * @param op    the operation, e.g. {@code "put"}
     * @param key   the object key, or {@code null} for bucket-level requests
     * @param where {@code s3://bucket at endpoint}
     */
    static TierException map(final SdkException e, final String op, final String key, final String where) {
        final String what = op + (key == null ? "" : " of '" + key + "'") + " on " + where;
        if (!(e instanceof AwsServiceException)) {
            return new TierIOException(what + " failed without a response from the server: " + e.getMessage()
                + "; check that the endpoint is right and the server is running", e);
        }
        final AwsServiceException s = (AwsServiceException) e;
        final int status = s.statusCode();
        final String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
        final String detail = " (HTTP " + status + (code == null ? "" : ", " + code) + ", request id " + s.requestId() + ")";
        switch (status) {
            case 404:
                if ("NoSuchBucket".equals(code)) {
                    return new TierIOException(what + " failed: the bucket does not exist" + detail + "; create it or fix the bucket name", e);
                }
                return new ObjectNotFoundException(what + " failed: no such object" + detail, e);
            case 409:
            case 412:
                return new PreconditionFailedException(what + " failed: its precondition does not hold" + detail
                    + "; re-read the object to learn its current state", e);
            case 403:
                return new ObjectAccessDeniedException(what + " was refused" + detail + "; " + accessAdvice(code), e);
            default:
                return new TierIOException(what + " failed" + detail + ": " + s.getMessage(), e);
        }
    }

    private static String accessAdvice(final String code) {
        if ("SignatureDoesNotMatch".equals(code)) {
            return "the secret access key is wrong (or the region differs from the server's); check the credentials";
        }
        if ("InvalidAccessKeyId".equals(code)) {
            return "the server does not know this access key id; check the credentials";
        }
        if ("RequestTimeTooSkewed".equals(code)) {
            return "the local clock differs too much from the server's; synchronise it (NTP)";
        }
        return "check the access key id and secret, the region, and the bucket policy";
    }
}
