package dev.strata.tier.fault;

import java.nio.file.Path;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.CrashWorkload;
import dev.strata.tier.TestSeeds;
import dev.strata.tier.Tier;
import dev.strata.tier.TierException;
import dev.strata.tier.block.BlockTier;
import dev.strata.tier.block.BlockTierOptions;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;

/**
 * A power cut at every operation of the crash workload through {@link FaultInjectingTier}, over the
 * real file and block tiers: the wrapper's cut (unsynced appends: a random whole prefix survives)
 * plus the real tier's recovery keep every promise.
 */
@ExtendWith(LeakCheckExtension.class)
class FaultInjectingCrashTest {
    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    @Test
    void overFileTier() {
        cutAtEveryOperation("FaultInjectingCrashTest.overFileTier", d -> FileTier.open(FileTierOptions.builder(d).build()));
    }

    @Test
    void overBlockTier() {
        cutAtEveryOperation("FaultInjectingCrashTest.overBlockTier", d -> BlockTier.open(BlockTierOptions.builder(d.resolve("device"))
            .createSize(8L << 20).tableBytes(8 << 10).minExtentBytes(16 << 10).build()));
    }

    private void cutAtEveryOperation(final String name, final Function<Path, Tier> open) {
        final long seed = TestSeeds.seed(name);
        final long total;
        final Path cleanDir = dir.resolve("clean");
        final FaultInjectingTier counting = new FaultInjectingTier(open.apply(mkdirs(cleanDir)), FaultPlan.none());
        try (counting) {
            new CrashWorkload(seed).run(counting);
            total = counting.operations();
        }
        assertTrue(total > 20, "the workload has " + total + " operations");
        for (long k = 1; k <= total; k++) {
            final Path d = mkdirs(dir.resolve("cut-" + k));
            final CrashWorkload model = new CrashWorkload(seed);
            final FaultInjectingTier tier = new FaultInjectingTier(open.apply(d), FaultPlan.builder(seed + k).powerCutAt(k).build());
            try (tier) {
                model.run(tier);
            } catch (final TierException e) {
                assertTrue(tier.poweredOff(), name + ": cut at operation " + k + ": failed without a power cut: " + e);
            }
            try (Tier reopened = open.apply(d)) {
                model.verify(reopened, name + ": power cut at operation " + k + " of " + total + " (strata.seed=" + seed + ")");
            }
        }
    }

    private static Path mkdirs(final Path d) {
        try {
            return java.nio.file.Files.createDirectories(d);
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
