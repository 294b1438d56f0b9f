package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link SievePolicy} on hand-written sequences: the hand, its memory, and survivors that stay in place. */
class SievePolicyTest {
    private static final EvictionPolicy.SlotPredicate ANY = EvictionPolicy.SlotPredicate.ANY;

    private static SievePolicy withSlots(final int capacity, final int inserted) {
        final SievePolicy sieve = new SievePolicy(capacity);
        for (int slot = 0; slot < inserted; slot++) {
            sieve.onInsert(slot, slot);
        }
        return sieve;
    }

    @Test
    void theHandClearsVisitedEntriesEvictsTheFirstUnvisitedAndStaysThere() {
        final SievePolicy sieve = withSlots(6, 5); // queue, oldest first: 0 1 2 3 4
        sieve.onAccess(0);
        sieve.onAccess(2);
        assertEquals(NO_HAND, sieve.hand());
        assertEquals(1, sieve.victim(ANY), "0 was visited: cleared, passed");
        assertFalse(sieve.isVisited(0));
        assertEquals(2, sieve.hand(), "the hand rests on the next newer entry");
        assertEquals(3, sieve.victim(ANY), "from the hand: 2 visited, 3 goes");
        assertEquals(4, sieve.hand());
        sieve.onInsert(5, 5); // new entries go to the new end, behind the hand
        assertEquals(4, sieve.victim(ANY));
        assertEquals(5, sieve.hand());
        assertEquals(5, sieve.victim(ANY), "the newest, not yet visited");
        assertEquals(NO_HAND, sieve.hand(), "past the newest: back to the oldest");
        assertEquals(0, sieve.victim(ANY), "0 was cleared on the first turn and not visited since");
        assertEquals(2, sieve.victim(ANY));
        assertEquals(EvictionPolicy.NO_VICTIM, sieve.victim(ANY));
    }

    @Test
    void survivorsKeepTheirPlaceUnlikeClock() {
        final SievePolicy sieve = withSlots(4, 3); // 0 1 2
        sieve.onAccess(0);
        assertEquals(1, sieve.victim(ANY));
        sieve.onInsert(1, 9); // queue: 0 2 1, hand on 2
        sieve.onAccess(0);
        assertEquals(2, sieve.victim(ANY), "the hand does not go back to 0");
        assertTrue(sieve.isVisited(0));
    }

    @Test
    void removingTheSlotUnderTheHandMovesTheHandOn() {
        final SievePolicy sieve = withSlots(4, 4);
        sieve.onAccess(0);
        assertEquals(1, sieve.victim(ANY));
        assertEquals(2, sieve.hand());
        sieve.onRemove(2);
        assertEquals(3, sieve.hand());
        sieve.onRemove(3);
        assertEquals(NO_HAND, sieve.hand());
        assertEquals(0, sieve.victim(ANY));
    }

    @Test
    void pinnedSlotsKeepTheirBitAndAllPinnedMeansNoVictim() {
        final SievePolicy sieve = withSlots(3, 3);
        sieve.onAccess(1);
        assertEquals(2, sieve.victim(slot -> slot != 0));
        assertTrue(sieve.hand() == NO_HAND || sieve.hand() >= 0);
        assertEquals(EvictionPolicy.NO_VICTIM, sieve.victim(slot -> false));
        assertEquals(2, sieve.size());
        assertThrows(IllegalStateException.class, () -> sieve.onAccess(2));
        assertEquals("SIEVE", sieve.name());
    }

    private static final int NO_HAND = EvictionPolicy.NO_VICTIM;
}
