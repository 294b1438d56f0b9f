package dev.strata.bench.lab.eviction;

import dev.strata.engine.cache.EvictionPolicy;
import java.util.Arrays;

/**
 * Replays a {@link Trace} through an {@link EvictionPolicy} at one capacity, the way a demand cache
 * works: a request for a resident key is a hit ({@link EvictionPolicy#onAccess}); any other request is
 * a miss, after which the object is inserted, evicting the policy's victims until it fits. An
 * object larger than the whole cache is not inserted (libCacheSim's semantics; it is still a miss).
 * Before making room the policy hears of the miss ({@link EvictionPolicy#onMiss}), and it learns the
 * entry's weight at {@link EvictionPolicy#onInsert(int, long, long)}; for a byte-weighted trace it is
 * told the capacity in bytes ({@link EvictionPolicy#setMaximumWeight}), so ARC and W-TinyLFU size
 * their regions in bytes as libCacheSim and Caffeine do.
 *
 * <h2>Capacity</h2>
 * For a trace without sizes the capacity counts entries. For a byte-weighted trace it counts bytes:
 * every request carries its object's size, and the cache evicts until the resident bytes plus the
 * new object's fit; a hit on an object whose size changed keeps the size it was inserted with.
 *
 * <h2>Bookkeeping</h2>
 * Keys are dense ids ({@link Trace#id}), so the key-to-slot map is an {@code int} array indexed by
 * id (built once per trace by {@link KeyIds}, an open-addressing map) and the slot-to-key map
 * another; free slots are a stack. The replay loop allocates nothing.
 */
public final class CacheSimulator {
    private static final int ABSENT = -1;

    private CacheSimulator() {
    }

    /**
     * @param trace    the requests
     * @param factory  makes the policy, with as many slots as the cache can hold entries
     * @param capacity entries, or bytes for a byte-weighted trace; at least 1
     * @return hits and misses
     * @throws IllegalStateException if the policy gives no victim while the cache is full (a policy bug)
     */
    public static SimResult replay(final Trace trace, final EvictionPolicy.Factory factory, final long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        final int slots = slots(trace, capacity);
        final EvictionPolicy policy = factory.create(slots);
        if (trace.weighted()) {
            policy.setMaximumWeight(capacity);
        }
        final long[] keys = trace.keys();
        final int[] ids = trace.ids();
        final int[] sizes = trace.sizes();
        final int[] slotOf = new int[trace.distinct()];
        Arrays.fill(slotOf, ABSENT);
        final int[] idOf = new int[slots];
        final int[] weightOf = sizes == null ? null : new int[slots];
        final int[] free = new int[slots];
        for (int s = 0; s < slots; s++) {
            free[s] = slots - 1 - s;
        }
        int freeCount = slots;
        long used = 0;
        long hits = 0;
        long missBytes = 0;
        for (int i = 0; i < keys.length; i++) {
            final int id = ids[i];
            final int slot = slotOf[id];
            if (slot != ABSENT) {
                hits++;
                policy.onAccess(slot);
                continue;
            }
            final int weight = sizes == null ? 1 : sizes[i];
            missBytes += weight;
            if (weight > capacity) {
                continue;
            }
            final long hash = Hashing.mix(keys[i]);
            policy.onMiss(hash, weight);
            while (freeCount == 0 || used + weight > capacity) {
                final int victim = policy.victim(EvictionPolicy.SlotPredicate.ANY);
                if (victim == EvictionPolicy.NO_VICTIM) {
                    throw new IllegalStateException(policy.name() + " gave no victim with " + (slots - freeCount) + " of " + slots
                        + " slots tracked, " + used + " of " + capacity + " used");
                }
                slotOf[idOf[victim]] = ABSENT;
                used -= weightOf == null ? 1 : weightOf[victim];
                free[freeCount++] = victim;
            }
            final int s = free[--freeCount];
            slotOf[id] = s;
            idOf[s] = id;
            if (weightOf != null) {
                weightOf[s] = weight;
            }
            used += weight;
            policy.onInsert(s, hash, weight);
        }
        return new SimResult(policy.name(), capacity, keys.length, hits, missBytes);
    }

    /**
     * @return the number of slots the cache needs: the capacity in entries, or for bytes the most
     *         objects that can be resident at once; never more than the distinct keys
     */
    static int slots(final Trace trace, final long capacity) {
        long most = capacity;
        if (trace.weighted()) {
            int smallest = Integer.MAX_VALUE;
            for (int i = 0; i < trace.length(); i++) {
                smallest = Math.min(smallest, trace.size(i));
            }
            most = smallest == 0 ? trace.distinct() : capacity / smallest;
        }
        return (int)Math.max(1, Math.min(most, trace.distinct()));
    }
}
