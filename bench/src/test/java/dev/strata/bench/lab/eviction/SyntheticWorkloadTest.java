package dev.strata.bench.lab.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.engine.cache.LruPolicy;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Synthetic workloads: replayable from the seed, shaped as their names say, and strict about their spec. */
class SyntheticWorkloadTest {
    private static final long SEED = Long.getLong("strata.seed", System.nanoTime());

    @Test
    void theSameSeedGivesTheSameTrace() {
        System.out.println("SyntheticWorkloadTest seed " + SEED + " (replay with -Dstrata.seed=" + SEED + ")");
        final String spec = "zipf:0.9,keys=5k+shift,keys=10k,hot=100,period=2k,w=0.5+scan,w=0.1,n=30k";
        final Trace a = SyntheticWorkload.generate(spec, SEED);
        final Trace b = SyntheticWorkload.generate(spec, SEED);
        final Trace c = SyntheticWorkload.generate(spec, SEED + 1);
        assertEquals(30_000, a.length());
        assertTrue(Arrays.equals(keys(a), keys(b)), "same seed, same trace");
        assertNotEquals(Arrays.hashCode(keys(a)), Arrays.hashCode(keys(c)), "another seed, another trace");
        assertEquals("synthetic " + spec + " seed " + SEED, a.name(), "the name carries the seed");
        assertEquals(SyntheticWorkload.DEFAULT_REQUESTS, SyntheticWorkload.generate("uniform,keys=10", SEED).length());
    }

    @Test
    void zipfIsSkewedByItsExponent() {
        final Trace steep = SyntheticWorkload.generate("zipf:1.2,keys=1000,n=50k", SEED);
        final Trace flat = SyntheticWorkload.generate("zipf:0,keys=1000,n=50k", SEED);
        // rank 1 has probability 1 / H(1000, s): s=1.2 0.2306 (sd of the share over 50k draws 0.0019); s=0 exactly 0.001
        final double top = count(steep, 0) / 50_000.0;
        assertTrue(Math.abs(top - 0.2306) < 0.012, "zipf 1.2 rank-1 share " + top);
        assertTrue(count(flat, 0) < 150, "zipf 0 is uniform: " + count(flat, 0));
        final long lruSteep = CacheSimulator.replay(steep, LruPolicy::new, 50).hits();
        final long lruFlat = CacheSimulator.replay(flat, LruPolicy::new, 50).hits();
        assertTrue(lruSteep > 5 * lruFlat, "skew makes a small cache useful: " + lruSteep + " vs " + lruFlat);
    }

    @Test
    void scanNeverRepeatsAndLoopDefeatsLru() {
        final Trace scan = SyntheticWorkload.generate("scan,n=10k", SEED);
        assertEquals(10_000, scan.distinct());
        final Trace loop = SyntheticWorkload.generate("loop,keys=100,n=10k", SEED);
        assertEquals(100, loop.distinct());
        assertEquals(0, CacheSimulator.replay(loop, LruPolicy::new, 99).hits(), "a loop one larger than LRU's cache never hits");
        assertEquals(10_000 - 100, CacheSimulator.replay(loop, LruPolicy::new, 100).hits());
        final Trace mix = SyntheticWorkload.generate("loop,keys=10,w=3+scan,w=1,n=40k", SEED);
        final double loopShare = (mix.length() - (mix.distinct() - 10)) / (double)mix.length();
        assertTrue(Math.abs(loopShare - 0.75) < 0.02, "weights 3:1 give the loop 75 % of requests: " + loopShare);
    }

    @Test
    void shiftMovesItsHotSet() {
        final Trace t = SyntheticWorkload.generate("shift,keys=100k,hot=50,period=5k,share=1,n=20k", SEED);
        assertEquals(4 * 50, t.distinct(), "four periods, four disjoint hot sets of 50 (share=1: no cold requests)");
        assertEquals(20_000 - 200, CacheSimulator.replay(t, LruPolicy::new, 50).hits());
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertBad("zipf:x", "zipf exponent 'x' is not a number");
        assertBad("zipf:-1", "zipf exponent -1 is out of range");
        assertBad("pareto", "unknown synthetic workload 'pareto'");
        assertBad("zipf,bogus=1", "zipf takes no 'bogus'; it takes keys, n, w");
        assertBad("zipf,keys=0", "keys=0 is out of range");
        assertBad("zipf,keys=ten", "keys=ten is not a count");
        assertBad("zipf+", "empty term");
        assertBad("zipf,n=10+scan,n=10", "gives n= twice");
        assertBad("scan:3", "only zipf takes a ':' parameter");
        assertBad("zipf,keys", "'keys' is not KEY=VALUE");
    }

    private static void assertBad(final String spec, final String expected) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticWorkload.generate(spec, 1));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private static long[] keys(final Trace t) {
        final long[] k = new long[t.length()];
        for (int i = 0; i < k.length; i++) {
            k[i] = t.key(i);
        }
        return k;
    }

    private static int count(final Trace t, final long key) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            n += t.key(i) == key ? 1 : 0;
        }
        return n;
    }
}
