package dev.strata.engine.cache;

/**
 * The counters of one {@link BlockCache}, live: every getter reads the current values.
 *
 * <p>Counters are plain {@code long} fields of each shard, updated under the shard's lock, so
 * counting costs no atomic instruction and no allocation. A getter sums the shards, reading each
 * under its lock: each shard's part is exact, but the total is not an atomic snapshot across
 * shards, and two getters called one after the other may see different moments.
 */
public final class BlockCacheStats {
    static final int STAT_HITS = 0;
    static final int STAT_MISSES = 1;
    static final int STAT_INSERTS = 2;
    static final int STAT_EVICTIONS = 3;
    static final int STAT_NOT_CACHED = 4;
    static final int STAT_BYTES_CACHED = 5;
    static final int STAT_BLOCKS_CACHED = 6;
    static final int STAT_PINNED_BLOCKS = 7;

    private final CacheShard[] shards;

    BlockCacheStats(final CacheShard[] shards) {
        this.shards = shards;
    }

    /** @return lookups that found their block */
    public long hits() {
        return sum(STAT_HITS);
    }

    /** @return lookups that did not find their block */
    public long misses() {
        return sum(STAT_MISSES);
    }

    /** @return blocks copied in (inserts that found the key present are not counted) */
    public long inserts() {
        return sum(STAT_INSERTS);
    }

    /** @return blocks evicted to make room (removals and invalidations are not counted) */
    public long evictions() {
        return sum(STAT_EVICTIONS);
    }

    /** @return inserts refused because the block was longer than a slot or every slot was pinned */
    public long notCached() {
        return sum(STAT_NOT_CACHED);
    }

    /** @return the summed lengths of the cached blocks (at most {@link BlockCache#capacityBytes()}) */
    public long bytesCached() {
        return sum(STAT_BYTES_CACHED);
    }

    /** @return the number of cached blocks */
    public long blocksCached() {
        return sum(STAT_BLOCKS_CACHED);
    }

    /** @return slots pinned now: by readers, by inserts in progress, or removed but not yet released */
    public long pinnedBlocks() {
        return sum(STAT_PINNED_BLOCKS);
    }

    private long sum(final int which) {
        long total = 0;
        for (CacheShard shard : shards) {
            total += shard.stat(which);
        }
        return total;
    }
}
