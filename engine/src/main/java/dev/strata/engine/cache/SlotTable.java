package dev.strata.engine.cache;

/**
 * Maps a block key {@code (segmentId, blockOffset)} to the slot that holds it, for one shard: a
 * {@link SlotBuckets} index, with the keys stored per slot so that a slot's key is at hand when it
 * is evicted. At most one key per slot. Nothing allocates after construction. Not thread-safe: its
 * shard's lock guards it.
 */
final class SlotTable {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SlotBuckets index;
    private final long[] segments;
    private final long[] offsets;

    /** @param slots the number of slots of the shard, at least 0 */
    SlotTable(final int slots) {
        index = new SlotBuckets(slots);
        segments = new long[slots];
        offsets = new long[slots];
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
        for (int b = index.firstBucket(hash); ; b = index.nextBucket(b)) {
            final int slot = index.slotIn(b);
            if (slot < 0) {
                return -1;
            }
            if (segments[slot] == segmentId && offsets[slot] == blockOffset) {
                return slot;
            }
        }
    }

    /** Maps the key, which must be absent, to {@code slot}, which must hold no key. */
    void put(final long hash, final long segmentId, final long blockOffset, final int slot) {
        segments[slot] = segmentId;
        offsets[slot] = blockOffset;
        index.add(hash, slot);
    }

    /** Unmaps the key that {@code slot} holds, which must be mapped. */
    void remove(final int slot) {
        index.remove(slot);
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
        return index.hash(slot);
    }
}
