package dev.strata.bench.lab.eviction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.engine.cache.EvictionPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our W-TinyLFU against Caffeine's on every shipped trace at the lab's sizes (1 to 50 % of the
 * distinct keys for the LIRS traces, 128 MiB × 1..8 for cloudPhysicsIO). The issue asks for a hit
 * ratio at least Caffeine's everywhere, or the gap reported in docs/benchmarks.md with its cause.
 *
 * <h2>Caffeine, seeded</h2>
 * Caffeine draws from {@code ThreadLocalRandom} (a warm candidate that lost still gets in with
 * probability 1/128); {@link CaffeineReference} seeds it, so the reference row is the same on every
 * run (unseeded, one point moved by up to 2.4 points between runs).
 *
 * <h2>What is asserted</h2>
 * Every gap must be one of {@link #DOCUMENTED_GAPS}, the points listed with their cause in
 * docs/benchmarks.md ("W-TinyLFU against Caffeine"). A documented gap that closed is printed, so
 * that the docs can be updated; a new gap fails the test.
 */
class WTinyLfuVersusCaffeineTest {
    private static final String W_TINY_LFU = "W-TINYLFU";
    private static final String[] LIRS = {"2_pools", "backf", "cpp", "cs", "gli", "loop", "multi1", "multi2", "multi3", "ps", "scan",
        "sprite", "zigzag"};

    /** The gaps docs/benchmarks.md explains, as {@code trace@capacity}. */
    static final Set<String> DOCUMENTED_GAPS = Set.of(
        "2_pools@199", "2_pools@497", "2_pools@994", "2_pools@4970", "backf@8", "backf@15", "backf@38", "backf@75", "backf@150",
        "backf@376", "cpp@122", "cs@14", "cs@28", "loop@506", "multi2@284", "multi2@568", "multi2@1137", "multi3@149", "multi3@1491",
        "scan@200", "scan@1001", "sprite@142", "sprite@354", "sprite@708", "sprite@1415", "sprite@3538", "zigzag@20", "zigzag@400",
        "zigzag@1001", "cloudPhysicsIO@1GiB");

    @Test
    void wTinyLfuIsAtLeastCaffeineOrTheGapIsDocumented() {
        final List<String> gaps = new ArrayList<>();
        assertTrue(CaffeineReference.seeded(), "Caffeine's random draws are seeded (needs --add-opens java.base/java.lang)");
        final StringBuilder table = new StringBuilder("| trace | size | W-TinyLFU hit % | Caffeine hit % | gap (points) |\n|---|---:|---:|---:|---:|\n");
        int atLeast = 0;
        for (String name : LIRS) {
            final Trace t = EvictionTruthTest.lirs(name);
            for (long capacity : CacheSizes.defaults(t)) {
                atLeast += compare(t, name, capacity, table, gaps) ? 1 : 0;
            }
        }
        final Trace cloud = EvictionTruthTest.cloudPhysics();
        for (int k = 1; k <= 8; k++) {
            atLeast += compare(cloud, "cloudPhysicsIO", 128L * k << 20, table, gaps) ? 1 : 0;
        }
        System.out.println(table);
        System.out.printf(Locale.ROOT, "W-TinyLFU vs Caffeine: %d points at least Caffeine's hit ratio, %d below (gaps)%n", atLeast, gaps.size());
        final List<String> undocumented = new ArrayList<>();
        for (String gap : gaps) {
            if (!DOCUMENTED_GAPS.contains(gap)) {
                undocumented.add(gap);
            }
        }
        for (String documented : DOCUMENTED_GAPS) {
            if (!gaps.contains(documented)) {
                System.out.println("documented gap " + documented + " did not appear in this run: update docs/benchmarks.md if it stays closed");
            }
        }
        assertTrue(undocumented.isEmpty(), "W-TinyLFU below Caffeine at points not documented in docs/benchmarks.md: " + undocumented);
    }

    /** @return whether W-TinyLFU's hit ratio is at least Caffeine's; adds a table row, and the point to {@code gaps} if not */
    private static boolean compare(final Trace t, final String name, final long capacity, final StringBuilder table, final List<String> gaps) {
        final SimResult ours = CacheSimulator.replay(t, EvictionPolicies.factory(W_TINY_LFU), capacity);
        final SimResult caffeine = CaffeineReference.replay(t, capacity);
        final String point = name + "@" + CacheSizes.label(capacity, t.weighted());
        final boolean atLeast = ours.hits() >= caffeine.hits();
        if (!atLeast) {
            gaps.add(point);
            table.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f |%n", name, CacheSizes.label(capacity, t.weighted()),
                ours.hitRatio() * 100, caffeine.hitRatio() * 100, (caffeine.hitRatio() - ours.hitRatio()) * 100));
        }
        return atLeast;
    }
}
