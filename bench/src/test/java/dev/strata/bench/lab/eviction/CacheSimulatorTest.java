package dev.strata.bench.lab.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.engine.cache.EvictionPolicies;
import dev.strata.engine.cache.LruPolicy;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulator and OPT on traces small enough to check by hand, and properties on seeded random traces. */
class CacheSimulatorTest {
    private static final long SEED = Long.getLong("strata.seed", System.nanoTime());

    private static Trace entries(final long... keys) {
        final TraceBuilder b = new TraceBuilder("hand", false);
        for (long k : keys) {
            b.add(k);
        }
        return b.build();
    }

    /** Requests as key, size pairs. */
    private static Trace bytes(final long... keyAndSize) {
        final TraceBuilder b = new TraceBuilder("hand bytes", true);
        for (int i = 0; i < keyAndSize.length; i += 2) {
            b.add(keyAndSize[i], (int)keyAndSize[i + 1]);
        }
        return b.build();
    }

    @Test
    void lruAndOptOnAHandCheckedTrace() {
        // capacity 2: LRU 1m 2m 1h 3m(-2) 2m(-1) 1m(-3) 3m(-2) = 1 hit;
        // OPT 1m 2m 1h 3m(-1, next use 5 beats 2's 4) 2h 1m(-2, never again) 3h = 3 hits
        final Trace t = entries(1, 2, 1, 3, 2, 1, 3);
        final SimResult lru = CacheSimulator.replay(t, LruPolicy::new, 2);
        assertEquals(1, lru.hits());
        assertEquals(6, lru.misses());
        assertEquals("LRU", lru.policy());
        assertEquals(3, Belady.replay(t, Belady.nextUses(t), 2).hits());
        assertEquals(7 - 3, Belady.replay(t, Belady.nextUses(t), 3).hits(), "with room for all, only the first requests miss");
    }

    @Test
    void nextUsesComeFromOneBackwardPass() {
        final int[] next = Belady.nextUses(entries(1, 2, 1, 3, 2, 1, 3));
        assertEquals(2, next[0]);
        assertEquals(4, next[1]);
        assertEquals(5, next[2]);
        assertEquals(Belady.NEVER, next[5]);
        assertEquals(Belady.NEVER, next[6]);
    }

    @Test
    void bytesEvictUntilTheObjectFitsAndSkipObjectsLargerThanTheCache() {
        // capacity 10 bytes, LRU: A6 m, B5 m (evicts A), A6 m (evicts B), C20 m (too large, not inserted), A6 hit
        final SimResult r = CacheSimulator.replay(bytes(1, 6, 2, 5, 1, 6, 3, 20, 1, 6), LruPolicy::new, 10);
        assertEquals(1, r.hits());
        assertEquals(4, r.misses());
        assertEquals(6 + 5 + 6 + 20, r.missBytes());
        // A4 B4 m m, C8 m evicts both, A4 m evicts C: no hit, for LRU and OPT alike at 10 bytes
        final Trace t = bytes(1, 4, 2, 4, 3, 8, 1, 4);
        assertEquals(0, CacheSimulator.replay(t, LruPolicy::new, 10).hits());
        assertEquals(0, Belady.replay(t, Belady.nextUses(t), 10).hits(), "C must be admitted: OPT evicts B (never used again), then A, before C fits");
        assertEquals(1, Belady.replay(t, Belady.nextUses(t), 12).hits(), "12 bytes: OPT evicts only B (never used again)");
    }

    @Test
    void everyPolicyMissesOnlyFirstRequestsWhenEverythingFits() {
        final Trace t = randomTrace(new Random(SEED), 5000, 300);
        for (String name : EvictionPolicies.names()) {
            final SimResult r = CacheSimulator.replay(t, EvictionPolicies.factory(name), t.distinct());
            assertEquals(t.length() - t.distinct(), r.hits(), name);
        }
        assertEquals(t.length() - t.distinct(), CaffeineReference.replay(t, t.distinct()).hits(), "Caffeine");
    }

    @Test
    void optBoundsEveryPolicyAndIsMonotoneInCapacity() {
        System.out.println("CacheSimulatorTest seed " + SEED + " (replay with -Dstrata.seed=" + SEED + ")");
        final Random random = new Random(SEED);
        for (int round = 0; round < 5; round++) {
            final Trace t = randomTrace(random, 4000, 50 + random.nextInt(400));
            final int[] next = Belady.nextUses(t);
            long previousOpt = -1;
            long previousLru = -1;
            for (int capacity = 1; capacity <= t.distinct() + 1; capacity += 1 + capacity / 3) {
                final long opt = Belady.replay(t, next, capacity).hits();
                for (String name : EvictionPolicies.names()) {
                    final long hits = CacheSimulator.replay(t, EvictionPolicies.factory(name), capacity).hits();
                    assertTrue(hits <= opt, name + " " + hits + " hits beat OPT's " + opt + " at " + capacity + ", seed " + SEED);
                }
                assertTrue(CaffeineReference.replay(t, capacity).hits() <= opt, "Caffeine beat OPT at " + capacity + ", seed " + SEED);
                final long lru = CacheSimulator.replay(t, LruPolicy::new, capacity).hits();
                assertTrue(opt >= previousOpt && lru >= previousLru, "OPT and LRU are stack algorithms: more room, no fewer hits; seed " + SEED);
                previousOpt = opt;
                previousLru = lru;
            }
        }
    }

    @Test
    void byteOptNeverLosesToLruOnSizedTraces() {
        final Random random = new Random(SEED ^ 0x5EED);
        final TraceBuilder b = new TraceBuilder("random sized", true);
        final int[] sizes = new int[200];
        for (int k = 0; k < sizes.length; k++) {
            sizes[k] = 1 + random.nextInt(100);
        }
        for (int i = 0; i < 5000; i++) {
            final int k = (int)Math.min(sizes.length - 1, Math.abs(random.nextGaussian()) * 40);
            b.add(k, sizes[k]);
        }
        final Trace t = b.build();
        for (long capacity : new long[] {50, 200, 1000, 5000}) {
            final long opt = Belady.replay(t, Belady.nextUses(t), capacity).hits();
            final long lru = CacheSimulator.replay(t, LruPolicy::new, capacity).hits();
            assertTrue(opt >= lru, "byte Belady " + opt + " < LRU " + lru + " at " + capacity + ", seed " + SEED);
        }
    }

    @Test
    void caffeineIsDeterministic() {
        assertTrue(CaffeineReference.seeded(), "ThreadLocalRandom seeded through java.base/java.lang, which the build opens");
        final Trace t = randomTrace(new Random(SEED), 20_000, 2000);
        assertEquals(CaffeineReference.replay(t, 300).hits(), CaffeineReference.replay(t, 300).hits());
    }

    /**
     * The replay loop allocates nothing per request: replaying twice as many requests over the same
     * keys allocates the same (the per-replay arrays are sized by keys and slots, not requests).
     */
    @Test
    void replayAllocatesNothingPerRequest() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final Random random = new Random(SEED);
        final Trace shorter = randomTrace(random, 200_000, 5000);
        final TraceBuilder b = new TraceBuilder("twice", false);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < shorter.length(); i++) {
                b.add(shorter.key(i));
            }
        }
        final Trace longer = b.build();
        for (String name : EvictionPolicies.names()) {
            CacheSimulator.replay(shorter, EvictionPolicies.factory(name), 500); // warm up
            long before = threads.getCurrentThreadAllocatedBytes();
            CacheSimulator.replay(shorter, EvictionPolicies.factory(name), 500);
            final long once = threads.getCurrentThreadAllocatedBytes() - before;
            before = threads.getCurrentThreadAllocatedBytes();
            CacheSimulator.replay(longer, EvictionPolicies.factory(name), 500);
            final long twice = threads.getCurrentThreadAllocatedBytes() - before;
            System.out.printf("[allocation] %s replay: %,d bytes for 200,000 requests, %,d for 400,000%n", name, once, twice);
            assertTrue(twice - once < 0.01 * shorter.length(), name + ": " + (twice - once) + " more bytes for 200,000 more requests");
        }
    }

    @Test
    void capacityMustBePositive() {
        final Trace t = entries(1, 2);
        assertThrows(IllegalArgumentException.class, () -> CacheSimulator.replay(t, LruPolicy::new, 0));
        assertThrows(IllegalArgumentException.class, () -> Belady.replay(t, Belady.nextUses(t), 0));
        assertThrows(IllegalArgumentException.class, () -> CaffeineReference.replay(t, -1));
    }

    /** Skewed random keys: key k with weight about 1/(k+1). */
    static Trace randomTrace(final Random random, final int length, final int keys) {
        final TraceBuilder b = new TraceBuilder("random", false);
        for (int i = 0; i < length; i++) {
            b.add((long)Math.floor(Math.pow(keys + 1, random.nextDouble())) - 1);
        }
        return b.build();
    }
}
