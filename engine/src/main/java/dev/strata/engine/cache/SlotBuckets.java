package dev.strata.engine.cache;

/**
 * The hash index shared by {@link SlotTable} (block keys) and {@link RowTable} (row keys): open
 * addressing from a key's hash to the slot that holds the key, with linear probing over an
 * {@code int[]} of {@code slot + 1} (0 marks an empty bucket), and each slot's hash kept per slot
 * rather than per bucket, so a slot's key is at hand when it is evicted. At least twice as many
 * buckets as slots: the load factor stays at or below 1/2 and probe sequences short.
 *
 * <p>Deletion shifts the following entries of the probe run back (Knuth's algorithm R) instead of
 * leaving tombstones, so lookups never slow down as entries come and go. The tables compare their
 * own keys while probing ({@link #firstBucket}, {@link #slotIn}, {@link #nextBucket}). Nothing
 * allocates after construction. Not thread-safe: its shard's lock guards it.
 */
final class SlotBuckets {
    private final int[] buckets;
    private final int mask;
    private final long[] hashes;

    /** @param slots the number of slots of the shard, at least 0 */
    SlotBuckets(final int slots) {
        final int size = Math.max(2, Integer.highestOneBit(Math.max(1, slots)) << 2);
        buckets = new int[size];
        mask = size - 1;
        hashes = new long[slots];
    }

    /** @return the bucket where the probe for {@code hash} starts */
    int firstBucket(final long hash) {
        return (int)hash & mask;
    }

    /** @return the bucket probed after {@code bucket} */
    int nextBucket(final int bucket) {
        return (bucket + 1) & mask;
    }

    /** @return the slot that {@code bucket} points to, or -1 if it is empty (the probe ends there) */
    int slotIn(final int bucket) {
        return buckets[bucket] - 1;
    }

    /** @return the hash of the key that {@code slot} holds or last held */
    long hash(final int slot) {
        return hashes[slot];
    }

    /** Maps {@code hash} to {@code slot}; the key must be absent and the slot unmapped. */
    void add(final long hash, final int slot) {
        hashes[slot] = hash;
        int i = (int)hash & mask;
        while (buckets[i] != 0) {
            i = (i + 1) & mask;
        }
        buckets[i] = slot + 1;
    }

    /** Unmaps {@code slot}, which must be mapped. */
    void remove(final int slot) {
        int hole = (int)hashes[slot] & mask;
        while (buckets[hole] != slot + 1) {
            hole = (hole + 1) & mask;
        }
        // Move back each later entry of the run whose home bucket is not cyclically inside
        // (hole, j]: it would otherwise become unreachable behind the empty bucket.
        for (int j = (hole + 1) & mask; buckets[j] != 0; j = (j + 1) & mask) {
            final int home = (int)hashes[buckets[j] - 1] & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                buckets[hole] = buckets[j];
                hole = j;
            }
        }
        buckets[hole] = 0;
    }
}
