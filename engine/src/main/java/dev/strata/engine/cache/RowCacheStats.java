package dev.strata.engine.cache;

/**
 * The counters of one {@link RowCache}, live: every getter sums the shards' current values, each
 * read under its shard's lock (exact per shard; the total is not an atomic snapshot across shards).
 * Counting costs no atomic instruction: the counters are plain fields updated under the shard lock
 * that the operation holds anyway.
 */
public final class RowCacheStats {
    static final int STAT_HITS = 0;
    static final int STAT_MISSES = 1;
    static final int STAT_INSERTS = 2;
    static final int STAT_EVICTIONS = 3;
    static final int STAT_EXPIRATIONS = 4;
    static final int STAT_INVALIDATIONS = 5;
    static final int STAT_STALE_INSERTS = 6;
    static final int STAT_NOT_CACHED = 7;
    static final int STAT_BYTES_CACHED = 8;
    static final int STAT_ENTRIES = 9;
    static final int STAT_EXPIRING = 10;

    private final RowCacheShard[] shards;

    RowCacheStats(final RowCacheShard[] shards) {
        this.shards = shards;
    }

    /** @return lookups that found a live entry */
    public long hits() {
        return sum(STAT_HITS);
    }

    /** @return lookups that found no entry, or an expired one */
    public long misses() {
        return sum(STAT_MISSES);
    }

    /** @return entries copied in */
    public long inserts() {
        return sum(STAT_INSERTS);
    }

    /** @return entries evicted to make room */
    public long evictions() {
        return sum(STAT_EVICTIONS);
    }

    /** @return entries removed because their TTL passed (by the timer wheel, or by a lookup in the same millisecond) */
    public long expirations() {
        return sum(STAT_EXPIRATIONS);
    }

    /** @return entries dropped because a write changed their key */
    public long invalidations() {
        return sum(STAT_INVALIDATIONS);
    }

    /** @return inserts refused because a write to the shard came after the read that produced the value */
    public long staleInserts() {
        return sum(STAT_STALE_INSERTS);
    }

    /** @return inserts refused because key and value did not fit a slot (or there are no slots, or the value had expired) */
    public long notCached() {
        return sum(STAT_NOT_CACHED);
    }

    /** @return the summed key and value bytes of the cached entries */
    public long bytesCached() {
        return sum(STAT_BYTES_CACHED);
    }

    /** @return the number of cached entries */
    public long entries() {
        return sum(STAT_ENTRIES);
    }

    /** @return the cached entries that have an expiry (on a timer wheel) */
    public long expiring() {
        return sum(STAT_EXPIRING);
    }

    private long sum(final int which) {
        long total = 0;
        for (RowCacheShard shard : shards) {
            total += shard.stat(which);
        }
        return total;
    }
}
