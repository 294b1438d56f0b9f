package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link ClockPolicy} on hand-written sequences. */
class ClockPolicyTest {
    private static final EvictionPolicy.SlotPredicate ANY = EvictionPolicy.SlotPredicate.ANY;

    private static ClockPolicy withSlots(final int capacity) {
        final ClockPolicy clock = new ClockPolicy(capacity);
        for (int slot = 0; slot < capacity; slot++) {
            clock.onInsert(slot, slot);
        }
        return clock;
    }

    @Test
    void aReferencedEntryGetsASecondChanceAndGoesRoundAgain() {
        final ClockPolicy clock = withSlots(3);
        clock.onAccess(0);
        assertTrue(clock.isReferenced(0));
        assertEquals(1, clock.victim(ANY), "0 was referenced: its bit is cleared and 1 goes");
        assertFalse(clock.isReferenced(0));
        clock.onInsert(1, 7); // after 0 in the clock now, since 0 went round
        assertEquals(2, clock.victim(ANY));
        assertEquals(0, clock.victim(ANY));
        assertEquals(1, clock.victim(ANY));
    }

    @Test
    void whenEveryEntryIsReferencedOneFullSweepClearsThemAndTheOldestGoes() {
        final ClockPolicy clock = withSlots(3);
        for (int slot = 0; slot < 3; slot++) {
            clock.onAccess(slot);
        }
        assertEquals(0, clock.victim(ANY));
        assertFalse(clock.isReferenced(1));
        assertFalse(clock.isReferenced(2));
    }

    @Test
    void aSingleReferencedEntryIsEvictedOnTheHandsSecondLook() {
        final ClockPolicy clock = withSlots(1);
        clock.onAccess(0);
        assertEquals(0, clock.victim(ANY));
    }

    @Test
    void pinnedSlotsKeepTheirBit() {
        final ClockPolicy clock = withSlots(3);
        clock.onAccess(0);
        assertEquals(1, clock.victim(slot -> slot != 0));
        assertTrue(clock.isReferenced(0), "a skipped slot is not swept");
        assertEquals(EvictionPolicy.NO_VICTIM, clock.victim(slot -> false));
        assertEquals(2, clock.size());
    }

    @Test
    void misuseIsReported() {
        final ClockPolicy clock = withSlots(2);
        assertThrows(IllegalStateException.class, () -> clock.onInsert(1, 0));
        clock.onRemove(1);
        assertThrows(IllegalStateException.class, () -> clock.onAccess(1));
        assertThrows(IllegalStateException.class, () -> clock.isReferenced(1));
        assertEquals("CLOCK", clock.name());
    }
}
