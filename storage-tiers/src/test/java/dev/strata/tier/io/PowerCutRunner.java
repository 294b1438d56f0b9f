package dev.strata.tier.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

import dev.strata.tier.CrashWorkload;
import dev.strata.tier.TestSeeds;
import dev.strata.tier.Tier;
import dev.strata.tier.TierException;

/**
 * Runs {@link CrashWorkload} on a tier over {@link PowerCutFileIo}, cutting power at every I/O
 * point in turn (several random crash outcomes each), and verifies the reopened tier every time.
 */
public final class PowerCutRunner {
    private PowerCutRunner() {
    }

    /**
     * @param open   opens the tier under test over the given file system (the same location each time)
     * @param rounds crash outcomes tried per I/O point
     * @return the number of I/O points of the full workload
     */
    public static long cutAtEveryPoint(final String name, final Function<PowerCutFileIo, Tier> open, final int rounds) {
        final long seed = TestSeeds.seed(name);
        final PowerCutFileIo counting = new PowerCutFileIo(seed);
        final CrashWorkload full = new CrashWorkload(seed);
        try (Tier t = open.apply(counting)) {
            full.run(t);
        }
        final long total = counting.ioPoints();
        try (Tier t = open.apply(counting.afterPowerCut())) {
            full.verify(t, name + " after a clean run");
        }
        for (long k = 1; k <= total; k++) {
            for (int round = 0; round < rounds; round++) {
                final long runSeed = seed + 1000 * k + round;
                final PowerCutFileIo io = new PowerCutFileIo(runSeed).cutAt(k);
                final CrashWorkload model = new CrashWorkload(seed);
                final String context = name + ": power cut at I/O point " + k + " of " + total + " (strata.seed=" + seed
                    + ", crash outcome seed " + runSeed + ")";
                Tier tier = null;
                try {
                    tier = open.apply(io);
                    model.run(tier);
                    tier.close();
                } catch (final TierException e) {
                    assertTrue(io.isCut(), context + ": failed without a power cut: " + e);
                } finally {
                    if (tier != null) {
                        tier.close();
                    }
                }
                assertTrue(io.isCut(), context + ": the cut never happened");
                try (Tier reopened = open.apply(io.afterPowerCut())) {
                    model.verify(reopened, context);
                }
            }
        }
        System.out.println("[crash] " + name + ": power cut at each of " + total + " I/O points x " + rounds + " crash outcomes, all verified");
        return total;
    }
}
