package dev.strata.engine.cache;

/**
 * Maps a block key {@code (segmentId, blockOffset)} to the slot that holds it, for one shard: open
 * addressing with linear probing over an {@code int[]} of {@code slot + 1} (0 marks an empty
 * bucket), and the keys and hashes stored per slot rather than per bucket, so a slot's key is at
 * hand when it is evicted. At most one key per slot, and at least twice as many buckets as slots:
 * the load factor stays at or below 1/2 and probe sequences short.
 *
 * <p>Deletion shifts the following entries of the probe run back (Knuth's algorithm R) instead of
 * leaving tombstones, so lookups never slow down as entries come and go. Nothing allocates after
 * construction. Not thread-safe: its shard's lock guards it.
 */
final class SlotTable {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int[] buckets;
    private final int mask;
    private final long[] segments;
    private final long[] offsets;
    private final long[] hashes;

    /** @param slots the number of slots of the shard, at least 0 */
    SlotTable(final int slots) {
        final int size = Math.max(2, Integer.highestOneBit(Math.max(1, slots)) << 2);
        buckets = new int[size];
        mask = size - 1;
        segments = new long[slots];
        offsets = new long[slots];
        hashes = new long[slots];
    }

    /**
     * The key's hash: the shard comes from its high bits, the bucket from its low bits and the
     * eviction policy gets all of it, so it must mix every input bit into every output bit
     * (MurmurHash3's 64-bit finaliser after folding the two halves of the key together).
     */
    static long hash(final long segmentId, final long blockOffset) {
        long k = segmentId * GOLDEN ^ blockOffset;
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }

    /** @return the slot holding the key, or -1 */
    int find(final long hash, final long segmentId, final long blockOffset) {
        for (int i = (int)hash & mask; ; i = (i + 1) & mask) {
            final int entry = buckets[i];
            if (entry == 0) {
                return -1;
            }
            final int slot = entry - 1;
            if (segments[slot] == segmentId && offsets[slot] == blockOffset) {
                return slot;
            }
        }
    }

    /** Maps the key, which must be absent, to {@code slot}, which must hold no key. */
    void put(final long hash, final long segmentId, final long blockOffset, final int slot) {
        segments[slot] = segmentId;
        offsets[slot] = blockOffset;
        hashes[slot] = hash;
        int i = (int)hash & mask;
        while (buckets[i] != 0) {
            i = (i + 1) & mask;
        }
        buckets[i] = slot + 1;
    }

    /** Unmaps the key that {@code slot} holds, which must be mapped. */
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

    /** @return the segment id of the key that {@code slot} holds or last held */
    long segmentId(final int slot) {
        return segments[slot];
    }

    /** @return the block offset of the key that {@code slot} holds or last held */
    long blockOffset(final int slot) {
        return offsets[slot];
    }

    /** @return the hash of the key that {@code slot} holds or last held */
    long hash(final int slot) {
        return hashes[slot];
    }
}
