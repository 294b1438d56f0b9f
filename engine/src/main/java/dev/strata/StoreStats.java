package dev.strata;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * A store's live counters. Updating one is a single atomic add (no allocation); reading is racy
 * across counters (each value is exact, the set is not a consistent snapshot). Also published
 * through JMX as {@code dev.strata:type=Store,name=<location>} ({@link StoreStatsMXBean}).
 */
public final class StoreStats implements StoreStatsMXBean {
    /** Levels whose hits are counted separately. */
    public static final int MAX_LEVELS = 12;

    /** What is counted. */
    public enum Counter {
        /** Point reads. */ GETS,
        /** Point reads that found a live value. */ GET_HITS,
        /** Point reads answered by a memtable. */ MEMTABLE_HITS,
        /** Keys written (puts and deletes, batches counted per entry). */ KEYS_WRITTEN,
        /** Commits (single writes and batches). */ COMMITS,
        /** Transactions committed (those with writes go through the log; read-only ones do not). */ TXN_COMMITS,
        /** Transaction commits refused by validation (serializable or snapshot conflicts). */ TXN_CONFLICTS,
        /** Key and value bytes written by users. */ USER_BYTES_WRITTEN,
        /** Cursor steps and seeks that landed on a key. */ SCAN_STEPS,
        /** Block cache hits. */ CACHE_HITS,
        /** Block cache misses (block read from the tier). */ CACHE_MISSES,
        /** WAL bytes appended. */ WAL_BYTES,
        /** WAL syncs. */ WAL_SYNCS,
        /** Commit groups (a leader and the followers it wrote for). */ WAL_GROUPS,
        /** Memtable flushes. */ FLUSHES,
        /** Segment bytes written by flushes. */ FLUSH_BYTES_WRITTEN,
        /** Compactions. */ COMPACTIONS,
        /** Segment bytes read by compactions. */ COMPACTION_BYTES_READ,
        /** Segment bytes written by compactions. */ COMPACTION_BYTES_WRITTEN,
        /** Versions dropped by compaction (shadowed, deleted or expired). */ COMPACTION_DROPPED,
        /** Writes that waited for a flush. */ STALLS,
        /** Total microseconds writers waited for flushes. */ STALL_MICROS,
        /** Segment bytes currently live (all levels). */ LIVE_SEGMENT_BYTES,
        /** Segment bytes currently in the last non-empty level. */ LAST_LEVEL_BYTES
    }

    private static final Counter[] COUNTERS = Counter.values();

    private final AtomicLongArray counters = new AtomicLongArray(COUNTERS.length);
    private final AtomicLongArray levelHits = new AtomicLongArray(MAX_LEVELS);
    private volatile LongSupplier cacheHits = () -> 0;
    private volatile LongSupplier cacheMisses = () -> 0;
    private final CacheStats blockCache = new CacheStats(CacheKind.BLOCK);
    private final CacheStats rowCache = new CacheStats(CacheKind.ROW);

    /** Internal: the block cache counts its own hits and misses; {@link Counter#CACHE_HITS} and {@link Counter#CACHE_MISSES} read them. */
    public void bindCache(final LongSupplier hits, final LongSupplier misses) {
        this.cacheHits = hits;
        this.cacheMisses = misses;
    }

    /** Internal: adds to a counter. */
    public void add(final Counter counter, final long delta) {
        counters.getAndAdd(counter.ordinal(), delta);
    }

    /** Internal: sets a gauge. */
    public void set(final Counter counter, final long value) {
        counters.set(counter.ordinal(), value);
    }

    /** Internal: counts a point read answered by a segment in {@code level}. */
    public void levelHit(final int level) {
        levelHits.getAndIncrement(Math.min(level, MAX_LEVELS - 1));
    }

    public long get(final Counter counter) {
        if (counter == Counter.CACHE_HITS) {
            return cacheHits.getAsLong();
        }
        if (counter == Counter.CACHE_MISSES) {
            return cacheMisses.getAsLong();
        }
        return counters.get(counter.ordinal());
    }

    /** @return the live statistics of one of the store's caches */
    public CacheStats cache(final CacheKind kind) {
        return kind == CacheKind.ROW ? rowCache : blockCache;
    }

    /** @return point reads answered by a segment in {@code level} */
    public long levelHits(final int level) {
        return levelHits.get(level);
    }

    /** @return segment bytes written (flush + compaction) per user byte written; 0 before any write */
    @Override
    public double getWriteAmplification() {
        final long user = get(Counter.USER_BYTES_WRITTEN);
        return user == 0 ? 0 : (double)(get(Counter.FLUSH_BYTES_WRITTEN) + get(Counter.COMPACTION_BYTES_WRITTEN)) / user;
    }

    /** @return live segment bytes per byte in the last level (1.0 when everything is in one sorted run); 0 if empty */
    @Override
    public double getSpaceAmplification() {
        final long last = get(Counter.LAST_LEVEL_BYTES);
        return last == 0 ? 0 : (double)get(Counter.LIVE_SEGMENT_BYTES) / last;
    }

    /** @return average commits per WAL group (higher means more sharing of syncs) */
    @Override
    public double getAverageGroupSize() {
        final long groups = get(Counter.WAL_GROUPS);
        return groups == 0 ? 0 : (double)get(Counter.COMMITS) / groups;
    }

    @Override
    public long getGets() { return get(Counter.GETS); }
    @Override
    public long getKeysWritten() { return get(Counter.KEYS_WRITTEN); }
    @Override
    public long getCacheHits() { return get(Counter.CACHE_HITS); }
    @Override
    public long getCacheMisses() { return get(Counter.CACHE_MISSES); }
    @Override
    public long getWalSyncs() { return get(Counter.WAL_SYNCS); }
    @Override
    public long getFlushes() { return get(Counter.FLUSHES); }
    @Override
    public long getCompactions() { return get(Counter.COMPACTIONS); }
    @Override
    public long getStalls() { return get(Counter.STALLS); }
    @Override
    public long getLiveSegmentBytes() { return get(Counter.LIVE_SEGMENT_BYTES); }
    // per-cache statistics (issue 5)
    @Override
    public String getBlockCachePolicy() { return blockCache.policy(); }
    @Override
    public long getBlockCacheEvictions() { return blockCache.evictions(); }
    @Override
    public long getBlockCacheBytes() { return blockCache.bytes(); }
    @Override
    public double getBlockCacheHitRatio() { return blockCache.hitRatio(); }
    @Override
    public String getRowCachePolicy() { return rowCache.policy(); }
    @Override
    public long getRowCacheHits() { return rowCache.hits(); }
    @Override
    public long getRowCacheMisses() { return rowCache.misses(); }
    @Override
    public long getRowCacheEvictions() { return rowCache.evictions(); }
    @Override
    public long getRowCacheExpirations() { return rowCache.expirations(); }
    @Override
    public long getRowCacheBytes() { return rowCache.bytes(); }
    @Override
    public double getRowCacheHitRatio() { return rowCache.hitRatio(); }

    /** @return every counter, one per line (allocates; for humans) */
    @Override
    public String toString() {
        final StringBuilder out = new StringBuilder();
        for (Counter c : COUNTERS) {
            out.append(String.format(Locale.ROOT, "%-26s %,d%n", c.name().toLowerCase(Locale.ROOT), get(c)));
        }
        for (int level = 0; level < MAX_LEVELS; level++) {
            if (levelHits(level) > 0) {
                out.append(String.format(Locale.ROOT, "%-26s %,d%n", "level" + level + "_hits", levelHits(level)));
            }
        }
        out.append(String.format(Locale.ROOT, "%-26s %.2f%n%-26s %.2f%n%-26s %.2f", "write_amplification", getWriteAmplification(),
            "space_amplification", getSpaceAmplification(), "average_group_size", getAverageGroupSize()));
        out.append(System.lineSeparator()).append(blockCache).append(System.lineSeparator()).append(rowCache);
        return out.toString();
    }
}
