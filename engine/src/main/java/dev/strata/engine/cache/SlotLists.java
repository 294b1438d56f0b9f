package dev.strata.engine.cache;

import java.util.Arrays;

/**
 * Intrusive doubly linked lists of slot ids, for the eviction policies: two {@code int} arrays
 * indexed by slot id, plus one sentinel per list at index {@code capacity + list}, each list circular
 * through its sentinel. A list's first slot ({@code next} of its sentinel) is its oldest, its last
 * the newest. A slot is in at most one list; an unlinked slot has {@code prev == UNLINKED}.
 *
 * <p>Every operation is O(1) and allocates nothing. Not thread-safe; range checks are the
 * policies' (see {@link #checkSlot}).
 */
final class SlotLists {
    static final int UNLINKED = -1;

    final int capacity;
    final int[] prev;
    final int[] next;

    /**
     * @param capacity the number of slots
     * @param lists    the number of lists
     * @throws IllegalArgumentException if {@code capacity} is negative or too large for the lists
     */
    SlotLists(final int capacity, final int lists) {
        if (capacity < 0 || capacity > Integer.MAX_VALUE - 8 - lists) {
            throw new IllegalArgumentException("capacity must be between 0 and " + (Integer.MAX_VALUE - 8 - lists) + ", got " + capacity);
        }
        this.capacity = capacity;
        prev = new int[capacity + lists];
        next = new int[capacity + lists];
        Arrays.fill(prev, 0, capacity, UNLINKED);
        for (int list = 0; list < lists; list++) {
            prev[capacity + list] = capacity + list;
            next[capacity + list] = capacity + list;
        }
    }

    /** @return the sentinel of {@code list}: iteration from {@code next[sentinel]} ends when it comes back */
    int sentinel(final int list) {
        return capacity + list;
    }

    /** @return whether {@code node} is a sentinel (the end of an iteration), not a slot */
    boolean isSentinel(final int node) {
        return node >= capacity;
    }

    /** @return the oldest slot of {@code list}, or its sentinel when it is empty */
    int first(final int list) {
        return next[capacity + list];
    }

    /** @return the newest slot of {@code list}, or its sentinel when it is empty */
    int last(final int list) {
        return prev[capacity + list];
    }

    boolean isEmpty(final int list) {
        return next[capacity + list] == capacity + list;
    }

    boolean isLinked(final int slot) {
        return prev[slot] != UNLINKED;
    }

    /** Appends an unlinked slot as the newest of {@code list}. */
    void linkLast(final int list, final int slot) {
        final int sentinel = capacity + list;
        final int last = prev[sentinel];
        prev[slot] = last;
        next[slot] = sentinel;
        next[last] = slot;
        prev[sentinel] = slot;
    }

    void unlink(final int slot) {
        final int p = prev[slot];
        final int n = next[slot];
        next[p] = n;
        prev[n] = p;
        prev[slot] = UNLINKED;
    }

    /** Makes a linked slot the newest of {@code list} (its own list or another). */
    void moveToLast(final int list, final int slot) {
        unlink(slot);
        linkLast(list, slot);
    }

    /**
     * Empties {@code list} in O(1) without touching its slots: they stay chained, oldest first, and
     * the newest still points at the list's sentinel, so a walk from the returned node along
     * {@link #next} until that sentinel visits each of them once. The caller must then link every one
     * elsewhere or mark it unlinked ({@code prev[slot] = UNLINKED}); until then they count as linked.
     *
     * @return the oldest former member, or the sentinel if the list was empty
     */
    int detachAll(final int list) {
        final int sentinel = capacity + list;
        final int first = next[sentinel];
        next[sentinel] = sentinel;
        prev[sentinel] = sentinel;
        return first;
    }

    /** @return the oldest slot of {@code list} that {@code evictable} accepts, or {@link EvictionPolicy#NO_VICTIM} */
    int firstEvictable(final int list, final EvictionPolicy.SlotPredicate evictable) {
        final int sentinel = capacity + list;
        for (int slot = next[sentinel]; slot != sentinel; slot = next[slot]) {
            if (evictable.test(slot)) {
                return slot;
            }
        }
        return EvictionPolicy.NO_VICTIM;
    }

    /** @throws IndexOutOfBoundsException unless {@code slot} is in {@code [0, capacity)} */
    void checkSlot(final int slot) {
        if (slot < 0 || slot >= capacity) {
            throw new IndexOutOfBoundsException("slot must be between 0 and " + (capacity - 1) + ", got " + slot);
        }
    }

    /** @throws IllegalStateException if {@code slot} is already in a list */
    void checkUntracked(final int slot) {
        checkSlot(slot);
        if (prev[slot] != UNLINKED) {
            throw new IllegalStateException("slot " + slot + " is already tracked");
        }
    }

    /** @throws IllegalStateException if {@code slot} is in no list */
    void checkTracked(final int slot) {
        checkSlot(slot);
        if (prev[slot] == UNLINKED) {
            throw new IllegalStateException("slot " + slot + " is not tracked");
        }
    }

    /** @throws IllegalArgumentException if {@code weight} is negative */
    static void checkWeight(final long weight) {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must be at least 0, got " + weight);
        }
    }
}
