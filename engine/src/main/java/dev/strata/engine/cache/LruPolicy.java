package dev.strata.engine.cache;

import java.util.Arrays;

/**
 * Least recently used: evicts the entry whose last insert or access is oldest.
 *
 * <p>An intrusive doubly linked list over two {@code int} arrays indexed by slot id, circular
 * through a sentinel at index {@code capacity}: the sentinel's {@code next} is the least recently
 * used slot, its {@code prev} the most recently used. Every operation is O(1) and allocates
 * nothing; {@link #victim} walks from the LRU end past the slots its predicate rejects, so its cost
 * grows with the number of pinned slots at that end (few: one per concurrent reader at most).
 *
 * <p>An untracked slot has {@code prev == UNLINKED}, which is how misuse is detected cheaply.
 * Not thread-safe (see {@link EvictionPolicy}).
 */
public final class LruPolicy implements EvictionPolicy {
    private static final int UNLINKED = -1;

    private final int sentinel;
    private final int[] prev;
    private final int[] next;
    private int size;

    /**
     * @param capacity the number of slots, at least 0
     * @throws IllegalArgumentException if {@code capacity} is negative or {@link Integer#MAX_VALUE}
     */
    public LruPolicy(final int capacity) {
        if (capacity < 0 || capacity == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("capacity must be between 0 and " + (Integer.MAX_VALUE - 1) + ", got " + capacity);
        }
        sentinel = capacity;
        prev = new int[capacity + 1];
        next = new int[capacity + 1];
        Arrays.fill(prev, UNLINKED);
        prev[sentinel] = sentinel;
        next[sentinel] = sentinel;
    }

    @Override
    public void onInsert(final int slot, final long keyHash) {
        checkSlot(slot);
        if (prev[slot] != UNLINKED) {
            throw new IllegalStateException("slot " + slot + " is already tracked");
        }
        linkLast(slot);
        size++;
    }

    @Override
    public void onAccess(final int slot) {
        checkTracked(slot);
        if (next[slot] != sentinel) { // already the most recent: nothing to move
            unlink(slot);
            linkLast(slot);
        }
    }

    @Override
    public void onRemove(final int slot) {
        checkTracked(slot);
        unlink(slot);
        size--;
    }

    @Override
    public int victim(final SlotPredicate evictable) {
        for (int slot = next[sentinel]; slot != sentinel; slot = next[slot]) {
            if (evictable.test(slot)) {
                unlink(slot);
                size--;
                return slot;
            }
        }
        return NO_VICTIM;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name() {
        return "LRU";
    }

    /** @return whether {@code slot} is tracked */
    public boolean contains(final int slot) {
        checkSlot(slot);
        return prev[slot] != UNLINKED;
    }

    /** @return the least recently used tracked slot, or {@link #NO_VICTIM} when none is tracked */
    public int eldest() {
        return size == 0 ? NO_VICTIM : next[sentinel];
    }

    private void linkLast(final int slot) {
        final int last = prev[sentinel];
        prev[slot] = last;
        next[slot] = sentinel;
        next[last] = slot;
        prev[sentinel] = slot;
    }

    private void unlink(final int slot) {
        final int p = prev[slot];
        final int n = next[slot];
        next[p] = n;
        prev[n] = p;
        prev[slot] = UNLINKED;
    }

    private void checkTracked(final int slot) {
        checkSlot(slot);
        if (prev[slot] == UNLINKED) {
            throw new IllegalStateException("slot " + slot + " is not tracked");
        }
    }

    private void checkSlot(final int slot) {
        if (slot < 0 || slot >= sentinel) {
            throw new IndexOutOfBoundsException("slot must be between 0 and " + (sentinel - 1) + ", got " + slot);
        }
    }
}
