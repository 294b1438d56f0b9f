package dev.strata.tier.object;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The tier contract over {@link ObjectTier} on the embedded {@link LocalObjectStore}. */
class ObjectTierLocalContractTest extends TierContract {
    @TempDir
    Path dir;

    @Override
    protected Tier createTier() {
        return ObjectTier.open(LocalObjectStore.open(dir), "strata/", true);
    }

    /** An object tier segment is buffered in memory whole until sealed (at most about 2 GiB), so the stress size does not apply. */
    @Override
    protected long largeSegmentBytes() {
        return Math.min(super.largeSegmentBytes(), 64L << 20);
    }
}
