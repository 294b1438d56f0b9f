package dev.strata.bench.lab.eviction;

import java.util.Arrays;

/**
 * Numbers distinct 64-bit keys densely ({@code 0, 1, 2, ...} in order of first appearance): an
 * open-addressing hash map from {@code long} key to {@code int} id on two primitive arrays, linear
 * probing, grown at half full. With dense ids the simulators keep per-key state in plain arrays
 * indexed by id, so the replay loop does no hashing and allocates nothing.
 */
final class KeyIds {
    private static final int EMPTY = -1;

    private long[] keys;
    private int[] ids;
    private int mask;
    private int size;

    KeyIds(final int expected) {
        final int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        ids = new int[capacity];
        Arrays.fill(ids, EMPTY);
        mask = capacity - 1;
    }

    /** @return the id of {@code key}, assigning the next one if the key is new */
    int idOf(final long key) {
        int i = (int)Hashing.mix(key) & mask;
        while (ids[i] != EMPTY) {
            if (keys[i] == key) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        ids[i] = size;
        if (++size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** @return the number of distinct keys seen */
    int size() {
        return size;
    }

    private void grow() {
        final long[] oldKeys = keys;
        final int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        Arrays.fill(ids, EMPTY);
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldIds[j] != EMPTY) {
                int i = (int)Hashing.mix(oldKeys[j]) & mask;
                while (ids[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                ids[i] = oldIds[j];
            }
        }
    }
}
