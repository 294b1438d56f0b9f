package dev.strata.bench.lab.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.bench.lab.SharedData;
import dev.strata.engine.cache.EvictionPolicies;
import dev.strata.engine.cache.LruPolicy;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Truth check: the lab against results nobody on this project produced ({@code shared/data/README.md}).
 *
 * <ul>
 *   <li>Bélády OPT on the LIRS traces cpp, sprite, multi2 and gli equals the values the cache2k
 *       benchmark checks as "known values from the papers".</li>
 *   <li>On libCacheSim's byte-weighted cloudPhysicsIO trace at 128 MiB × k, LRU, FIFO and SIEVE
 *       miss counts equal libCacheSim's test expectations exactly; ARC and Belady are within 2 %.</li>
 *   <li>LRU on zigzag and scan gives the exact hit ratios that follow from those traces' shapes.</li>
 * </ul>
 */
class EvictionTruthTest {
    private static final long MIB = 1L << 20;

    static Path traces() {
        return SharedData.dir().resolve("data/traces");
    }

    static Trace lirs(final String name) {
        return TraceReader.read(traces().resolve("lirs/" + name + ".trace.gz"), TraceFormat.LIRS);
    }

    static Trace cloudPhysics() {
        return TraceReader.read(traces().resolve("cloudphysics/cloudPhysicsIO.oracleGeneral.bin"), TraceFormat.ORACLE_GENERAL);
    }

    /**
     * The published figures mix rounding and truncation: sprite 100 → 50.79 is 50.7978 truncated,
     * sprite 200 → 68.9 is 68.86 rounded, and the README says multi2's are truncated. A published
     * value with d decimals is matched when our ratio rounded or truncated to d decimals equals it
     * (truncated only, for multi2).
     */
    @Test
    void optMatchesThePublishedValues() {
        final Object[][] published = {
            {"cpp", 20, "26.4"}, {"cpp", 35, "46.5"}, {"cpp", 50, "62.8"}, {"cpp", 80, "79.1"}, {"cpp", 100, "82.51"}, {"cpp", 300, "86.5"},
            {"cpp", 500, "86.5"},
            {"sprite", 100, "50.79"}, {"sprite", 200, "68.9"}, {"sprite", 400, "84.6"}, {"sprite", 600, "89.9"}, {"sprite", 800, "92.2"},
            {"sprite", 1000, "93.2"},
            {"multi2", 100, "35.38"}, {"multi2", 600, "55.50"}, {"multi2", 1800, "73.12"}};
        final Map<String, Trace> loaded = new HashMap<>();
        final List<String> failures = new ArrayList<>();
        for (Object[] row : published) {
            final String name = (String)row[0];
            final Trace t = loaded.computeIfAbsent(name, EvictionTruthTest::lirs);
            final SimResult r = Belady.replay(t, Belady.nextUses(t), (int)row[1]);
            final BigDecimal expected = new BigDecimal((String)row[2]);
            final BigDecimal ours = BigDecimal.valueOf(r.hits() * 100).divide(BigDecimal.valueOf(r.requests()), 10, RoundingMode.HALF_EVEN);
            final boolean truncated = ours.setScale(expected.scale(), RoundingMode.DOWN).compareTo(expected) == 0;
            final boolean rounded = ours.setScale(expected.scale(), RoundingMode.HALF_UP).compareTo(expected) == 0;
            final boolean ok = name.equals("multi2") ? truncated : truncated || rounded;
            System.out.printf(Locale.ROOT, "OPT %-6s %5d: %s %% (%d/%d hits), published %s %s%n", name, row[1], ours.setScale(4, RoundingMode.HALF_UP),
                r.hits(), r.requests(), expected, ok ? "ok" : "MISMATCH");
            if (!ok) {
                failures.add(name + " " + row[1] + ": " + ours + " vs published " + expected);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        final Trace gli = lirs("gli");
        final SimResult r = Belady.replay(gli, Belady.nextUses(gli), 100);
        assertEquals(6015, r.requests(), "gli requests");
        assertEquals(461, r.hits(), "gli OPT hits at 100 entries");
    }

    @Test
    void cloudPhysicsMatchesLibCacheSim() throws IOException {
        final Trace t = cloudPhysics();
        assertEquals(113_872, t.length(), "requests");
        assertEquals(48_974, t.distinct(), "objects");
        final Map<String, long[]> expected = expectedMisses();
        final long[] capacities = new long[8];
        for (int k = 1; k <= 8; k++) {
            capacities[k - 1] = 128 * MIB * k;
        }
        final List<String> failures = new ArrayList<>();
        final List<String> absent = new ArrayList<>();
        final int[] next = Belady.nextUses(t);
        compare("Belady", expected.get("Belady"), capacities, c -> Belady.replay(t, next, c).misses(), 0.02, failures);
        compare("LRU", expected.get("LRU"), capacities, c -> CacheSimulator.replay(t, LruPolicy::new, c).misses(), 0, failures);
        for (String[] policy : new String[][] {{"FIFO", "FIFO"}, {"SIEVE", "Sieve"}, {"ARC", "ARC"}}) {
            if (EvictionPolicies.names().contains(policy[0])) {
                compare(policy[0], expected.get(policy[1]), capacities,
                    c -> CacheSimulator.replay(t, EvictionPolicies.factory(policy[0]), c).misses(), policy[0].equals("ARC") ? 0.02 : 0, failures);
            } else {
                System.out.println(policy[0] + ": not registered in EvictionPolicies, not compared");
                absent.add(policy[0]);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assumeTrue(absent.isEmpty(), "not registered, so not compared: " + absent);
    }

    /** Compares misses per capacity, exactly ({@code tolerance} 0) or within a relative tolerance, and prints each. */
    private static void compare(final String name, final long[] expected, final long[] capacities, final java.util.function.LongUnaryOperator misses,
        final double tolerance, final List<String> failures) {
        for (int k = 0; k < capacities.length; k++) {
            final long ours = misses.applyAsLong(capacities[k]);
            final double deviation = (double)(ours - expected[k]) / expected[k];
            final boolean ok = tolerance == 0 ? ours == expected[k] : Math.abs(deviation) <= tolerance;
            System.out.printf(Locale.ROOT, "%-6s %4d MiB: %,d misses, libCacheSim %,d (%+.2f %%) %s%n", name, capacities[k] >> 20, ours, expected[k],
                deviation * 100, ok ? "ok" : "MISMATCH");
            if (!ok) {
                failures.add(String.format(Locale.ROOT, "%s at %d MiB: %d misses vs libCacheSim %d", name, capacities[k] >> 20, ours, expected[k]));
            }
        }
    }

    /** @return expected_misses.csv by algorithm name (the first row of a name wins; LFU appears twice with equal values) */
    static Map<String, long[]> expectedMisses() throws IOException {
        final List<String> lines = Files.readAllLines(traces().resolve("cloudphysics/expected_misses.csv"));
        assertTrue(lines.get(0).startsWith("algorithm,128MiB,256MiB,384MiB,512MiB,640MiB,768MiB,896MiB,1024MiB"), lines.get(0));
        final Map<String, long[]> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            final String[] cells = line.split(",");
            final long[] misses = new long[8];
            for (int k = 0; k < 8; k++) {
                misses[k] = Long.parseLong(cells[1 + k]);
            }
            rows.putIfAbsent(cells[0], misses);
        }
        return rows;
    }

    @Test
    void lruOnZigzagAndScanGivesTheExactShapeValues() {
        final Trace zigzag = lirs("zigzag");
        final String[] expected = {"4.76", "23.99", "48.03", "72.07", "96.10"};
        final int[] sizes = {100, 500, 1000, 1500, 2000};
        for (int i = 0; i < sizes.length; i++) {
            final SimResult r = CacheSimulator.replay(zigzag, LruPolicy::new, sizes[i]);
            assertEquals(expected[i], String.format(Locale.ROOT, "%.2f", r.hitRatio() * 100), "zigzag LRU at " + sizes[i]);
        }
        final Trace scan = lirs("scan");
        for (int size : sizes) {
            assertEquals(0, CacheSimulator.replay(scan, LruPolicy::new, size).hits(), "scan LRU at " + size);
        }
    }

    /** The Sieve and LFU rows of expected_misses.csv are equal; the test's own SIEVE shows that the Sieve row is right. */
    @Test
    void theSieveRowIsWhatSieveGives() throws IOException {
        final Trace t = cloudPhysics();
        final long[] expected = expectedMisses().get("Sieve");
        for (int k = 1; k <= 8; k++) {
            assertEquals(expected[k - 1], ReferenceSieve.misses(t, 128 * MIB * k), "reference SIEVE at " + 128 * k + " MiB");
        }
    }
}
