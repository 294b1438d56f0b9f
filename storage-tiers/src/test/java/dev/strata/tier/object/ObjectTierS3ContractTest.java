package dev.strata.tier.object;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tier contract over {@link ObjectTier} on {@link S3ObjectStore} against S3Proxy (a fresh
 * server per test, see {@link S3ProxyPerTest}; each tier opened in a test sees the same bucket).
 */
class ObjectTierS3ContractTest extends TierContract {
    @RegisterExtension
    final S3ProxyPerTest server = new S3ProxyPerTest();

    private String bucket;

    @Override
    protected Tier createTier() {
        final S3ObjectStoreBuilder b = server.proxy().storeBuilder();
        if (bucket == null) {
            bucket = b.bucket;
        }
        return ObjectTier.open(b.bucket(bucket).build(), "strata/", true);
    }

    /** Segments are buffered whole until sealed; 16 MiB through S3Proxy keeps the default run short. */
    @Override
    protected long largeSegmentBytes() {
        return 16L << 20;
    }
}
