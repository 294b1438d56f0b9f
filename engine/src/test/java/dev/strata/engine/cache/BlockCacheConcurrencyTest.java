package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Several threads acquire, insert, hold two blocks at once, release, remove and invalidate random
 * keys of a cache much smaller than the key space, so evictions and slot reuse race with readers.
 * Every block's bytes follow from its key: a reader that ever sees another block's bytes (a pinned
 * slot evicted or refilled under it, a torn publication) fails. Bounded by iterations; the thread
 * seeds derive from the printed seed.
 */
class BlockCacheConcurrencyTest {
    private static final int THREADS = 4;
    private static final int ITERATIONS = 25_000;
    private static final int SLOT = 512;
    private static final int SEGMENTS = 24;
    private static final int BLOCKS_PER_SEGMENT = 16;

    @Test
    void readersNeverSeeAnotherBlocksBytes() throws Exception {
        final long seed = Seeds.seed("BlockCacheConcurrencyTest");
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        try (BlockCache cache = new BlockCache(64 * SLOT, SLOT, 4, LruPolicy::new)) {
            final Worker[] workers = new Worker[THREADS];
            final Thread[] threads = new Thread[THREADS];
            final CyclicBarrier start = new CyclicBarrier(THREADS);
            for (int t = 0; t < THREADS; t++) {
                final Worker worker = new Worker(cache, new Random(seed + t), start);
                workers[t] = worker;
                threads[t] = new Thread(() -> {
                    try {
                        worker.run();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "worker-" + t);
                threads[t].start();
            }
            long acquires = 0;
            long dropped = 0;
            for (int t = 0; t < THREADS; t++) {
                threads[t].join(120_000); // a guard against a deadlock hanging the build, not a timing assertion
                assertFalse(threads[t].isAlive(), "worker " + t + " is stuck (deadlock?)");
                acquires += workers[t].acquires;
                dropped += workers[t].dropped;
            }
            assertNull(failure.get(), () -> "a worker failed: " + failure.get());

            final BlockCacheStats stats = cache.stats();
            assertEquals(0, stats.pinnedBlocks(), "every pin released");
            assertEquals(acquires, stats.hits() + stats.misses());
            assertEquals(stats.inserts() - stats.evictions() - dropped, stats.blocksCached());
            assertTrue(stats.blocksCached() <= 64 && stats.bytesCached() <= cache.capacityBytes());
            assertTrue(stats.hits() > 0 && stats.evictions() > 0 && stats.notCached() > 0, "the run covered hits, evictions and refusals");
            final Worker check = new Worker(cache, new Random(seed), start);
            for (int s = 0; s < SEGMENTS; s++) {
                for (int b = 0; b < BLOCKS_PER_SEGMENT; b++) {
                    final int handle = cache.acquire(s, b * 4096L);
                    if (handle >= 0) {
                        check.verify(handle, s, b * 4096L);
                        cache.release(handle);
                    }
                }
            }
        }
    }

    /** One thread's work; it owns its scratch block and view, as an engine reader would. */
    private static final class Worker {
        private final BlockCache cache;
        private final Random random;
        private final CyclicBarrier start;
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SLOT + 64]);
        private final UnsafeBuffer view = new UnsafeBuffer();
        long acquires;
        long dropped;

        Worker(final BlockCache cache, final Random random, final CyclicBarrier start) {
            this.cache = cache;
            this.random = random;
            this.start = start;
        }

        void run() throws Exception {
            start.await();
            for (int i = 0; i < ITERATIONS; i++) {
                final int segment = random.nextInt(SEGMENTS);
                final long offset = random.nextInt(BLOCKS_PER_SEGMENT) * 4096L;
                final int first = get(segment, offset);
                final int other = random.nextInt(SEGMENTS);
                final long otherOffset = random.nextInt(BLOCKS_PER_SEGMENT) * 4096L;
                final int second = get(other, otherOffset); // two pins at once, as a merging reader holds
                if (first >= 0) {
                    verify(first, segment, offset); // again: the second get evicted or inserted meanwhile
                    cache.release(first);
                }
                if (second >= 0) {
                    verify(second, other, otherOffset);
                    cache.release(second);
                }
                final int op = random.nextInt(1_000);
                if (op < 5) {
                    dropped += cache.invalidateSegment(random.nextInt(SEGMENTS));
                } else if (op < 30) {
                    dropped += cache.remove(segment, offset) ? 1 : 0;
                }
            }
        }

        /** @return a pinned, verified handle, or a negative value when the block was not cached */
        private int get(final long segment, final long offset) {
            acquires++;
            int handle = cache.acquire(segment, offset);
            if (handle == BlockCache.MISS) {
                final int length = lengthOf(segment, offset);
                Blocks.fill(scratch, segment, offset, length);
                handle = cache.insert(segment, offset, scratch, 0, length);
            }
            if (handle >= 0) {
                verify(handle, segment, offset);
            }
            return handle;
        }

        void verify(final int handle, final long segment, final long offset) {
            cache.wrap(handle, view);
            final int length = lengthOf(segment, offset);
            if (view.capacity() != length) {
                throw new AssertionError(segment + "/" + offset + ": length " + view.capacity() + ", expected " + length);
            }
            final int at = Blocks.mismatch(view, segment, offset, length);
            if (at >= 0) {
                throw new AssertionError(segment + "/" + offset + ": wrong byte at " + at);
            }
        }

        /** Most blocks fit a slot; one key in 20 is too long and never cached. */
        private static int lengthOf(final long segment, final long offset) {
            final long h = SlotTable.hash(segment, offset);
            return Math.floorMod(h, 20) == 0 ? SLOT + 1 + Math.floorMod(h >>> 20, 63) : 1 + Math.floorMod(h >>> 20, SLOT);
        }
    }
}
