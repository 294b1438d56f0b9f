package dev.strata.tier.object;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ObjectTierBehaviour} on {@link S3ObjectStore} against S3Proxy (one server and bucket per test). */
class ObjectTierS3Test extends ObjectTierBehaviour {
    @RegisterExtension
    final S3ProxyPerTest server = new S3ProxyPerTest();

    private String bucket;

    @Override
    protected ObjectStore newStore() {
        final S3ObjectStoreBuilder b = server.proxy().storeBuilder();
        if (bucket == null) {
            bucket = b.bucket;
        }
        return b.bucket(bucket).build();
    }
}
