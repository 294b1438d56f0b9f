package dev.strata.engine.cache;

/**
 * First in, first out: evicts the entry inserted longest ago; hits and updates change nothing.
 *
 * <p>One intrusive list in insertion order ({@link SlotLists}). Every operation is O(1) and
 * allocates nothing; {@link #victim} walks past pinned slots at the old end. On the cloudphysics
 * trace it reproduces libCacheSim's FIFO miss counts exactly. Not thread-safe (see
 * {@link EvictionPolicy}).
 */
public final class FifoPolicy implements EvictionPolicy {
    private static final int QUEUE = 0;

    private final SlotLists lists;
    private int size;

    /**
     * @param capacity the number of slots, at least 0
     * @throws IllegalArgumentException if {@code capacity} is negative or too large
     */
    public FifoPolicy(final int capacity) {
        lists = new SlotLists(capacity, 1);
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
        return "FIFO";
    }
}
