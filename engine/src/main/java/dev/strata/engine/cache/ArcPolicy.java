package dev.strata.engine.cache;

/**
 * Adaptive Replacement Cache (Megiddo and Modha, FAST 2003), weighted as libCacheSim's {@code ARC}.
 *
 * <h2>Lists</h2>
 * T1 holds entries seen once recently, T2 entries seen at least twice, both in LRU order; B1 and B2
 * ("ghosts") remember the key hashes and weights of entries recently evicted from T1 and T2. A
 * target {@code p} for T1's weight adapts: a miss on a key in B1 means T1 was too small, so
 * {@code p} grows by {@code max(|B2| / |B1|, 1)}; a miss in B2 shrinks it by
 * {@code max(|B1| / |B2|, 1)}. Such a key comes back into T2; any other key enters T1; a hit in T1
 * moves an entry to T2.
 *
 * <h2>Victims</h2>
 * REPLACE evicts T1's LRU entry into B1 when T1 is non-empty and heavier than {@code p} (or exactly
 * {@code p} and the incoming key was in B2), or when T2 is empty; otherwise T2's LRU entry into B2.
 * For a key in neither ghost list (case IV of the paper), first: if T1 + B1 + the incoming weight
 * exceeds the maximum, B1's oldest ghost is dropped, or, with B1 empty, T1's LRU entry is evicted
 * without a ghost; else, if all four lists together reach twice the maximum, B2's oldest ghost is
 * dropped; then REPLACE. Sizes ({@code |T1|}, {@code p}, ...) are weights: bytes for a cache
 * bounded in bytes ({@link #setMaximumWeight}), entry counts otherwise, and then this is the paper's
 * algorithm. {@code p} is a {@code double} and its step is the ratio of ghost weights, not scaled by
 * entry weight, exactly as in libCacheSim, whose miss counts it reproduces on the cloudphysics trace
 * when the cache calls {@link #onMiss} before making room (without it, the ghost test and the
 * adaptation happen at {@link #onInsert}, after the victims were chosen).
 *
 * <h2>Ghosts</h2>
 * Ghosts are recorded by {@link #victim} only, never by {@link #onRemove}: an invalidated entry says
 * nothing about the cache being too small. They live in {@link GhostLists}, fixed arrays of
 * {@code capacity} entries with a hash index by key hash. Counting entries, ARC never keeps more
 * ghosts than slots; counting bytes it may want more, and then the oldest ghost of the longer ghost
 * list is forgotten to make room.
 *
 * <p>Pinned slots are passed over; if the chosen list has no evictable entry the other list gives
 * the victim. Every operation is O(1) apart from walking past pinned slots, and allocates nothing.
 * Not thread-safe (see {@link EvictionPolicy}).
 */
public final class ArcPolicy implements EvictionPolicy {
    private static final int T1 = 0;
    private static final int T2 = 1;
    private static final int B1 = 0;
    private static final int B2 = 1;
    private static final int NOT_GHOST = -1;

    private final SlotLists lists;
    private final byte[] listOf;
    private final long[] keys;
    private final long[] weights;
    private final GhostLists ghosts;
    private long maximum;
    private double p;
    private long t1;
    private long t2;
    private long b1;
    private long b2;
    private int size;
    /** The key announced by {@link #onMiss}, valid while {@link #pending}. */
    private boolean pending;
    private long pendingKey;
    private long pendingWeight;
    private int pendingGhost = NOT_GHOST;

    /**
     * @param capacity the number of slots, at least 0; also the most ghosts kept
     * @throws IllegalArgumentException if {@code capacity} is negative or too large
     */
    public ArcPolicy(final int capacity) {
        lists = new SlotLists(capacity, 2);
        listOf = new byte[capacity];
        keys = new long[capacity];
        weights = new long[capacity];
        ghosts = new GhostLists(capacity, 2);
        maximum = capacity;
    }

    @Override
    public void setMaximumWeight(final long maximumWeight) {
        if (maximumWeight < 0) {
            throw new IllegalArgumentException("maximumWeight must be at least 0, got " + maximumWeight);
        }
        maximum = maximumWeight;
        p = Math.min(p, maximumWeight);
    }

    @Override
    public void onMiss(final long keyHash, final long weight) {
        SlotLists.checkWeight(weight);
        pending = true;
        pendingKey = keyHash;
        pendingWeight = weight;
        pendingGhost = takeGhost(keyHash);
    }

    @Override
    public void onInsert(final int slot, final long keyHash) {
        onInsert(slot, keyHash, 1);
    }

    @Override
    public void onInsert(final int slot, final long keyHash, final long weight) {
        lists.checkUntracked(slot);
        SlotLists.checkWeight(weight);
        final int ghost = pending && pendingKey == keyHash ? pendingGhost : takeGhost(keyHash);
        pending = false;
        keys[slot] = keyHash;
        weights[slot] = weight;
        if (ghost == NOT_GHOST) {
            listOf[slot] = T1;
            lists.linkLast(T1, slot);
            t1 += weight;
        } else {
            listOf[slot] = T2;
            lists.linkLast(T2, slot);
            t2 += weight;
        }
        size++;
    }

    @Override
    public void onAccess(final int slot) {
        lists.checkTracked(slot);
        if (listOf[slot] == T1) {
            listOf[slot] = T2;
            t1 -= weights[slot];
            t2 += weights[slot];
        }
        lists.moveToLast(T2, slot);
    }

    @Override
    public void onRemove(final int slot) {
        lists.checkTracked(slot);
        untrack(slot);
    }

    @Override
    public int victim(final SlotPredicate evictable) {
        if (pending && pendingGhost != NOT_GHOST) {
            return replace(pendingGhost == B2, evictable);
        }
        final long incoming = pending ? pendingWeight : 1;
        if (t1 + b1 + incoming > maximum) {
            if (b1 == 0 && ghosts.count(B1) == 0) {
                final int slot = lists.firstEvictable(T1, evictable);
                if (slot != NO_VICTIM) {
                    untrack(slot); // T1 alone is too heavy: evict without a ghost
                    return slot;
                }
                return replace(false, evictable);
            }
            if (hasEvictable(evictable)) {
                dropOldestGhost(B1);
            }
        } else if (t1 + b1 + t2 + b2 >= 2 * maximum && ghosts.count(B2) > 0 && hasEvictable(evictable)) {
            dropOldestGhost(B2);
        }
        return replace(false, evictable);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name() {
        return "ARC";
    }

    /** @return the target weight of T1 */
    public double target() {
        return p;
    }

    /** @return whether a tracked slot is in T2 (seen at least twice) rather than T1 */
    public boolean isFrequent(final int slot) {
        lists.checkTracked(slot);
        return listOf[slot] == T2;
    }

    /** @return the number of ghosts of entries evicted from T1 (B1) or from T2 (B2) */
    public int ghostCount(final boolean frequent) {
        return ghosts.count(frequent ? B2 : B1);
    }

    /** REPLACE: T1's LRU entry into B1, or T2's into B2. */
    private int replace(final boolean incomingInB2, final SlotPredicate evictable) {
        final boolean fromT1 = (t1 > 0 && (t1 > p || (t1 == p && incomingInB2))) || t2 == 0;
        int slot = lists.firstEvictable(fromT1 ? T1 : T2, evictable);
        if (slot == NO_VICTIM) {
            slot = lists.firstEvictable(fromT1 ? T2 : T1, evictable);
            if (slot == NO_VICTIM) {
                return NO_VICTIM;
            }
        }
        final int ghostList = listOf[slot] == T1 ? B1 : B2;
        untrack(slot);
        recordGhost(ghostList, keys[slot], weights[slot]);
        return slot;
    }

    /** A miss: if the key is a ghost, adapts {@code p}, forgets the ghost and says which list it was in. */
    private int takeGhost(final long keyHash) {
        final int ghost = ghosts.find(keyHash);
        if (ghost == GhostLists.ABSENT) {
            return NOT_GHOST;
        }
        final int list = ghosts.listOf(ghost);
        final long weight = ghosts.weight(ghost);
        if (list == B1) {
            p = Math.min(p + Math.max(b1 == 0 ? 1 : (double)b2 / b1, 1), maximum);
            b1 -= weight;
        } else {
            p = Math.max(p - Math.max(b2 == 0 ? 1 : (double)b1 / b2, 1), 0);
            b2 -= weight;
        }
        ghosts.remove(ghost);
        return list;
    }

    private void recordGhost(final int list, final long keyHash, final long weight) {
        if (ghosts.isFull()) {
            final int longer = ghosts.count(B1) >= ghosts.count(B2) ? B1 : B2;
            if (ghosts.count(longer) == 0) {
                return; // no room for ghosts at all (capacity 0)
            }
            dropOldestGhost(longer);
        }
        ghosts.addNewest(list, keyHash, weight);
        if (list == B1) {
            b1 += weight;
        } else {
            b2 += weight;
        }
    }

    private void dropOldestGhost(final int list) {
        final int ghost = ghosts.oldest(list);
        if (ghost != GhostLists.ABSENT) {
            if (list == B1) {
                b1 -= ghosts.weight(ghost);
            } else {
                b2 -= ghosts.weight(ghost);
            }
            ghosts.remove(ghost);
        }
    }

    private boolean hasEvictable(final SlotPredicate evictable) {
        return lists.firstEvictable(T1, evictable) != NO_VICTIM || lists.firstEvictable(T2, evictable) != NO_VICTIM;
    }

    private void untrack(final int slot) {
        lists.unlink(slot);
        if (listOf[slot] == T1) {
            t1 -= weights[slot];
        } else {
            t2 -= weights[slot];
        }
        size--;
    }
}
