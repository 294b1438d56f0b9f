package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link FifoPolicy} on hand-written sequences. */
class FifoPolicyTest {
    private static final EvictionPolicy.SlotPredicate ANY = EvictionPolicy.SlotPredicate.ANY;

    @Test
    void victimsComeInInsertionOrderWhateverIsRead() {
        final FifoPolicy fifo = new FifoPolicy(4);
        for (int slot : new int[] {2, 0, 3, 1}) {
            fifo.onInsert(slot, slot);
        }
        fifo.onAccess(2);
        fifo.onUpdate(2);
        fifo.onAccess(0);
        assertEquals(2, fifo.victim(ANY));
        assertEquals(0, fifo.victim(ANY));
        fifo.onInsert(2, 9);
        assertEquals(3, fifo.victim(ANY));
        assertEquals(1, fifo.victim(ANY));
        assertEquals(2, fifo.victim(ANY), "re-inserted last");
        assertEquals(EvictionPolicy.NO_VICTIM, fifo.victim(ANY));
    }

    @Test
    void pinnedSlotsKeepTheirTurn() {
        final FifoPolicy fifo = new FifoPolicy(3);
        for (int slot = 0; slot < 3; slot++) {
            fifo.onInsert(slot, slot);
        }
        assertEquals(1, fifo.victim(slot -> slot != 0));
        assertEquals(0, fifo.victim(ANY), "the pinned oldest is still the oldest");
    }

    @Test
    void misuseIsReported() {
        final FifoPolicy fifo = new FifoPolicy(2);
        fifo.onInsert(0, 0);
        assertThrows(IllegalStateException.class, () -> fifo.onInsert(0, 0));
        assertThrows(IllegalStateException.class, () -> fifo.onAccess(1));
        assertThrows(IndexOutOfBoundsException.class, () -> fifo.onRemove(2));
        assertThrows(IllegalArgumentException.class, () -> new FifoPolicy(-1));
        assertEquals("FIFO", fifo.name());
    }
}
