package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EvictionPolicy} must show. A variant supplies the policy and, where
 * one exists, an exact reference {@link Model} of its victim choice (LRU: a
 * {@code LinkedHashMap} in access order); a policy without a simple exact model (ARC, W-TinyLFU)
 * returns {@code null} and is held to the invariants only: a victim is tracked and evictable, there
 * is no victim only when no tracked slot is evictable, sizes add up, and warm calls allocate nothing.
 */
public abstract class EvictionPolicyContract {
    /** @return a new policy of the kind under test */
    protected abstract EvictionPolicy create(int capacity);

    /** @return an exact model of the policy's choices, or {@code null} if there is none */
    protected abstract Model model(int capacity);

    /** An exact, slow reference implementation of a policy, over boxed collections. */
    protected interface Model {
        void insert(int slot, long keyHash);

        void access(int slot);

        void update(int slot);

        void remove(int slot);

        /** @return the victim the policy must choose (and forget), or {@link EvictionPolicy#NO_VICTIM} */
        int victim(EvictionPolicy.SlotPredicate evictable);
    }

    @Test
    void aNewPolicyTracksNothingAndHasNoVictim() {
        for (int capacity : new int[] {0, 1, 16}) {
            final EvictionPolicy policy = create(capacity);
            assertEquals(0, policy.size());
            assertEquals(EvictionPolicy.NO_VICTIM, policy.victim(EvictionPolicy.SlotPredicate.ANY), "capacity " + capacity);
            assertFalse(policy.name().isBlank());
        }
    }

    @Test
    void drainingEvictsEveryInsertedSlotExactlyOnce() {
        final EvictionPolicy policy = create(100);
        for (int slot = 99; slot >= 0; slot--) {
            policy.onInsert(slot, slot * 31L);
        }
        final boolean[] seen = new boolean[100];
        for (int i = 0; i < 100; i++) {
            final int victim = policy.victim(EvictionPolicy.SlotPredicate.ANY);
            assertTrue(victim >= 0 && victim < 100 && !seen[victim], "victim " + victim);
            seen[victim] = true;
            assertEquals(99 - i, policy.size());
        }
        assertEquals(EvictionPolicy.NO_VICTIM, policy.victim(EvictionPolicy.SlotPredicate.ANY));
    }

    @Test
    void victimSkipsSlotsThatMayNotBeEvictedAndKeepsThem() {
        final EvictionPolicy policy = create(8);
        final Pins pins = new Pins(8);
        for (int slot = 0; slot < 8; slot++) {
            policy.onInsert(slot, slot);
            pins.pinned[slot] = slot != 5;
        }
        assertEquals(5, policy.victim(pins), "the only evictable slot");
        pins.pinned[5] = true;
        assertEquals(EvictionPolicy.NO_VICTIM, policy.victim(pins), "every tracked slot pinned");
        assertEquals(7, policy.size(), "no victim, nothing forgotten");
        pins.pinned[2] = false;
        assertEquals(2, policy.victim(pins));
        policy.onInsert(5, 5);
        policy.onInsert(2, 2);
        assertEquals(8, policy.size(), "evicted slots can be inserted again");
    }

    @Test
    void removedSlotsAreNeverVictimsAndCanBeInsertedAgain() {
        final EvictionPolicy policy = create(4);
        for (int slot = 0; slot < 4; slot++) {
            policy.onInsert(slot, slot);
        }
        policy.onRemove(0);
        policy.onRemove(3);
        assertEquals(2, policy.size());
        final int first = policy.victim(EvictionPolicy.SlotPredicate.ANY);
        final int second = policy.victim(EvictionPolicy.SlotPredicate.ANY);
        assertTrue((first == 1 && second == 2) || (first == 2 && second == 1), first + ", " + second);
        policy.onInsert(0, 0);
        assertEquals(0, policy.victim(EvictionPolicy.SlotPredicate.ANY));
    }

    @Test
    void randomOperationsKeepTheInvariantsAndMatchTheModel() {
        final Random random = new Random(Seeds.seed(getClass().getSimpleName() + ".randomOperations"));
        for (int round = 0; round < 40; round++) {
            final int capacity = 1 + random.nextInt(round < 20 ? 8 : 200);
            new PolicyRun(create(capacity), model(capacity), capacity, random).steps(5_000);
        }
    }

    @Test
    void warmOperationsAllocateNothing() {
        final int capacity = 1024;
        final EvictionPolicy policy = create(capacity);
        final Pins pins = new Pins(capacity);
        for (int slot = 0; slot < capacity; slot += 7) {
            pins.pinned[slot] = true; // victim() has to skip some
        }
        final Churn churn = new Churn(policy, pins, capacity);
        churn.run(50_000);
        Allocations.allocatedBytes();
        final long before = Allocations.allocatedBytes();
        churn.run(100_000);
        final long allocated = Allocations.allocatedBytes() - before;
        assertNotEquals(0, churn.victims, "the loop evicted");
        Allocations.assertNearZero(policy.name() + " policy", allocated, 100_000L * Churn.CALLS_PER_STEP);
    }

    /** A {@link EvictionPolicy.SlotPredicate} over a {@code boolean[]} of pinned slots. */
    static final class Pins implements EvictionPolicy.SlotPredicate {
        final boolean[] pinned;

        Pins(final int capacity) {
            pinned = new boolean[capacity];
        }

        @Override
        public boolean test(final int slot) {
            return !pinned[slot];
        }
    }

    /** The allocation-free loop: evict, insert, access, update, remove and insert again. */
    private static final class Churn {
        static final int CALLS_PER_STEP = 6;
        private final EvictionPolicy policy;
        private final Pins pins;
        private final int capacity;
        private int next;
        long victims;

        Churn(final EvictionPolicy policy, final Pins pins, final int capacity) {
            this.policy = policy;
            this.pins = pins;
            this.capacity = capacity;
            for (int slot = 0; slot < capacity; slot++) {
                policy.onInsert(slot, slot * 0x9E3779B97F4A7C15L);
            }
        }

        void run(final int steps) {
            for (int i = 0; i < steps; i++) {
                final int victim = policy.victim(pins);
                policy.onInsert(victim, i);
                victims++;
                next = (next + 613) % capacity; // 613 is prime: visits every slot
                policy.onAccess(next);
                policy.onUpdate(next);
                if (pins.test(next)) {
                    policy.onRemove(next);
                    policy.onInsert(next, next);
                } else {
                    policy.onAccess(next);
                    policy.onAccess(next);
                }
            }
        }
    }
}
