package dev.strata.tier.fault;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.strata.tier.TestSeeds;
import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import dev.strata.tier.block.BlockTier;
import dev.strata.tier.block.BlockTierOptions;

/** The tier contract on a {@link FaultInjectingTier} with no faults over the block tier. */
class FaultInjectedBlockTierTest extends TierContract {
    @TempDir
    Path dir;

    @Override
    protected Tier createTier() {
        final long size = TestSeeds.stress() ? (3L << 30) : (256L << 20);
        return new FaultInjectingTier(BlockTier.open(BlockTierOptions.builder(dir.resolve("device")).createSize(size).build()),
            FaultPlan.none());
    }
}
