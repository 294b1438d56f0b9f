/**
 * The memory tier: {@link dev.strata.engine.cache.BlockCache}, an off-heap cache of decompressed
 * segment blocks bounded in bytes, and the {@link dev.strata.engine.cache.EvictionPolicy} SPI that
 * decides what it drops: LRU, FIFO, CLOCK, SIEVE, LFU, ARC and W-TinyLFU, listed by
 * {@link dev.strata.engine.cache.EvictionPolicies}.
 *
 * <h2>Priorities</h2>
 * Reads that hit the cache allocate nothing and copy nothing: the caller gets a pinned handle and
 * reads the block in place. Inserts copy a block once. The cache never holds more bytes than its
 * capacity, and never frees or reuses memory that a reader still uses.
 *
 * <h2>The read path</h2>
 * <pre>{@code
 * int handle = cache.acquire(segmentId, blockOffset);
 * if (handle == BlockCache.MISS) {
 *     int n = readAndDecompress(segmentId, blockOffset, scratch);      // the caller's buffer
 *     handle = cache.insert(segmentId, blockOffset, scratch, 0, n);
 *     if (handle == BlockCache.NOT_CACHED) {
 *         return use(scratch, 0, n);                                   // too large, or all pinned
 *     }
 * }
 * try {
 *     cache.wrap(handle, view);                                        // a reused UnsafeBuffer
 *     return use(view, 0, view.capacity());
 * } finally {
 *     cache.release(handle);
 * }
 * }</pre>
 *
 * <h2>Threading</h2>
 * {@code BlockCache} is thread-safe; a handle belongs to the thread that acquired it until it is
 * released (another thread may release it, once). Policies are not thread-safe: each belongs to
 * one cache shard and is called under that shard's lock.
 *
 * <h2>Misuse</h2>
 * Expected outcomes are return values ({@code MISS}, {@code NOT_CACHED}). Exceptions mean misuse:
 * {@link java.lang.IllegalArgumentException} for bad construction arguments or lengths,
 * {@link java.lang.IllegalStateException} for a closed cache or a handle released twice.
 */
package dev.strata.engine.cache;
