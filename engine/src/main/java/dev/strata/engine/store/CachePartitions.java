package dev.strata.engine.store;

import dev.strata.NamespaceConfig;
import dev.strata.StoreConfig;
import dev.strata.engine.cache.BlockCache;
import dev.strata.engine.cache.LruPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's block cache, split by namespace: a namespace whose cache share is below 1 gets its
 * own cache of that fraction of {@link StoreConfig#cacheBytes()}; the others share what is left.
 * Slots are twice the block size (rounded to a power of two), so an ordinary block always fits;
 * larger blocks (very large values) are read from the tier every time. Segment ids are never
 * reused, so blocks of deleted segments are not looked up again and age out under LRU.
 */
final class CachePartitions implements AutoCloseable {
    private static final int MAX_SHARDS = 16;

    private final BlockCache[] byNamespace;
    private final List<BlockCache> all = new ArrayList<>();

    CachePartitions(final StoreConfig config, final List<NamespaceConfig> namespaces) {
        byNamespace = new BlockCache[namespaces.size()];
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
        final BlockCache cache = new BlockCache(bytes, slotSize, shards, LruPolicy::new);
        all.add(cache);
        return cache;
    }

    /** @return the cache for namespace {@code id}, or {@code null} if it has none */
    BlockCache forNamespace(final int id) {
        return byNamespace[id];
    }

    long hits() {
        long n = 0;
        for (BlockCache c : all) {
            n += c.stats().hits();
        }
        return n;
    }

    long misses() {
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
