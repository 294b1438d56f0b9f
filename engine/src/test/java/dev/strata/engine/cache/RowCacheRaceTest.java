package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The row cache's consistency protocol under real concurrency, against a multi-version model
 * store that cannot itself be wrong: writers apply a write at a new sequence number (the value is
 * that number), {@link RowCache#invalidate} the key, then publish the sequence; readers look the key
 * up and, on a miss, take the published sequence, read the newest version at or below it from the
 * model and {@link RowCache#insert} it tagged with that sequence, exactly as the store does. A
 * value a reader gets, from the cache or the model, must never be older than the newest write
 * acknowledged before the get began. A tiny cache keeps evicting and a policy switch runs now and
 * then. Seed printed; replay with -Dstrata.seed=N (thread timing is not replayed).
 */
class RowCacheRaceTest {
    private static final int KEYS = 16;
    private static final int HISTORY = 1 << 12;

    /** Per key, the sequences it was written at, in a ring: the model store's versions. */
    private final AtomicLongArray history = new AtomicLongArray(KEYS * HISTORY);
    private final AtomicLongArray writes = new AtomicLongArray(KEYS); // versions written per key
    private final AtomicLongArray acknowledged = new AtomicLongArray(KEYS);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Object leader = new Object(); // one writer at a time, like the commit leader
    private volatile long visible;
    private long lastSequence;

    @Test
    void noReaderSeesAValueOlderThanAnAcknowledgedWrite() throws Exception {
        final long seed = Seeds.seed("RowCacheRaceTest");
        final RowCacheTest.HandClock clock = new RowCacheTest.HandClock();
        try (RowCache cache = new RowCache(4L * 64 * 4, 64, 4, LruPolicy::new, clock)) {
            final List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                final SplittableRandom random = new SplittableRandom(seed + w);
                threads.add(new Thread(() -> write(cache, random)));
            }
            for (int r = 0; r < 3; r++) {
                final SplittableRandom random = new SplittableRandom(seed + 10 + r);
                threads.add(new Thread(() -> read(cache, random)));
            }
            threads.forEach(Thread::start);
            for (int i = 0; i < 10; i++) {
                Thread.sleep(100);
                cache.switchPolicy(LruPolicy::new);
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(5, failures.size())), "seed " + seed);
            final RowCacheStats s = cache.stats();
            System.out.printf("[row cache race] hits %d, misses %d, inserts %d, invalidations %d, stale inserts refused %d, evictions %d%n",
                s.hits(), s.misses(), s.inserts(), s.invalidations(), s.staleInserts(), s.evictions());
            assertTrue(s.hits() > 0 && s.invalidations() > 0 && s.inserts() > 0, "the race needs hits, inserts and invalidations");
        }
    }

    private void write(final RowCache cache, final SplittableRandom random) {
        final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
        while (!stop.get()) {
            final int k = random.nextInt(KEYS);
            key.putLong(0, k);
            final long sequence;
            synchronized (leader) {
                sequence = ++lastSequence;
                final long n = writes.get(k);
                history.set(k * HISTORY + (int)(n % HISTORY), sequence); // applied (invisible until published)
                writes.set(k, n + 1);
                cache.invalidate(0, key, 0, 8, sequence); // before publishing, as WriteSide does
                visible = sequence;
            }
            acknowledged.accumulateAndGet(k, sequence, Math::max);
        }
    }

    private void read(final RowCache cache, final SplittableRandom random) {
        final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
        final UnsafeBuffer value = new UnsafeBuffer(new byte[8]);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[8]);
        while (!stop.get() && failures.isEmpty()) {
            final int k = random.nextInt(KEYS);
            key.putLong(0, k);
            final long floor = acknowledged.get(k);
            long got;
            if (cache.get(0, key, 0, 8, out, 0) != RowCache.MISS) {
                got = out.getLong(0);
            } else {
                final long sequence = visible;
                got = newestAtOrBelow(k, sequence);
                if (got < 0) {
                    continue; // the ring moved past what this read needs: skip
                }
                if (got > 0) {
                    value.putLong(0, got);
                    cache.insert(0, key, 0, 8, sequence, value, 0, 8, 0);
                }
            }
            if (got < floor) {
                failures.add("key " + k + ": got the version written at " + got + " after the one at " + floor + " was acknowledged");
            }
        }
    }

    /** @return the newest sequence of key {@code k} at or below {@code sequence}, 0 if none, -1 if it fell off the ring */
    private long newestAtOrBelow(final int k, final long sequence) {
        final long n = writes.get(k);
        for (long i = n - 1; i >= 0 && i >= n - HISTORY + 64; i--) {
            final long s = history.get(k * HISTORY + (int)(i % HISTORY));
            if (s <= sequence) {
                return s;
            }
        }
        return n <= HISTORY - 64 ? 0 : -1;
    }
}
