package dev.strata.tier.object;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * Validating builder of an {@link S3ObjectStore}. Every setter rejects a bad value at once and
 * names it; {@link #build()} checks that the required values are set and then probes the bucket.
 *
 * <p>Defaults suit S3-compatible servers (MinIO, Ceph, S3Proxy): path-style addressing, and
 * checksums only {@code WHEN_REQUIRED}. Since SDK 2.30 the default is {@code WHEN_SUPPORTED},
 * which adds CRC trailers in {@code aws-chunked} bodies that many compatible servers reject.
 * Against AWS S3 itself, {@code WHEN_SUPPORTED} gives end-to-end integrity checks.
 */
public final class S3ObjectStoreBuilder {
    URI endpoint;
    String region = "us-east-1";
    String bucket;
    String accessKeyId;
    String secretAccessKey;
    boolean pathStyle = true;
    boolean createBucketIfMissing;
    boolean serializeConditionalPuts = true;
    RequestChecksumCalculation requestChecksums = RequestChecksumCalculation.WHEN_REQUIRED;
    ResponseChecksumValidation responseChecksums = ResponseChecksumValidation.WHEN_REQUIRED;
    Duration connectTimeout = Duration.ofSeconds(5);
    Duration socketTimeout = Duration.ofSeconds(30);

    S3ObjectStoreBuilder() {
    }

    /** @param endpoint the server, e.g. {@code http://127.0.0.1:9000}; unset means AWS S3 for the region */
    public S3ObjectStoreBuilder endpoint(final URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.getScheme() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https")) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an http:// or https:// URI with a host, got " + endpoint);
        }
        this.endpoint = endpoint;
        return this;
    }

    /** @param region the signing region (default {@code us-east-1}, which S3-compatible servers usually accept) */
    public S3ObjectStoreBuilder region(final String region) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must be a non-empty region name such as us-east-1, got '" + region + "'");
        }
        this.region = region;
        return this;
    }

    /** @param bucket the bucket (3 to 63 characters of {@code [a-z0-9.-]}) */
    public S3ObjectStoreBuilder bucket(final String bucket) {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket must be 3 to 63 characters of [a-z0-9.-], starting and ending with a letter or digit, got '" + bucket + "'");
        }
        this.bucket = bucket;
        return this;
    }

    /** Static credentials (SigV4). */
    public S3ObjectStoreBuilder credentials(final String accessKeyId, final String secretAccessKey) {
        if (accessKeyId == null || accessKeyId.isEmpty() || secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("credentials need a non-empty access key id and secret access key");
        }
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        return this;
    }

    /** @param pathStyle {@code true} (default) for {@code endpoint/bucket/key} URLs, {@code false} for virtual-host style */
    public S3ObjectStoreBuilder pathStyle(final boolean pathStyle) {
        this.pathStyle = pathStyle;
        return this;
    }

    /** @param create whether {@link #build()} creates the bucket when it does not exist (default {@code false}) */
    public S3ObjectStoreBuilder createBucketIfMissing(final boolean create) {
        this.createBucketIfMissing = create;
        return this;
    }

    /**
     * @param serialize whether conditional puts of one key from this process run one at a time
     *                  (default {@code true}): makes If-Match compare-and-swap atomic among this
     *                  process's writers even on servers that check If-Match non-atomically
     *                  (S3Proxy 4.1.0's filesystem backend); costs nothing on uncontended keys
     */
    public S3ObjectStoreBuilder serializeConditionalPuts(final boolean serialize) {
        this.serializeConditionalPuts = serialize;
        return this;
    }

    /** @param mode when the SDK adds request checksums (default {@code WHEN_REQUIRED}) */
    public S3ObjectStoreBuilder requestChecksumCalculation(final RequestChecksumCalculation mode) {
        this.requestChecksums = Objects.requireNonNull(mode, "requestChecksumCalculation");
        return this;
    }

    /** @param mode when the SDK validates response checksums (default {@code WHEN_REQUIRED}) */
    public S3ObjectStoreBuilder responseChecksumValidation(final ResponseChecksumValidation mode) {
        this.responseChecksums = Objects.requireNonNull(mode, "responseChecksumValidation");
        return this;
    }

    /**
     * @param connect TCP connect timeout (default 5 s)
     * @param socket  socket read timeout (default 30 s)
     */
    public S3ObjectStoreBuilder timeouts(final Duration connect, final Duration socket) {
        if (connect == null || connect.isNegative() || connect.isZero() || socket == null || socket.isNegative() || socket.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, got connect=" + connect + " socket=" + socket);
        }
        this.connectTimeout = connect;
        this.socketTimeout = socket;
        return this;
    }

    /**
     * Builds the store and probes the bucket with one small list request, so that a wrong
     * endpoint, bucket or secret fails here rather than at the first write.
     *
     * @throws IllegalStateException          if the bucket or the credentials were not set
     * @throws ObjectAccessDeniedException    if the server refuses the credentials
     * @throws dev.strata.tier.TierOpenException if the bucket does not exist (and may not be created) or the server cannot be reached
     */
    public S3ObjectStore build() {
        if (bucket == null) {
            throw new IllegalStateException("bucket was not set; call bucket(name)");
        }
        if (accessKeyId == null) {
            throw new IllegalStateException("credentials were not set; call credentials(accessKeyId, secretAccessKey)");
        }
        return new S3ObjectStore(this);
    }
}
