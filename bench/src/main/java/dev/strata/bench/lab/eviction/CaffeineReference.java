package dev.strata.bench.lab.eviction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Caffeine (W-TinyLFU with an adaptive window, by Ben Manes) replaying the same trace at the same
 * capacity, as an external reference row: {@code getIfPresent} then, on a miss, {@code put}, as
 * Caffeine's own simulator drives it. {@code maximumSize} for entries, {@code maximumWeight} with the
 * object size as weight for bytes. Maintenance runs on the calling thread
 * ({@code executor(Runnable::run)}) and {@code cleanUp()} after each insert applies evictions at
 * once, so a run is deterministic. Boxes a key per request: this row is a reference, not a
 * measurement of speed.
 */
public final class CaffeineReference {
    /** The row's name in reports. */
    public static final String NAME = "Caffeine";

    private CaffeineReference() {
    }

    /**
     * @param capacity entries, or bytes for a byte-weighted trace; at least 1
     * @return Caffeine's hits and misses
     */
    public static SimResult replay(final Trace trace, final long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        final Caffeine<Object, Object> builder = Caffeine.newBuilder().executor(Runnable::run)
            .initialCapacity(Math.min(CacheSimulator.slots(trace, capacity), 1 << 20));
        final Cache<Long, Integer> cache = trace.weighted()
            ? builder.maximumWeight(capacity).<Long, Integer>weigher((key, size) -> size).build()
            : builder.maximumSize(capacity).build();
        final long[] keys = trace.keys();
        long hits = 0;
        long missBytes = 0;
        for (int i = 0; i < keys.length; i++) {
            final Long key = keys[i];
            if (cache.getIfPresent(key) != null) {
                hits++;
            } else {
                final int size = trace.size(i);
                missBytes += size;
                cache.put(key, size);
                cache.cleanUp();
            }
        }
        cache.cleanUp();
        return new SimResult(NAME, capacity, keys.length, hits, missBytes);
    }
}
