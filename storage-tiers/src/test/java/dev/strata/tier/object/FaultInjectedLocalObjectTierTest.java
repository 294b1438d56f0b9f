package dev.strata.tier.object;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import dev.strata.tier.fault.FaultInjectingTier;
import dev.strata.tier.fault.FaultPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tier contract on a {@link FaultInjectingTier} with no faults over {@link ObjectTier} on the
 * embedded {@link LocalObjectStore}: the wrapper is transparent over the object tier too.
 */
class FaultInjectedLocalObjectTierTest extends TierContract {
    @TempDir
    Path dir;

    @Override
    protected Tier createTier() {
        return new FaultInjectingTier(ObjectTier.open(LocalObjectStore.open(dir), "strata/", true), FaultPlan.none());
    }

    /** As in {@link ObjectTierLocalContractTest}: a segment is buffered in memory whole until sealed. */
    @Override
    protected long largeSegmentBytes() {
        return Math.min(super.largeSegmentBytes(), 64L << 20);
    }
}
