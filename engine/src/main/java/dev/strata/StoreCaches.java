package dev.strata;

/**
 * Administration of a store's caches ({@link Store#caches()}): their eviction policies, switchable
 * while the store runs, and their statistics.
 *
 * <p>A policy switch keeps every cached entry: each cache shard, under its lock, builds the new
 * policy and inserts its entries into it in the order the old policy would have evicted them.
 * Reads on a shard wait for its switch (a few milliseconds for a large cache) and then go on
 * hitting. What the old policy had learnt beyond the cached entries (frequencies of evicted keys,
 * ghost lists) is not carried over.
 */
public interface StoreCaches {
    /** @return the current eviction policy of that cache, as named in {@code EvictionPolicies} */
    String policy(CacheKind kind);

    /**
     * Switches the eviction policy of a cache, keeping its data. For a cache that is off (size 0)
     * only the name is recorded.
     *
     * @param policy a policy name, case-insensitive
     * @throws ConfigException naming the value and the known policies if there is no such policy
     * @throws StoreClosedException if the store is closed
     */
    void setPolicy(CacheKind kind, String policy);

    /** @return the live statistics of that cache (the same object as {@link StoreStats#cache(CacheKind)}) */
    CacheStats stats(CacheKind kind);

    /**
     * Runs the row cache's timer wheels up to the clock's time now, removing expired entries. The
     * store does this by itself, on every row cache operation and every 100 ms in the background;
     * this is for tests that move the clock by hand and for the impatient.
     *
     * @return the number of entries removed
     */
    int expireNow();
}
