package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The cache's hot path allocates nothing once warm (DESIGN.md, "Rules for the hot path"): 100,000
 * hits (acquire, wrap, release) and 100,000 misses that insert with an eviction each (acquire,
 * insert, wrap, release), measured on this thread after a warm-up. A unit check, not a benchmark.
 */
class BlockCacheZeroAllocationTest {
    private static final int OPERATIONS = 100_000;
    private static final int WARM_UP = 30_000;
    private static final int SLOT = 4096;
    private static final int HOT_KEYS = 8;

    /** Keeps the allocations of {@link #theMeasurementSeesAllocations()} from being optimised away. */
    static volatile Object sink;

    @Test
    void warmHitsAndEvictingInsertsAllocateNothing() {
        try (BlockCache cache = new BlockCache(64 * SLOT, SLOT, 4, LruPolicy::new)) {
            final Loop loop = new Loop(cache);
            for (int key = 0; key < HOT_KEYS; key++) {
                assertTrue(loop.missAndInsert(key) > 0);
            }
            loop.hits(WARM_UP);
            Allocations.allocatedBytes(); // the first call may initialise something
            long before = Allocations.allocatedBytes();
            final long sum = loop.hits(OPERATIONS);
            Allocations.assertNearZero("BlockCache hits", Allocations.allocatedBytes() - before, OPERATIONS);
            assertTrue(sum > 0);

            loop.inserts(WARM_UP);
            final long evictions = cache.stats().evictions();
            before = Allocations.allocatedBytes();
            loop.inserts(OPERATIONS);
            Allocations.assertNearZero("BlockCache misses with evicting inserts", Allocations.allocatedBytes() - before, OPERATIONS);
            assertEquals(OPERATIONS, cache.stats().evictions() - evictions, "every measured insert evicted");
        }
    }

    /** The control: the measurement does see allocations on this thread. */
    @Test
    void theMeasurementSeesAllocations() {
        final long before = Allocations.allocatedBytes();
        for (int i = 0; i < 1_000; i++) {
            sink = new byte[16];
        }
        final long allocated = Allocations.allocatedBytes() - before;
        assertTrue(allocated >= 1_000 * 32, "1000 arrays of 16 bytes (32 with header) but measured " + allocated + " bytes");
    }

    /** The measured loops, free of lambdas, boxing and strings except when they fail. */
    private static final class Loop {
        private final BlockCache cache;
        private final UnsafeBuffer block = new UnsafeBuffer(new byte[SLOT]);
        private final UnsafeBuffer view = new UnsafeBuffer();
        private long nextColdKey = 1_000_000;

        Loop(final BlockCache cache) {
            this.cache = cache;
            block.setMemory(0, SLOT, (byte)1);
        }

        /** @return a sum of one byte per hit, so the reads are not dead code */
        long hits(final int n) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                final int handle = cache.acquire(7, (i % HOT_KEYS) * (long)SLOT);
                if (handle < 0) {
                    throw new AssertionError("hot key " + (i % HOT_KEYS) + " missed");
                }
                cache.wrap(handle, view);
                sum += view.getByte(i % SLOT);
                cache.release(handle);
            }
            return sum;
        }

        void inserts(final int n) {
            for (int i = 0; i < n; i++) {
                final long key = nextColdKey++;
                if (missAndInsert(key) <= 0) {
                    throw new AssertionError("cold key " + key + " was not cached");
                }
            }
        }

        /** @return the byte read back from the inserted block */
        int missAndInsert(final long key) {
            final long offset = key * SLOT;
            if (cache.acquire(7, offset) != BlockCache.MISS) {
                throw new AssertionError("key " + key + " hit");
            }
            final int handle = cache.insert(7, offset, block, 0, SLOT);
            if (handle < 0) {
                return handle;
            }
            cache.wrap(handle, view);
            final int b = view.getByte(SLOT - 1);
            cache.release(handle);
            return b;
        }
    }
}
