package dev.strata.engine.store;

import dev.strata.CacheKind;
import dev.strata.CacheStats;
import dev.strata.ConfigException;
import dev.strata.StoreCaches;
import dev.strata.StoreConfig;
import dev.strata.StoreStats;
import dev.strata.engine.cache.EvictionPolicies;
import dev.strata.engine.cache.RowCache;
import dev.strata.engine.cache.RowCacheStats;

/**
 * The store's caches as the user sees them ({@link StoreCaches}): builds the row cache from the
 * configuration (one cache shared by every namespace, the namespace id being part of the key), binds
 * both caches' statistics into {@link StoreStats}, switches policies at run time and runs the row
 * cache's background expiry ({@link #start}, every {@value #EXPIRY_INTERVAL_MILLIS} ms).
 */
final class CacheControl implements StoreCaches, Runnable {
    static final long EXPIRY_INTERVAL_MILLIS = 100;
    private static final int MAX_SHARDS = 16;

    private final StoreImpl store;
    private final CachePartitions blocks;
    private final RowCache rows;
    private final StoreStats stats;
    private final Thread expirer;
    private volatile String rowPolicy;
    private volatile boolean closing;

    CacheControl(final StoreImpl store, final StoreConfig config, final CachePartitions blocks, final StoreStats stats, final String name) {
        this.store = store;
        this.blocks = blocks;
        this.stats = stats;
        this.rows = createRowCache(config);
        this.rowPolicy = config.rowCachePolicy();
        stats.cache(CacheKind.BLOCK).bind(blocks);
        stats.cache(CacheKind.ROW).bind(new RowSource());
        if (rows != null) {
            expirer = new Thread(this, "strata-expiry-" + name);
            expirer.setDaemon(true);
        } else {
            expirer = null;
        }
    }

    private static RowCache createRowCache(final StoreConfig config) {
        final long bytes = config.rowCacheBytes();
        final int slot = config.rowCacheEntryBytes();
        if (bytes < slot) {
            return null;
        }
        int shards = MAX_SHARDS;
        while (shards > 1 && bytes < (long)slot * shards) {
            shards >>= 1;
        }
        return new RowCache(bytes, slot, shards, EvictionPolicies.factory(config.rowCachePolicy()), config.clock());
    }

    /** @return the row cache, or {@code null} when it is off */
    RowCache rows() {
        return rows;
    }

    void start() {
        if (expirer != null) {
            expirer.start();
        }
    }

    @Override
    public void run() {
        while (!closing) {
            try {
                Thread.sleep(EXPIRY_INTERVAL_MILLIS);
            } catch (final InterruptedException e) {
                return;
            }
            if (!closing) {
                rows.expire();
            }
        }
    }

    /** Stops the expiry thread and frees the row cache. */
    void close() {
        closing = true;
        if (expirer != null && expirer.isAlive()) {
            expirer.interrupt();
            try {
                expirer.join();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (rows != null) {
            rows.close();
        }
    }

    @Override
    public String policy(final CacheKind kind) {
        return kind == CacheKind.ROW ? rowPolicy : blocks.policy();
    }

    @Override
    public synchronized void setPolicy(final CacheKind kind, final String policy) {
        store.checkOpen();
        final String name = known(kind, policy);
        if (kind == CacheKind.ROW) {
            if (rows != null) {
                rows.switchPolicy(EvictionPolicies.factory(name));
            }
            rowPolicy = name;
        } else {
            blocks.switchPolicy(name);
        }
    }

    @Override
    public CacheStats stats(final CacheKind kind) {
        return stats.cache(kind);
    }

    @Override
    public int expireNow() {
        store.checkOpen();
        return rows == null ? 0 : rows.expire();
    }

    private static String known(final CacheKind kind, final String policy) {
        if (kind == null) {
            throw new IllegalArgumentException("cache kind must not be null");
        }
        if (policy != null) {
            for (String name : EvictionPolicies.names()) {
                if (name.equalsIgnoreCase(policy)) {
                    return name;
                }
            }
        }
        throw new ConfigException("the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " cache policy '" + policy
            + "' is not a known eviction policy; known policies: " + String.join(", ", EvictionPolicies.names()));
    }

    /** The row cache's figures for {@link CacheStats}; zeros when it is off. */
    private final class RowSource implements CacheStats.Source {
        private RowCacheStats s() {
            return rows == null ? null : rows.stats();
        }

        @Override
        public long hits() {
            return rows == null ? 0 : s().hits();
        }

        @Override
        public long misses() {
            return rows == null ? 0 : s().misses();
        }

        @Override
        public long evictions() {
            return rows == null ? 0 : s().evictions();
        }

        @Override
        public long expirations() {
            return rows == null ? 0 : s().expirations();
        }

        @Override
        public long bytes() {
            return rows == null ? 0 : s().bytesCached();
        }

        @Override
        public long entries() {
            return rows == null ? 0 : s().entries();
        }

        @Override
        public long capacityBytes() {
            return rows == null ? 0 : rows.capacityBytes();
        }

        @Override
        public String policy() {
            return rowPolicy;
        }
    }
}
