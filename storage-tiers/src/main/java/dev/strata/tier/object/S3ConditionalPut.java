package dev.strata.tier.object;

import dev.strata.tier.TierException;
import dev.strata.tier.TierIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.agrona.DirectBuffer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * A conditional PUT that survives ambiguous outcomes.
 *
 * <h2>The problem</h2>
 * A conditional put is not idempotent, yet the SDK retries it after a failure without a response.
 * Two cases make the first answer unreliable:
 * <ul>
 *   <li>The SDK retried: attempt 1 may have been applied and its response lost, so attempt 2's
 *       412 means "my own write is already there", not "someone else's".</li>
 *   <li>No response at all. With the {@code HttpURLConnection} client, a server that answers 412
 *       before reading the body (S3Proxy checks If-Match before it reads) and closes the connection
 *       makes the body write fail ("Error writing request body to server"); the 412 is never read.
 *       Observed against S3Proxy 4.1.0 under concurrent compare-and-swap.</li>
 * </ul>
 *
 * <h2>The resolution</h2>
 * <ol>
 *   <li>With {@link S3ObjectStoreBuilder#serializeConditionalPuts} (the default) the caller holds
 *       the in-process key lock, and the condition is first checked with a HEAD: a failing
 *       condition is answered locally, so among this process's writers the server never answers
 *       412 early and the ambiguity above does not arise.</li>
 *   <li>On an ambiguous outcome, HEAD the key. If the condition still holds, our write did not
 *       happen (had it landed, the ETag would have changed or the key would exist), so the same
 *       conditional put is sent again, up to 3 rounds. A 409 ConditionalRequestConflict is handled
 *       the same way, as AWS advises.</li>
 *   <li>If the condition no longer holds and the ETag is the MD5 of our body, our write is there
 *       (S3 and S3Proxy give single-part puts an MD5 ETag; with SSE-KMS they do not, and the put
 *       is then reported failed). Otherwise: {@link PreconditionFailedException}.</li>
 * </ol>
 * Step 3 cannot tell our write from another writer's identical bytes. Among this process's writers
 * step 1 rules that out; across processes it is a documented limit.
 */
final class S3ConditionalPut {
    private static final int ROUNDS = 3;

    private S3ConditionalPut() {
    }

    /**
     * @param preChecked whether the caller holds the in-process key lock; then the condition is
     *                   checked with a HEAD first, so that a failing condition is answered here and
     *                   the server is never asked (the ambiguous early-412 case cannot arise among
     *                   this process's writers)
     */
    static String run(final S3ObjectStore store, final PutObjectRequest req, final DirectBuffer src, final int offset, final int length,
                      final PutCondition condition, final boolean preChecked) {
        final String key = req.key();
        if (preChecked) {
            final ObjectInfo before = store.head(key);
            if (!holds(condition, before)) {
                throw failed(key, condition, before, store, null);
            }
        }
        String md5 = null;
        for (int round = 1; ; round++) {
            final SdkException failure;
            try {
                return store.send(req, src, offset, length);
            } catch (final SdkException e) {
                failure = e;
            }
            final int status = failure instanceof AwsServiceException ? ((AwsServiceException) failure).statusCode() : 0;
            final boolean retried = failure.numAttempts() != null && failure.numAttempts() > 1;
            final boolean conditionAnswer = status == 412 || status == 404 || status == 409;
            if (status != 0 && !conditionAnswer) {
                throw S3Errors.map(failure, "put (" + condition + ")", key, store.location());
            }
            if (conditionAnswer && status != 409 && !retried) {
                throw definite(failure, status, key, condition, store);
            }
            final ObjectInfo now = store.head(key);
            if (!holds(condition, now)) {
                if (md5 == null) {
                    md5 = md5Hex(src, offset, length);
                }
                if (now != null && now.etag().equals(md5)) {
                    return md5;
                }
                throw failed(key, condition, now, store, failure);
            }
            if (round == ROUNDS) {
                throw new TierIOException("put of '" + key + "' on " + store.location() + " (" + condition + ") did not complete in " + ROUNDS
                    + " rounds and did not land; the last error: " + failure.getMessage() + "; check the server and retry", failure);
            }
        }
    }

    private static boolean holds(final PutCondition condition, final ObjectInfo now) {
        return condition.isIfAbsent() ? now == null : now != null && now.etag().equals(condition.ifMatchEtag());
    }

    private static PreconditionFailedException failed(final String key, final PutCondition condition, final ObjectInfo now, final S3ObjectStore store, final Throwable cause) {
        return new PreconditionFailedException("put of '" + key + "' on " + store.location() + " (" + condition + ") failed: the object is "
            + (now == null ? "absent" : "at ETag " + now.etag()) + "; re-read it to learn its current state"
            + (now == null && condition.ifMatchEtag() != null ? ", or create it with IF_ABSENT" : ""), cause);
    }

    private static TierException definite(final SdkException failure, final int status, final String key, final PutCondition condition, final S3ObjectStore store) {
        if (status == 404) {
            return new PreconditionFailedException("put of '" + key + "' on " + store.location() + " (" + condition
                + ") failed: the object does not exist; create it with IF_ABSENT instead", failure);
        }
        return S3Errors.map(failure, "put (" + condition + ")", key, store.location());
    }

    static String md5Hex(final DirectBuffer src, final int offset, final int length) {
        final MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
        final byte[] chunk = new byte[Math.min(64 * 1024, Math.max(1, length))];
        for (int done = 0; done < length; ) {
            final int n = Math.min(chunk.length, length - done);
            src.getBytes(offset + done, chunk, 0, n);
            md.update(chunk, 0, n);
            done += n;
        }
        return Etags.hex(md.digest());
    }
}
