package dev.strata;

import java.util.Locale;

/**
 * Live statistics of one of a store's caches ({@link StoreStats#cache(CacheKind)}): every getter
 * reads the cache's current counters, without allocating. Values are exact per cache shard; a set
 * of getters is not an atomic snapshot.
 */
public final class CacheStats {
    /** Internal: where the numbers come from (the store binds its cache when it opens). */
    public interface Source {
        long hits();

        long misses();

        long evictions();

        long expirations();

        long bytes();

        long entries();

        long capacityBytes();

        String policy();
    }

    private static final Source NONE = new Source() {
        @Override public long hits() { return 0; }
        @Override public long misses() { return 0; }
        @Override public long evictions() { return 0; }
        @Override public long expirations() { return 0; }
        @Override public long bytes() { return 0; }
        @Override public long entries() { return 0; }
        @Override public long capacityBytes() { return 0; }
        @Override public String policy() { return "none"; }
    };

    private final CacheKind kind;
    private volatile Source source = NONE;

    /** Internal: statistics of a cache of this kind, all zero until {@link #bind}. */
    public CacheStats(final CacheKind kind) {
        this.kind = kind;
    }

    /** Internal: reads the numbers from {@code from} from now on. */
    public void bind(final Source from) {
        this.source = from;
    }

    /** @return which cache */
    public CacheKind kind() { return kind; }

    /** @return lookups that found their entry */
    public long hits() { return source.hits(); }

    /** @return lookups that did not (including entries found expired) */
    public long misses() { return source.misses(); }

    /** @return entries dropped to make room */
    public long evictions() { return source.evictions(); }

    /** @return entries dropped because their TTL passed (always 0 for the block cache: blocks do not expire) */
    public long expirations() { return source.expirations(); }

    /** @return bytes of cached data now */
    public long bytes() { return source.bytes(); }

    /** @return cached entries (blocks, or rows) now */
    public long entries() { return source.entries(); }

    /** @return the cache's capacity in bytes (0: the cache is off) */
    public long capacityBytes() { return source.capacityBytes(); }

    /** @return the current eviction policy's name */
    public String policy() { return source.policy(); }

    /** @return hits / (hits + misses), or 0 before any lookup */
    public double hitRatio() {
        final long hits = hits();
        final long total = hits + misses();
        return total == 0 ? 0 : (double)hits / total;
    }

    /** @return one line with every figure (allocates; for humans) */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s cache (%s, %,d bytes): hits %,d, misses %,d, hit ratio %.4f, evictions %,d,"
            + " expirations %,d, %,d entries, %,d bytes", kind.name().toLowerCase(Locale.ROOT), policy(), capacityBytes(), hits(),
            misses(), hitRatio(), evictions(), expirations(), entries(), bytes());
    }
}
