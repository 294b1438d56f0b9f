package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link ArcPolicy} on hand-written sequences: T1 and T2, ghosts, the target, weights. */
class ArcPolicyTest {
    private static final EvictionPolicy.SlotPredicate ANY = EvictionPolicy.SlotPredicate.ANY;

    /** Inserts key {@code key} into slot {@code slot}, telling the policy first as a cache would. */
    private static void insert(final ArcPolicy arc, final int slot, final long key) {
        arc.onMiss(key, 1);
        arc.onInsert(slot, key, 1);
    }

    @Test
    void aSecondLookPromotesToT2AndT1IsEvictedFirst() {
        final ArcPolicy arc = new ArcPolicy(3);
        insert(arc, 0, 100);
        insert(arc, 1, 101);
        insert(arc, 2, 102);
        arc.onAccess(0);
        assertTrue(arc.isFrequent(0));
        assertFalse(arc.isFrequent(1));
        arc.onMiss(103, 1);
        assertEquals(1, arc.victim(ANY), "T1's LRU, as p = 0");
        assertEquals(1, arc.ghostCount(false));
    }

    @Test
    void whenT1AloneFillsTheCacheItsLruGoesWithoutAGhost() {
        final ArcPolicy arc = new ArcPolicy(2);
        insert(arc, 0, 100);
        insert(arc, 1, 101);
        arc.onMiss(102, 1);
        assertEquals(0, arc.victim(ANY), "case IV A with |T1| = c");
        assertEquals(0, arc.ghostCount(false));
    }

    @Test
    void aMissOnAGhostOfT1GrowsTheTargetAndComesBackFrequent() {
        final ArcPolicy arc = new ArcPolicy(2);
        insert(arc, 0, 100);
        arc.onAccess(0); // T2
        insert(arc, 1, 101);
        arc.onMiss(102, 1);
        assertEquals(1, arc.victim(ANY), "T1 is heavier than p = 0");
        assertEquals(1, arc.ghostCount(false));
        arc.onInsert(1, 102, 1);
        assertEquals(0.0, arc.target());
        arc.onMiss(101, 1); // 101 is in B1
        assertEquals(1.0, arc.target(), "p grows by max(|B2| / |B1|, 1)");
        assertEquals(0, arc.ghostCount(false), "the ghost is consumed");
        final int victim = arc.victim(ANY);
        arc.onInsert(victim, 101, 1);
        assertTrue(arc.isFrequent(victim), "a ghost hit enters T2");
    }

    @Test
    void aMissOnAGhostOfT2ShrinksTheTarget() {
        final ArcPolicy arc = new ArcPolicy(2);
        insert(arc, 0, 100);
        arc.onAccess(0); // T2
        insert(arc, 1, 101);
        arc.onAccess(1); // T2
        arc.onMiss(102, 1);
        assertEquals(0, arc.victim(ANY), "T1 is empty: T2's LRU goes, into B2");
        arc.onInsert(0, 102, 1);
        assertEquals(1, arc.ghostCount(true));
        arc.onMiss(101 - 1, 1); // 100, in B2
        assertEquals(0.0, arc.target(), "p cannot go below 0");
        assertEquals(0, arc.ghostCount(true));
    }

    @Test
    void removedEntriesLeaveNoGhost() {
        final ArcPolicy arc = new ArcPolicy(2);
        insert(arc, 0, 100);
        insert(arc, 1, 101);
        arc.onRemove(0);
        assertEquals(0, arc.ghostCount(false));
        assertEquals(0, arc.ghostCount(true));
        insert(arc, 0, 100);
        assertFalse(arc.isFrequent(0), "not remembered: back in T1");
    }

    @Test
    void withoutOnMissTheGhostIsFoundAtInsert() {
        final ArcPolicy arc = new ArcPolicy(2);
        arc.onInsert(0, 100);
        arc.onAccess(0);
        arc.onInsert(1, 101);
        assertEquals(1, arc.victim(ANY));
        arc.onInsert(1, 101);
        assertTrue(arc.isFrequent(1));
        assertEquals(1.0, arc.target());
    }

    @Test
    void weightsBoundTheListsInWeightNotEntries() {
        final ArcPolicy arc = new ArcPolicy(10);
        arc.setMaximumWeight(100);
        arc.onMiss(1, 60);
        arc.onInsert(0, 1, 60);
        arc.onAccess(0); // T2: 60
        arc.onMiss(2, 30);
        arc.onInsert(1, 2, 30); // T1: 30
        arc.onMiss(3, 50); // 60 + 30 + 50 > 100: the cache asks for victims until 50 fits
        assertEquals(1, arc.victim(ANY), "T1 (30) is heavier than p = 0");
        assertEquals(0, arc.victim(ANY), "T1 is empty: T2's LRU (60)");
        arc.onInsert(0, 3, 50);
        arc.onMiss(2, 30); // back from B1 (30 bytes) while B2 holds 60
        assertEquals(2.0, arc.target(), "p grows by max(|B2| / |B1|, 1) = 60 / 30, in weight");
        assertThrows(IllegalArgumentException.class, () -> arc.setMaximumWeight(-1));
        assertThrows(IllegalArgumentException.class, () -> arc.onMiss(1, -1));
    }

    @Test
    void pinnedSlotsArePassedOverAndTheOtherListGives() {
        final ArcPolicy arc = new ArcPolicy(3);
        insert(arc, 0, 100);
        insert(arc, 1, 101);
        arc.onAccess(1); // T2
        insert(arc, 2, 102);
        assertEquals(2, arc.victim(slot -> slot != 0), "T1's LRU is pinned: the next in T1");
        assertEquals(1, arc.victim(slot -> slot != 0), "T1 all pinned: T2");
        assertEquals(EvictionPolicy.NO_VICTIM, arc.victim(slot -> slot != 0));
        assertEquals(1, arc.size());
        assertEquals("ARC", arc.name());
    }
}
