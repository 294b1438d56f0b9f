package dev.strata.engine.cache;

/**
 * ARC's ghost lists: the key hashes and weights of recently evicted entries, in lists ordered by
 * eviction, with an index from key hash to entry, in fixed arrays so that nothing is allocated
 * after construction.
 *
 * <p>Entries live in {@code [0, capacity)}; the lists are {@link SlotLists} over those indexes, and
 * unused indexes are kept on a stack. The index is open addressing with linear probing over an
 * {@code int} table of at least twice the capacity (a power of two), holding entry + 1 (0 is
 * empty); removal shifts later entries of the probe run back, so there are no tombstones and a
 * lookup never probes more than one run. Not thread-safe.
 */
final class GhostLists {
    /** {@link #find} result: the key is in no list. */
    static final int ABSENT = -1;

    private final SlotLists lists;
    private final long[] keys;
    private final long[] weights;
    private final byte[] listOf;
    private final int[] count;
    private final int[] free;
    private int freeCount;
    private final int[] table;
    private final int mask;

    /**
     * @param capacity the most ghost entries held at once, at least 0
     * @param lists    the number of lists
     */
    GhostLists(final int capacity, final int lists) {
        this.lists = new SlotLists(capacity, lists);
        keys = new long[capacity];
        weights = new long[capacity];
        listOf = new byte[capacity];
        count = new int[lists];
        free = new int[capacity];
        for (int i = capacity - 1; i >= 0; i--) {
            free[freeCount++] = i;
        }
        int size = 2;
        while (size < 2L * capacity) {
            size <<= 1;
        }
        table = new int[size];
        mask = size - 1;
    }

    /** @return the entry holding {@code keyHash}, or {@link #ABSENT} */
    int find(final long keyHash) {
        for (int i = home(keyHash); ; i = (i + 1) & mask) {
            final int e = table[i] - 1;
            if (e < 0) {
                return ABSENT;
            }
            if (keys[e] == keyHash) {
                return e;
            }
        }
    }

    /** @return the list {@code entry} is in */
    int listOf(final int entry) {
        return listOf[entry];
    }

    long weight(final int entry) {
        return weights[entry];
    }

    /** @return the number of entries in {@code list} */
    int count(final int list) {
        return count[list];
    }

    /** @return whether every entry is in use, so that {@link #addNewest} needs a {@link #remove} first */
    boolean isFull() {
        return freeCount == 0;
    }

    /** @return the entry evicted longest ago in {@code list}, or {@link #ABSENT} if it is empty */
    int oldest(final int list) {
        final int e = lists.first(list);
        return lists.isSentinel(e) ? ABSENT : e;
    }

    /** Records a key as the newest of {@code list}; the caller makes sure it is absent and there is room. */
    void addNewest(final int list, final long keyHash, final long weight) {
        final int e = free[--freeCount];
        keys[e] = keyHash;
        weights[e] = weight;
        listOf[e] = (byte)list;
        lists.linkLast(list, e);
        count[list]++;
        int i = home(keyHash);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = e + 1;
    }

    /** Forgets an entry. */
    void remove(final int entry) {
        lists.unlink(entry);
        count[listOf[entry]]--;
        free[freeCount++] = entry;
        int hole = home(keys[entry]);
        while (table[hole] != entry + 1) {
            hole = (hole + 1) & mask;
        }
        // backward-shift deletion: move later members of the run into the hole when their home allows
        for (int i = (hole + 1) & mask; table[i] != 0; i = (i + 1) & mask) {
            final int h = home(keys[table[i] - 1]);
            if (((i - h) & mask) >= ((i - hole) & mask)) {
                table[hole] = table[i];
                hole = i;
            }
        }
        table[hole] = 0;
    }

    private int home(final long keyHash) {
        long h = keyHash * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return (int)h & mask;
    }
}
