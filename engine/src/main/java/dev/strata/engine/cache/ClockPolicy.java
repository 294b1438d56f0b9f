package dev.strata.engine.cache;

/**
 * CLOCK (second chance) with one reference bit, as libCacheSim's {@code Clock}: an insert clears
 * the bit, a hit sets it; to evict, the hand looks at the oldest entry, and if its bit is set clears
 * it and moves on (the entry goes round again), else evicts it.
 *
 * <p>The clock is kept as a FIFO list, the hand always at its old end: giving an entry a second
 * chance moves it to the new end, which is where a circular clock's hand would next reach it. A hit
 * is O(1) and touches one {@code boolean}; {@link #victim} is O(1) amortised (each bit it clears was
 * set by a hit). A pinned slot is passed over with its bit unchanged. On the cloudphysics trace it
 * reproduces libCacheSim's Clock miss counts exactly. Not thread-safe (see {@link EvictionPolicy}).
 */
public final class ClockPolicy implements EvictionPolicy {
    private static final int CLOCK = 0;

    private final SlotLists lists;
    private final boolean[] referenced;
    private int size;

    /**
     * @param capacity the number of slots, at least 0
     * @throws IllegalArgumentException if {@code capacity} is negative or too large
     */
    public ClockPolicy(final int capacity) {
        lists = new SlotLists(capacity, 1);
        referenced = new boolean[capacity];
    }

    @Override
    public void onInsert(final int slot, final long keyHash) {
        lists.checkUntracked(slot);
        referenced[slot] = false;
        lists.linkLast(CLOCK, slot);
        size++;
    }

    @Override
    public void onAccess(final int slot) {
        lists.checkTracked(slot);
        referenced[slot] = true;
    }

    @Override
    public void onRemove(final int slot) {
        lists.checkTracked(slot);
        lists.unlink(slot);
        size--;
    }

    @Override
    public int victim(final SlotPredicate evictable) {
        final int sentinel = lists.sentinel(CLOCK);
        int slot = lists.first(CLOCK);
        while (slot != sentinel) {
            final int following = lists.next[slot];
            if (evictable.test(slot)) {
                if (!referenced[slot]) {
                    lists.unlink(slot);
                    size--;
                    return slot;
                }
                referenced[slot] = false;
                if (following == sentinel) {
                    continue; // already the newest: the hand comes straight back to it
                }
                lists.moveToLast(CLOCK, slot);
            }
            slot = following;
        }
        return NO_VICTIM; // every tracked slot pinned
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name() {
        return "CLOCK";
    }

    /** @return whether a tracked slot's reference bit is set */
    public boolean isReferenced(final int slot) {
        lists.checkTracked(slot);
        return referenced[slot];
    }
}
