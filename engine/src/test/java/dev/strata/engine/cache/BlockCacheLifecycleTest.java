package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** {@link BlockCache} construction (argument checks, capacity 0) and closing (memory freed, never under a reader). */
class BlockCacheLifecycleTest {
    private static final EvictionPolicy.Factory LRU = LruPolicy::new;

    private static void assertRejected(final String expectedInMessage, final Executable construction) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().contains(expectedInMessage), "message \"" + e.getMessage() + "\" should contain \"" + expectedInMessage + "\"");
    }

    private static long directMemoryUsed() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool.getMemoryUsed();
            }
        }
        throw new AssertionError("no direct buffer pool");
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertRejected("slotSize must be a power of two between 64 and 1073741824, got 100", () -> new BlockCache(1 << 20, 100, 1, LRU));
        assertRejected("slotSize must be a power of two between 64 and 1073741824, got 32", () -> new BlockCache(1 << 20, 32, 1, LRU));
        assertRejected("shards must be a power of two between 1 and 65536, got 3", () -> new BlockCache(1 << 20, 4096, 3, LRU));
        assertRejected("shards must be a power of two between 1 and 65536, got 0", () -> new BlockCache(1 << 20, 4096, 0, LRU));
        assertRejected("capacityBytes must be 0 (no cache) or at least slotSize × shards (4096 × 16 = 65536), got 65535",
            () -> new BlockCache(65535, 4096, 16, LRU));
        assertRejected("got -1", () -> new BlockCache(-1, 4096, 16, LRU));
        assertRejected("capacityBytes / shards must be at most 2147483647 bytes", () -> new BlockCache(4L << 30, 4096, 1, LRU));
        assertRejected("capacityBytes / slotSize must be at most 2147483647 slots", () -> new BlockCache(1L << 37, 64, 1 << 16, LRU));
        assertThrows(NullPointerException.class, () -> new BlockCache(1 << 20, 4096, 1, null));
    }

    @Test
    void aFailingPolicyFactoryLeavesNothingAllocated() {
        final int[] created = {0};
        final EvictionPolicy.Factory failsOnTheThird = capacity -> {
            if (++created[0] == 3) {
                throw new IllegalStateException("no more policies");
            }
            return new LruPolicy(capacity);
        };
        final long before = directMemoryUsed();
        assertThrows(IllegalStateException.class, () -> new BlockCache(1 << 20, 4096, 4, failsOnTheThird));
        assertEquals(before, directMemoryUsed(), "the two shards built were freed");
    }

    @Test
    void capacityZeroMeansNoCache() {
        try (BlockCache cache = new BlockCache(0, 4096, 16, LRU)) {
            final UnsafeBuffer block = new UnsafeBuffer(new byte[100]);
            assertEquals(BlockCache.MISS, cache.acquire(1, 0));
            assertEquals(BlockCache.NOT_CACHED, cache.insert(1, 0, block, 0, 100));
            assertEquals(BlockCache.MISS, cache.acquire(1, 0));
            assertEquals(0, cache.invalidateSegment(1));
            assertEquals(0, cache.capacityBytes());
            assertEquals(2, cache.stats().misses());
            assertEquals(1, cache.stats().notCached());
            assertEquals(0, cache.stats().bytesCached());
        }
    }

    @Test
    void closeFreesTheMemoryAndLaterCallsAreRejected() {
        final long before = directMemoryUsed();
        final BlockCache cache = new BlockCache(1 << 20, 4096, 4, LRU);
        assertEquals(before + (1 << 20), directMemoryUsed());
        assertEquals(4, cache.shards());
        assertEquals(4096, cache.slotSize());
        cache.close();
        cache.close(); // idempotent
        assertEquals(before, directMemoryUsed());
        final UnsafeBuffer block = new UnsafeBuffer(new byte[10]);
        assertThrows(IllegalStateException.class, () -> cache.acquire(1, 0));
        assertThrows(IllegalStateException.class, () -> cache.insert(1, 0, block, 0, 10));
        assertThrows(IllegalStateException.class, () -> cache.remove(1, 0));
        assertThrows(IllegalStateException.class, () -> cache.invalidateSegment(1));
        assertEquals(0, cache.stats().blocksCached(), "statistics stay readable");
    }

    @Test
    void closingWithAPinnedBlockFreesItsShardAtTheLastRelease() {
        final long before = directMemoryUsed();
        final BlockCache cache = new BlockCache(2 * 4096, 4096, 2, LRU);
        final UnsafeBuffer block = new UnsafeBuffer(new byte[4096]);
        Blocks.fill(block, 8, 0, 4096);
        final int handle = cache.insert(8, 0, block, 0, 4096);
        assertTrue(handle >= 0);
        cache.close();
        assertEquals(before + 4096, directMemoryUsed(), "the shard without pins was freed, the other kept");
        final UnsafeBuffer view = new UnsafeBuffer();
        cache.wrap(handle, view);
        assertEquals(-1, Blocks.mismatch(view, 8, 0, 4096), "still readable after close");
        cache.release(handle);
        assertEquals(before, directMemoryUsed());
    }
}
