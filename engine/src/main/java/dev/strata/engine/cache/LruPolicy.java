package dev.strata.engine.cache;


/**
 * Least recently used: evicts the entry whose last insert or access is oldest.
 *
 * <p>One {@link SlotLists} list: its first slot is the least recently used, its last the most
 * recently used. Every operation is O(1) and allocates nothing; {@link #victim} walks from the LRU
 * end past the slots its predicate rejects, so its cost grows with the number of pinned slots at
 * that end (few: one per concurrent reader at most). Not thread-safe (see {@link EvictionPolicy}).
 */
public final class LruPolicy implements EvictionPolicy {
    private static final int QUEUE = 0;

    private final SlotLists lists;
    private final int sentinel;
    private int size;

    /**
     * @param capacity the number of slots, at least 0
     * @throws IllegalArgumentException if {@code capacity} is negative or too large
     */
    public LruPolicy(final int capacity) {
        lists = new SlotLists(capacity, 1);
        sentinel = lists.sentinel(QUEUE);
    }

    @Override
    public void onInsert(final int slot, final long keyHash) {
        lists.checkUntracked(slot);
        lists.linkLast(QUEUE, slot);
        size++;
    }

    @Override
    public void onAccess(final int slot) {
        lists.checkTracked(slot);
        if (lists.next[slot] != sentinel) { // already the most recent: nothing to move
            lists.moveToLast(QUEUE, slot);
        }
    }

    @Override
    public void onRemove(final int slot) {
        lists.checkTracked(slot);
        lists.unlink(slot);
        size--;
    }

    @Override
    public int victim(final SlotPredicate evictable) {
        final int slot = lists.firstEvictable(QUEUE, evictable);
        if (slot != NO_VICTIM) {
            lists.unlink(slot);
            size--;
        }
        return slot;
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
        lists.checkSlot(slot);
        return lists.isLinked(slot);
    }

    /** @return the least recently used tracked slot, or {@link #NO_VICTIM} when none is tracked */
    public int eldest() {
        return size == 0 ? NO_VICTIM : lists.first(QUEUE);
    }
}
