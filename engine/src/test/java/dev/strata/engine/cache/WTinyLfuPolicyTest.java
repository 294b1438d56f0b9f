package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link WTinyLfuPolicy} on hand-written and seeded sequences: spaces, admission, the climber. */
class WTinyLfuPolicyTest {
    private static final EvictionPolicy.SlotPredicate ANY = EvictionPolicy.SlotPredicate.ANY;

    @Test
    void budgetsAreCaffeines() {
        final WTinyLfuPolicy policy = new WTinyLfuPolicy(1000);
        assertEquals(10, policy.windowMaximum(), "1 % of 1000");
        assertEquals(792, policy.protectedMaximum(), "80 % of the 990 in main");
        policy.setMaximumWeight(100L << 20);
        assertEquals((100L << 20) - (long)(0.99 * (100L << 20)), policy.windowMaximum());
        assertThrows(IllegalArgumentException.class, () -> policy.setMaximumWeight(-1));
    }

    @Test
    void entriesMoveFromWindowToProbationToProtected() {
        final WTinyLfuPolicy policy = new WTinyLfuPolicy(100); // window 1
        policy.onInsert(0, 1000);
        assertEquals(0, policy.space(0));
        policy.onInsert(1, 1001); // the window holds 1: 0 moves to probation
        assertEquals(1, policy.space(0));
        assertEquals(0, policy.space(1));
        policy.onAccess(0);
        assertEquals(2, policy.space(0), "a hit in probation promotes");
    }

    @Test
    void theSketchCountsFromTheFirstInsertNotOnlyOnceHalfFull() {
        final WTinyLfuPolicy policy = new WTinyLfuPolicy(1000);
        policy.onInsert(0, 1000);
        assertEquals(1, policy.frequency(1000), "the doorkeeper's sighting");
        policy.onAccess(0);
        policy.onAccess(0);
        assertEquals(3, policy.frequency(1000), "one insert and two hits, with 1 of 1000 slots used");
    }

    @Test
    void aFrequentSetSurvivesAScanThatLruWouldNotSurvive() {
        final int capacity = 100;
        final SimpleCache tiny = new SimpleCache(new WTinyLfuPolicy(capacity), capacity);
        final SimpleCache lru = new SimpleCache(new LruPolicy(capacity), capacity);
        for (SimpleCache cache : new SimpleCache[] {tiny, lru}) {
            for (int round = 0; round < 20; round++) {
                for (long key = 0; key < 50; key++) {
                    cache.get(key);
                }
            }
            for (long key = 1_000; key < 3_000; key++) {
                cache.get(key); // a scan of keys seen once
            }
            cache.hits = 0;
            for (long key = 0; key < 50; key++) {
                cache.get(key);
            }
        }
        assertEquals(0, lru.hits, "LRU: the scan flushed everything");
        assertTrue(tiny.hits >= 45, "W-TinyLFU kept the frequent keys, hits: " + tiny.hits);
    }

    @Test
    void theClimberMovesTheWindowOnARecencyWorkload() {
        final long seed = Seeds.seed("WTinyLfuPolicyTest.climber");
        final Random random = new Random(seed);
        final int capacity = 200;
        final WTinyLfuPolicy policy = new WTinyLfuPolicy(capacity);
        final SimpleCache cache = new SimpleCache(policy, capacity);
        final long initial = policy.windowMaximum();
        long key = 0;
        for (int i = 0; i < 50_000; i++) {
            // recency: mostly the last few hundred keys, new keys all the time
            cache.get(random.nextInt(4) == 0 ? key++ : Math.max(0, key - 1 - random.nextInt(150)));
        }
        assertNotEquals(initial, policy.windowMaximum(), "seed " + seed);
        assertTrue(policy.windowMaximum() >= 0 && policy.windowMaximum() + policy.protectedMaximum() <= capacity, "seed " + seed);
    }

    @Test
    void victimsAreTrackedAndPinnedOnesAreKept() {
        final WTinyLfuPolicy policy = new WTinyLfuPolicy(4);
        for (int slot = 0; slot < 4; slot++) {
            policy.onInsert(slot, slot * 77L);
        }
        final int victim = policy.victim(slot -> slot != 0 && slot != 3);
        assertTrue(victim == 1 || victim == 2, "victim " + victim);
        assertEquals(EvictionPolicy.NO_VICTIM, policy.victim(slot -> false));
        assertEquals(3, policy.size());
        assertEquals("W-TINYLFU", policy.name());
    }

    /** A key → slot map in front of a policy, counting hits, as the trace replay does. */
    private static final class SimpleCache {
        private final EvictionPolicy policy;
        private final java.util.Map<Long, Integer> slotOf = new java.util.HashMap<>();
        private final long[] keyOf;
        private int used;
        long hits;

        SimpleCache(final EvictionPolicy policy, final int capacity) {
            this.policy = policy;
            keyOf = new long[capacity];
        }

        void get(final long key) {
            final Integer slot = slotOf.get(key);
            if (slot != null) {
                policy.onAccess(slot);
                hits++;
                return;
            }
            final long hash = TraceReplay.hash(key);
            policy.onMiss(hash, 1);
            final int s;
            if (used < keyOf.length) {
                s = used++;
            } else {
                s = policy.victim(ANY);
                slotOf.remove(keyOf[s]);
            }
            keyOf[s] = key;
            slotOf.put(key, s);
            policy.onInsert(s, hash, 1);
        }
    }
}
