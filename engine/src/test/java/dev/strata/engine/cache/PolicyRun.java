package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

/**
 * One random sequence of policy calls for {@link EvictionPolicyContract}: inserts of untracked
 * slots, accesses, updates and removals of tracked ones, pins toggled, victims chosen. After each
 * step the policy's size must match; each victim must be tracked and evictable (and equal the
 * model's, when there is a model), and "no victim" must mean that no tracked slot is evictable.
 */
final class PolicyRun {
    private final EvictionPolicy policy;
    private final EvictionPolicyContract.Model model;
    private final Random random;
    private final int capacity;
    private final EvictionPolicyContract.Pins pins;
    /** Tracked slots, unordered: {@code tracked[0 .. count)}; {@code position[slot]} is its index or -1. */
    private final int[] tracked;
    private final int[] position;
    private int count;

    PolicyRun(final EvictionPolicy policy, final EvictionPolicyContract.Model model, final int capacity, final Random random) {
        this.policy = policy;
        this.model = model;
        this.capacity = capacity;
        this.random = random;
        pins = new EvictionPolicyContract.Pins(capacity);
        tracked = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
    }

    void steps(final int steps) {
        for (int step = 0; step < steps; step++) {
            final int op = random.nextInt(100);
            final String where = "capacity " + capacity + ", step " + step;
            if (op < 30 && count < capacity) {
                insert();
            } else if (op < 50 && count > 0) {
                final int slot = anyTracked();
                policy.onAccess(slot);
                if (model != null) {
                    model.access(slot);
                }
            } else if (op < 58 && count > 0) {
                final int slot = anyTracked();
                policy.onUpdate(slot);
                if (model != null) {
                    model.update(slot);
                }
            } else if (op < 66 && count > 0) {
                final int slot = anyTracked();
                policy.onRemove(slot);
                if (model != null) {
                    model.remove(slot);
                }
                untrack(slot);
            } else if (op < 74) {
                final int slot = random.nextInt(capacity);
                pins.pinned[slot] = !pins.pinned[slot];
            } else {
                victim(where);
            }
            assertEquals(count, policy.size(), where);
        }
    }

    private void insert() {
        int slot = random.nextInt(capacity);
        while (position[slot] >= 0) {
            slot = (slot + 1) % capacity;
        }
        final long hash = random.nextLong();
        policy.onInsert(slot, hash);
        if (model != null) {
            model.insert(slot, hash);
        }
        position[slot] = count;
        tracked[count++] = slot;
    }

    private void victim(final String where) {
        final int expected = model == null ? 0 : model.victim(pins);
        final int victim = policy.victim(pins);
        if (model != null) {
            assertEquals(expected, victim, "victim at " + where);
        }
        if (victim == EvictionPolicy.NO_VICTIM) {
            for (int i = 0; i < count; i++) {
                assertFalse(pins.test(tracked[i]), "no victim although slot " + tracked[i] + " is evictable, at " + where);
            }
            return;
        }
        assertTrue(victim >= 0 && victim < capacity && position[victim] >= 0, "victim " + victim + " is not tracked, at " + where);
        assertTrue(pins.test(victim), "victim " + victim + " is pinned, at " + where);
        untrack(victim);
    }

    private int anyTracked() {
        return tracked[random.nextInt(count)];
    }

    private void untrack(final int slot) {
        final int at = position[slot];
        final int last = tracked[--count];
        tracked[at] = last;
        position[last] = at;
        position[slot] = -1;
    }
}
