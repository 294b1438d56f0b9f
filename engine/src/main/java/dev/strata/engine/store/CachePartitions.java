package dev.strata.engine.store;

import dev.strata.CacheStats;
import dev.strata.NamespaceConfig;
import dev.strata.StoreConfig;
import dev.strata.engine.cache.BlockCache;
import dev.strata.engine.cache.EvictionPolicies;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's block cache, split by namespace: a namespace whose cache share is below 1 gets its
 * own cache of that fraction of {@link StoreConfig#cacheBytes()}; the others share what is left.
 * Slots are twice the block size (rounded to a power of two), so an ordinary block always fits;
 * larger blocks (very large values) are read from the tier every time. Segment ids are never
 * reused, so blocks of deleted segments are not looked up again and age out under the policy
 * ({@link StoreConfig#blockCachePolicy()}, switchable at run time with {@link #switchPolicy}).
 */
final class CachePartitions implements AutoCloseable, CacheStats.Source {
    private static final int MAX_SHARDS = 16;

    private final BlockCache[] byNamespace;
    private final List<BlockCache> all = new ArrayList<>();
    private volatile String policy;

    CachePartitions(final StoreConfig config, final List<NamespaceConfig> namespaces) {
        byNamespace = new BlockCache[namespaces.size()];
        policy = config.blockCachePolicy();
        final int slotSize = Integer.highestOneBit(Math.max(64, config.blockSize() * 2 - 1)) << 1;
        double reserved = 0;
        for (NamespaceConfig ns : namespaces) {
            if (ns.cacheShare() < 1) {
                reserved += ns.cacheShare();
            }
        }
        final BlockCache shared = create((long)(config.cacheBytes() * Math.max(0, 1 - reserved)), slotSize);
        for (int id = 0; id < namespaces.size(); id++) {
            final double share = namespaces.get(id).cacheShare();
            byNamespace[id] = share < 1 ? create((long)(config.cacheBytes() * share), slotSize) : shared;
        }
    }

    private BlockCache create(final long bytes, final int slotSize) {
        if (bytes < slotSize) {
            return null;
        }
        int shards = MAX_SHARDS;
        while (shards > 1 && bytes < (long)slotSize * shards) {
            shards >>= 1;
        }
        final BlockCache cache = new BlockCache(bytes, slotSize, shards, EvictionPolicies.factory(policy));
        all.add(cache);
        return cache;
    }

    /** @return the cache for namespace {@code id}, or {@code null} if it has none */
    BlockCache forNamespace(final int id) {
        return byNamespace[id];
    }

    /** Switches every partition to another policy (a name from {@link EvictionPolicies#names()}), keeping the cached blocks. */
    synchronized void switchPolicy(final String name) {
        final dev.strata.engine.cache.EvictionPolicy.Factory factory = EvictionPolicies.factory(name);
        for (BlockCache c : all) {
            c.switchPolicy(factory);
        }
        policy = name;
    }

    @Override
    public String policy() {
        return policy;
    }

    @Override
    public long evictions() {
        long n = 0;
        for (BlockCache c : all) {
            n += c.stats().evictions();
        }
        return n;
    }

    @Override
    public long expirations() {
        return 0; // blocks do not expire
    }

    @Override
    public long bytes() {
        long n = 0;
        for (BlockCache c : all) {
            n += c.stats().bytesCached();
        }
        return n;
    }

    @Override
    public long entries() {
        long n = 0;
        for (BlockCache c : all) {
            n += c.stats().blocksCached();
        }
        return n;
    }

    @Override
    public long capacityBytes() {
        long n = 0;
        for (BlockCache c : all) {
            n += c.capacityBytes();
        }
        return n;
    }

    @Override
    public long hits() {
        long n = 0;
        for (BlockCache c : all) {
            n += c.stats().hits();
        }
        return n;
    }

    @Override
    public long misses() {
        long n = 0;
        for (BlockCache c : all) {
            n += c.stats().misses();
        }
        return n;
    }

    @Override
    public void close() {
        for (BlockCache c : all) {
            c.close();
        }
    }
}
