package dev.strata.engine.cache;

/**
 * SIEVE (Zhang et al., "SIEVE is Simpler than LRU", NSDI 2024), as libCacheSim's {@code Sieve}:
 * one FIFO queue and a visited bit per entry. An insert puts the entry at the new end with its bit
 * clear; a hit sets the bit and moves nothing. To evict, a hand walks from where it last stopped
 * (at first from the old end) towards the new end, clearing set bits, and evicts the first entry
 * whose bit is clear; the hand then rests on the next newer entry, and wraps to the old end when it
 * passes the newest. Unlike CLOCK, survivors keep their place in the queue, so new entries are
 * examined late and one-hit wonders leave quickly.
 *
 * <p>A hit is O(1) and touches one {@code boolean}; {@link #victim} is O(1) amortised. A pinned slot
 * is passed over with its bit unchanged; if the hand meets only pinned slots for two full turns
 * there is no victim. On the cloudphysics trace it reproduces libCacheSim's Sieve miss counts
 * exactly. Not thread-safe (see {@link EvictionPolicy}).
 */
public final class SievePolicy implements EvictionPolicy {
    private static final int QUEUE = 0;
    /** {@link #hand} value: start from the oldest entry. */
    private static final int AT_OLDEST = -1;

    private final SlotLists lists;
    private final boolean[] visited;
    private int hand = AT_OLDEST;
    private int size;

    /**
     * @param capacity the number of slots, at least 0
     * @throws IllegalArgumentException if {@code capacity} is negative or too large
     */
    public SievePolicy(final int capacity) {
        lists = new SlotLists(capacity, 1);
        visited = new boolean[capacity];
    }

    @Override
    public void onInsert(final int slot, final long keyHash) {
        lists.checkUntracked(slot);
        visited[slot] = false;
        lists.linkLast(QUEUE, slot);
        size++;
    }

    @Override
    public void onAccess(final int slot) {
        lists.checkTracked(slot);
        visited[slot] = true;
    }

    @Override
    public void onRemove(final int slot) {
        lists.checkTracked(slot);
        if (slot == hand) {
            hand = newer(slot);
        }
        lists.unlink(slot);
        size--;
    }

    @Override
    public int victim(final SlotPredicate evictable) {
        if (size == 0) {
            return NO_VICTIM;
        }
        int slot = hand == AT_OLDEST ? lists.first(QUEUE) : hand;
        // after one turn every evictable bit is clear, so two turns find a victim if there is one
        for (long steps = 2L * size; steps > 0; steps--) {
            if (evictable.test(slot)) {
                if (!visited[slot]) {
                    hand = newer(slot);
                    lists.unlink(slot);
                    size--;
                    return slot;
                }
                visited[slot] = false;
            }
            final int n = lists.next[slot];
            slot = lists.isSentinel(n) ? lists.first(QUEUE) : n;
        }
        return NO_VICTIM;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name() {
        return "SIEVE";
    }

    /** @return whether a tracked slot's visited bit is set */
    public boolean isVisited(final int slot) {
        lists.checkTracked(slot);
        return visited[slot];
    }

    /** @return the slot the hand rests on, or {@link #NO_VICTIM} when it will start from the oldest */
    public int hand() {
        return hand == AT_OLDEST ? NO_VICTIM : hand;
    }

    private int newer(final int slot) {
        final int n = lists.next[slot];
        return lists.isSentinel(n) ? AT_OLDEST : n;
    }
}
