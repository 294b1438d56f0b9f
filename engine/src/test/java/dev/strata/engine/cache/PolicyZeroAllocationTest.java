package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped policy allocates nothing once warm on the path a byte-bounded cache takes
 * (DESIGN.md, "Rules for the hot path"): {@link EvictionPolicy#onMiss}, victims until the weighted
 * entry fits, {@link EvictionPolicy#onInsert(int, long, long)}, and Zipf-like hits, measured on this
 * thread after a warm-up. The contract's {@code warmOperationsAllocateNothing} covers the unweighted
 * calls, removals and pins. A unit check, not a benchmark.
 */
class PolicyZeroAllocationTest {
    private static final int SLOTS = 4096;
    private static final int OPERATIONS = 200_000;

    static java.util.List<String> names() {
        return EvictionPolicies.names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void weightedMissesAndHitsAllocateNothing(final String name) {
        final Loop loop = new Loop(EvictionPolicies.factory(name).create(SLOTS));
        loop.run(OPERATIONS);
        Allocations.allocatedBytes();
        final long before = Allocations.allocatedBytes();
        final long evictions = loop.run(OPERATIONS);
        Allocations.assertNearZero(name + " weighted misses and hits", Allocations.allocatedBytes() - before, OPERATIONS);
        assertTrue(evictions > OPERATIONS / 10, name + " evicted only " + evictions + " times");
    }

    /** A byte-bounded cache of 4096 slots over 64 MiB with entries of 4 to 64 KiB; no boxing, no lambdas. */
    private static final class Loop {
        private static final long MAXIMUM = 64L << 20;
        private final EvictionPolicy policy;
        private final long[] keyOf = new long[SLOTS];
        private final long[] weightOf = new long[SLOTS];
        private final int[] free = new int[SLOTS];
        private int freeCount;
        private long used;
        private long next = 1;
        private long state = 0x9E3779B97F4A7C15L;

        Loop(final EvictionPolicy policy) {
            this.policy = policy;
            policy.setMaximumWeight(MAXIMUM);
            for (int s = SLOTS - 1; s >= 0; s--) {
                free[freeCount++] = s;
            }
        }

        /** @return the evictions in {@code n} operations */
        long run(final int n) {
            long evictions = 0;
            for (int i = 0; i < n; i++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                if ((state & 3) != 0 && freeCount < SLOTS) {
                    // a hit, skewed towards low slots
                    int slot = (int)((state >>> 8) % SLOTS) >>> ((int)(state >>> 40) & 7);
                    while (keyOf[slot] == 0) {
                        slot = (slot + 1) % SLOTS;
                    }
                    policy.onAccess(slot);
                    continue;
                }
                final long key = TraceReplay.hash(next++);
                final long weight = 4096 + (state >>> 48);
                policy.onMiss(key, weight);
                while (used + weight > MAXIMUM || freeCount == 0) {
                    final int victim = policy.victim(EvictionPolicy.SlotPredicate.ANY);
                    if (victim < 0) {
                        throw new AssertionError(policy.name() + ": no victim");
                    }
                    used -= weightOf[victim];
                    keyOf[victim] = 0;
                    free[freeCount++] = victim;
                    evictions++;
                }
                final int slot = free[--freeCount];
                keyOf[slot] = key;
                weightOf[slot] = weight;
                used += weight;
                policy.onInsert(slot, key, weight);
            }
            return evictions;
        }
    }
}
