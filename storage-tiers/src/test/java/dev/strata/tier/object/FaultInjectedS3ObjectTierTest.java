package dev.strata.tier.object;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import dev.strata.tier.fault.FaultInjectingTier;
import dev.strata.tier.fault.FaultPlan;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tier contract on a {@link FaultInjectingTier} with no faults over {@link ObjectTier} on
 * {@link S3ObjectStore} against S3Proxy (a fresh server per test, see {@link S3ProxyPerTest}; each
 * tier opened in a test sees the same bucket). In this package, beside the other fault-injected
 * contract tests' object-tier counterparts, because the S3Proxy fixture is package-private.
 */
class FaultInjectedS3ObjectTierTest extends TierContract {
    @RegisterExtension
    final S3ProxyPerTest server = new S3ProxyPerTest();

    private String bucket;

    @Override
    protected Tier createTier() {
        final S3ObjectStoreBuilder b = server.proxy().storeBuilder();
        if (bucket == null) {
            bucket = b.bucket;
        }
        return new FaultInjectingTier(ObjectTier.open(b.bucket(bucket).build(), "strata/", true), FaultPlan.none());
    }

    /** As in {@link ObjectTierS3ContractTest}: segments are buffered whole until sealed; 16 MiB through S3Proxy keeps the run short. */
    @Override
    protected long largeSegmentBytes() {
        return 16L << 20;
    }
}
