package dev.strata.tier.fault;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;

/** The tier contract on a {@link FaultInjectingTier} with no faults over the file tier: the wrapper is transparent. */
class FaultInjectedFileTierTest extends TierContract {
    @TempDir
    Path dir;

    @Override
    protected Tier createTier() {
        return new FaultInjectingTier(FileTier.open(FileTierOptions.builder(dir.resolve("tier")).build()), FaultPlan.none());
    }
}
