package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LruPolicy} on hand-written sequences; the contract and a model check it on random ones. */
class LruPolicyTest {
    private static final EvictionPolicy.SlotPredicate ANY = EvictionPolicy.SlotPredicate.ANY;

    private static LruPolicy withSlots(final int capacity, final int... inserted) {
        final LruPolicy lru = new LruPolicy(capacity);
        for (int slot : inserted) {
            lru.onInsert(slot, slot);
        }
        return lru;
    }

    private static void assertVictims(final LruPolicy lru, final int... expected) {
        for (int slot : expected) {
            assertEquals(slot, lru.victim(ANY));
        }
        assertEquals(EvictionPolicy.NO_VICTIM, lru.victim(ANY));
    }

    @Test
    void withoutAccessesVictimsComeInInsertionOrder() {
        final LruPolicy lru = withSlots(5, 3, 0, 4, 1, 2);
        assertEquals(3, lru.eldest());
        assertVictims(lru, 3, 0, 4, 1, 2);
        assertEquals(0, lru.size());
    }

    @Test
    void anAccessMakesASlotTheMostRecentlyUsed() {
        final LruPolicy lru = withSlots(4, 0, 1, 2, 3);
        lru.onAccess(0);
        lru.onAccess(2);
        assertVictims(lru, 1, 3, 0, 2);
    }

    @Test
    void accessingTheMostRecentKeepsTheOrder() {
        final LruPolicy lru = withSlots(3, 0, 1, 2);
        lru.onAccess(2);
        assertVictims(lru, 0, 1, 2);
    }

    @Test
    void anUpdateCountsAsAnAccess() {
        final LruPolicy lru = withSlots(3, 0, 1, 2);
        lru.onUpdate(0);
        assertVictims(lru, 1, 2, 0);
    }

    @Test
    void removeUnlinksTheEldestTheNewestAndOneInTheMiddle() {
        final LruPolicy lru = withSlots(6, 0, 1, 2, 3, 4, 5);
        lru.onRemove(0);
        lru.onRemove(5);
        lru.onRemove(2);
        assertFalse(lru.contains(2));
        assertTrue(lru.contains(3));
        assertEquals(3, lru.size());
        assertVictims(lru, 1, 3, 4);
    }

    @Test
    void victimOfAnEmptyPolicyIsNone() {
        assertEquals(EvictionPolicy.NO_VICTIM, new LruPolicy(0).victim(ANY));
        final LruPolicy lru = withSlots(2, 1);
        lru.onRemove(1);
        assertEquals(EvictionPolicy.NO_VICTIM, lru.eldest());
        assertEquals(EvictionPolicy.NO_VICTIM, lru.victim(ANY));
    }

    @Test
    void victimPassesOverPinnedSlotsWithoutMovingThem() {
        final LruPolicy lru = withSlots(4, 0, 1, 2, 3);
        assertEquals(2, lru.victim(slot -> slot >= 2));
        assertEquals(0, lru.eldest(), "skipped slots keep their place");
        assertVictims(lru, 0, 1, 3);
    }

    @Test
    void misuseIsReported() {
        final LruPolicy lru = withSlots(2, 0);
        assertThrows(IllegalStateException.class, () -> lru.onInsert(0, 0), "inserted twice");
        assertThrows(IllegalStateException.class, () -> lru.onAccess(1), "not tracked");
        assertThrows(IllegalStateException.class, () -> lru.onRemove(1), "not tracked");
        assertThrows(IndexOutOfBoundsException.class, () -> lru.onInsert(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> lru.onAccess(-1));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LruPolicy(-1));
        assertTrue(e.getMessage().contains("got -1"), e.getMessage());
        assertEquals("LRU", lru.name());
    }
}
