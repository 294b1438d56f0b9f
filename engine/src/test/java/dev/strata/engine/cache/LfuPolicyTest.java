package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link LfuPolicy} on hand-written sequences: counts, ties by recency, aging. */
class LfuPolicyTest {
    private static final EvictionPolicy.SlotPredicate ANY = EvictionPolicy.SlotPredicate.ANY;

    private static void hit(final LfuPolicy lfu, final int slot, final int times) {
        for (int i = 0; i < times; i++) {
            lfu.onAccess(slot);
        }
    }

    @Test
    void theLeastFrequentGoesFirstAndTiesGoByRecency() {
        final LfuPolicy lfu = new LfuPolicy(5, 0);
        for (int slot = 0; slot < 5; slot++) {
            lfu.onInsert(slot, slot);
        }
        hit(lfu, 0, 3);
        hit(lfu, 1, 1);
        hit(lfu, 2, 1);
        hit(lfu, 4, 2);
        assertEquals(4, lfu.count(0));
        assertEquals(3, lfu.victim(ANY), "count 1");
        assertEquals(1, lfu.victim(ANY), "count 2, and counted before 2");
        assertEquals(2, lfu.victim(ANY));
        assertEquals(4, lfu.victim(ANY));
        assertEquals(0, lfu.victim(ANY));
        assertEquals(EvictionPolicy.NO_VICTIM, lfu.victim(ANY));
    }

    @Test
    void aNewEntryStartsAtOneBelowEveryHitEntry() {
        final LfuPolicy lfu = new LfuPolicy(3, 0);
        lfu.onInsert(0, 0);
        lfu.onAccess(0);
        lfu.onInsert(1, 1);
        assertEquals(1, lfu.victim(ANY));
    }

    @Test
    void agingHalvesCountsAndMergesBucketsLowerFirst() {
        final LfuPolicy lfu = new LfuPolicy(4, 10);
        for (int slot = 0; slot < 4; slot++) {
            lfu.onInsert(slot, slot);
        }
        hit(lfu, 0, 5); // count 6
        hit(lfu, 1, 4); // count 5: the tenth hit ages: 6 -> 3, 5 -> 2
        hit(lfu, 2, 1); // count 2 before aging -> 1
        assertEquals(3, lfu.count(0));
        assertEquals(2, lfu.count(1));
        assertEquals(1, lfu.count(2));
        assertEquals(1, lfu.count(3));
        assertEquals(3, lfu.victim(ANY), "old count 1 merges ahead of old count 2");
        assertEquals(2, lfu.victim(ANY));
        assertEquals(1, lfu.victim(ANY));
        assertEquals(0, lfu.victim(ANY));
    }

    @Test
    void anOldFavouriteFadesOnceAgingRuns() {
        final LfuPolicy aging = new LfuPolicy(2, 16);
        final LfuPolicy plain = new LfuPolicy(2, 0);
        for (LfuPolicy lfu : new LfuPolicy[] {aging, plain}) {
            lfu.onInsert(0, 0);
            hit(lfu, 0, 40); // yesterday's favourite
            lfu.onInsert(1, 1);
            hit(lfu, 1, 30); // today's
        }
        assertEquals(0, aging.victim(ANY), "halved four times, 0 has fallen behind");
        assertEquals(1, plain.victim(ANY), "without aging 41 beats 31 forever");
    }

    @Test
    void misuseIsReported() {
        assertThrows(IllegalArgumentException.class, () -> new LfuPolicy(4, -1));
        assertThrows(IllegalArgumentException.class, () -> new LfuPolicy(-1));
        final LfuPolicy lfu = new LfuPolicy(1);
        assertThrows(IllegalStateException.class, () -> lfu.count(0));
        assertEquals("LFU", lfu.name());
    }
}
