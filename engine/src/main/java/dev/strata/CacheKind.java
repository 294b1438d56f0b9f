package dev.strata;

/** A store's caches, for {@link StoreCaches} and {@link StoreStats#cache(CacheKind)}. */
public enum CacheKind {
    /** Decompressed segment blocks, keyed by segment and offset ({@link StoreConfig#cacheBytes()}). */
    BLOCK,
    /** The latest value of keys read by point gets ({@link StoreConfig#rowCacheBytes()}). */
    ROW
}
