package dev.strata.bench.lab.eviction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.reflect.Field;

/**
 * Caffeine (W-TinyLFU with an adaptive window, by Ben Manes) replaying the same trace at the same
 * capacity, as an external reference row: {@code getIfPresent} then, on a miss, {@code put}, as
 * Caffeine's own simulator drives it. {@code maximumSize} for entries, {@code maximumWeight} with the
 * object size as weight for bytes. Maintenance runs on the calling thread
 * ({@code executor(Runnable::run)}), {@code cleanUp()} after each insert applies evictions at
 * once, and the thread's random state is seeded (see {@code seedThreadLocalRandom}), so a run
 * is deterministic. Boxes a key per request: this row is a reference, not a
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
        seedThreadLocalRandom();
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

    /** @return whether Caffeine's random draws are seeded (false when {@code java.base/java.lang} is not opened) */
    public static boolean seeded() {
        return SEED != null;
    }

    /**
     * Caffeine admits a warm candidate that lost the frequency contest with probability 1/128, drawn
     * from {@code ThreadLocalRandom}, whose per-thread seed nobody can set; unseeded, its hit ratio at
     * one point moves by up to 2.4 points between runs (the hill climber amplifies the draws). So the
     * calling thread's random state is set to a constant before each replay, through the
     * {@code Thread} fields that {@code ThreadLocalRandom} keeps it in (Strata opens
     * {@code java.base/java.lang} anyway, for Chronicle Bytes). Without that access the row is
     * unseeded, and {@link #seeded()} says so.
     */
    private static void seedThreadLocalRandom() {
        if (SEED != null) {
            try {
                SEED.setLong(Thread.currentThread(), 0x5DEECE66DL);
                PROBE.setInt(Thread.currentThread(), 0x9E3779B9);
            } catch (final IllegalAccessException e) {
                throw new IllegalStateException("cannot seed ThreadLocalRandom", e);
            }
        }
    }

    private static final Field SEED;
    private static final Field PROBE;

    static {
        Field seed = null;
        Field probe = null;
        try {
            seed = Thread.class.getDeclaredField("threadLocalRandomSeed");
            probe = Thread.class.getDeclaredField("threadLocalRandomProbe");
            seed.setAccessible(true);
            probe.setAccessible(true);
        } catch (final ReflectiveOperationException | RuntimeException e) {
            seed = null;
            probe = null;
        }
        SEED = seed;
        PROBE = probe;
    }
}
