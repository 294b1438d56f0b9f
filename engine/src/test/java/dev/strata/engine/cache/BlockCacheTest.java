package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** {@link BlockCache} on one thread: hits and misses, LRU order, the byte bound, pinning, invalidation, contents. */
class BlockCacheTest {
    private static final int SLOT = 256;

    private final UnsafeBuffer src = new UnsafeBuffer(new byte[4 * SLOT]);
    private final UnsafeBuffer view = new UnsafeBuffer();

    /** One shard of {@code slots} slots: eviction order is the policy's alone. */
    private static BlockCache oneShard(final int slots) {
        return new BlockCache((long)slots * SLOT, SLOT, 1, LruPolicy::new);
    }

    private int insert(final BlockCache cache, final long segment, final long offset, final int length) {
        Blocks.fill(src, segment, offset, length);
        return cache.insert(segment, offset, src, 0, length);
    }

    private void insertAndRelease(final BlockCache cache, final long segment, final long offset, final int length) {
        final int handle = insert(cache, segment, offset, length);
        assertTrue(handle >= 0, "inserted " + segment + "/" + offset + ": " + handle);
        cache.release(handle);
    }

    private void assertCached(final BlockCache cache, final long segment, final long offset, final int length) {
        final int handle = cache.acquire(segment, offset);
        assertTrue(handle >= 0, segment + "/" + offset + " should be cached");
        assertContent(cache, handle, segment, offset, length);
        cache.release(handle);
    }

    private void assertContent(final BlockCache cache, final int handle, final long segment, final long offset, final int length) {
        cache.wrap(handle, view);
        assertEquals(length, view.capacity());
        assertEquals(length, cache.length(handle));
        assertEquals(cache.address(handle), view.addressOffset());
        assertEquals(-1, Blocks.mismatch(view, segment, offset, length), "content of " + segment + "/" + offset);
    }

    @Test
    void aMissThenAnInsertThenAHit() {
        try (BlockCache cache = oneShard(4)) {
            assertEquals(BlockCache.MISS, cache.acquire(1, 0));
            final int handle = insert(cache, 1, 0, 100);
            assertTrue(handle >= 0);
            assertContent(cache, handle, 1, 0, 100);
            cache.release(handle);
            assertCached(cache, 1, 0, 100);
            assertEquals(BlockCache.MISS, cache.acquire(1, 4096), "another offset of the segment");
            assertEquals(BlockCache.MISS, cache.acquire(2, 0), "the offset in another segment");
            final BlockCacheStats stats = cache.stats();
            assertEquals(1, stats.hits());
            assertEquals(3, stats.misses());
            assertEquals(1, stats.inserts());
            assertEquals(100, stats.bytesCached());
            assertEquals(1, stats.blocksCached());
            assertEquals(0, stats.pinnedBlocks());
            assertEquals("LRU", cache.policyName());
        }
    }

    @Test
    void evictsTheLeastRecentlyUsedBlock() {
        try (BlockCache cache = oneShard(4)) {
            for (int i = 0; i < 4; i++) {
                insertAndRelease(cache, 1, i, 10 + i);
            }
            assertCached(cache, 1, 0, 10); // block 1 is now the least recently used
            insertAndRelease(cache, 1, 4, 14);
            assertEquals(BlockCache.MISS, cache.acquire(1, 1));
            assertCached(cache, 1, 2, 12); // order now 3, 0, 4, 2
            insertAndRelease(cache, 1, 5, 15);
            insertAndRelease(cache, 1, 6, 16);
            assertEquals(BlockCache.MISS, cache.acquire(1, 3));
            assertEquals(BlockCache.MISS, cache.acquire(1, 0));
            assertCached(cache, 1, 4, 14);
            assertCached(cache, 1, 2, 12);
            assertEquals(3, cache.stats().evictions());
            assertEquals(14 + 12 + 15 + 16, cache.stats().bytesCached());
        }
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        final Random random = new Random(Seeds.seed("BlockCacheTest.neverHoldsMoreThanItsCapacity"));
        try (BlockCache cache = new BlockCache(16 * SLOT + 100, SLOT, 4, LruPolicy::new)) {
            assertEquals(16 * SLOT, cache.capacityBytes(), "rounded down to whole slots per shard");
            for (int i = 0; i < 2_000; i++) {
                insertAndRelease(cache, random.nextInt(8), random.nextInt(64) * 4096L, 1 + random.nextInt(SLOT));
                final BlockCacheStats stats = cache.stats();
                assertTrue(stats.blocksCached() <= 16, "blocks " + stats.blocksCached());
                assertTrue(stats.bytesCached() <= cache.capacityBytes(), "bytes " + stats.bytesCached());
                assertEquals(stats.inserts() - stats.evictions(), stats.blocksCached());
            }
            assertTrue(cache.stats().evictions() > 0);
        }
    }

    @Test
    void aPinnedBlockIsNeitherEvictedNorOverwritten() {
        try (BlockCache cache = oneShard(4)) {
            final int pinned = insert(cache, 9, 0, SLOT);
            for (int i = 1; i <= 20; i++) {
                insertAndRelease(cache, 9, i, SLOT);
            }
            assertContent(cache, pinned, 9, 0, SLOT);
            final int[] more = {insert(cache, 9, 100, 1), insert(cache, 9, 101, 1), insert(cache, 9, 102, 1)};
            assertEquals(4, cache.stats().pinnedBlocks());
            assertEquals(BlockCache.NOT_CACHED, insert(cache, 9, 103, 1), "every slot pinned");
            assertEquals(1, cache.stats().notCached());
            cache.release(more[0]);
            final int last = insert(cache, 9, 103, 1);
            assertTrue(last >= 0, "a slot was released");
            assertContent(cache, pinned, 9, 0, SLOT);
            cache.release(last);
            cache.release(more[1]);
            cache.release(more[2]);
            cache.release(pinned);
            assertEquals(0, cache.stats().pinnedBlocks());
        }
    }

    @Test
    void aBlockLongerThanASlotIsNotCached() {
        try (BlockCache cache = oneShard(2)) {
            assertEquals(BlockCache.NOT_CACHED, insert(cache, 1, 0, SLOT + 1));
            assertEquals(BlockCache.MISS, cache.acquire(1, 0));
            assertEquals(1, cache.stats().notCached());
            assertEquals(0, cache.stats().bytesCached());
            insertAndRelease(cache, 1, 0, SLOT);
            insertAndRelease(cache, 1, 1, 0); // an empty block is a block
            assertCached(cache, 1, 0, SLOT);
            assertCached(cache, 1, 1, 0);
        }
    }

    @Test
    void insertingACachedKeyReturnsTheCachedBlock() {
        try (BlockCache cache = oneShard(4)) {
            final int first = insert(cache, 3, 0, 50);
            src.setMemory(0, 80, (byte)0x7F);
            final int second = cache.insert(3, 0, src, 0, 80);
            assertEquals(first, second);
            assertContent(cache, second, 3, 0, 50);
            assertEquals(1, cache.stats().inserts());
            cache.release(first);
            assertEquals(1, cache.stats().pinnedBlocks(), "pinned twice, released once");
            cache.release(second);
            assertEquals(0, cache.stats().pinnedBlocks());
        }
    }

    @Test
    void removeDropsOneBlockAndAPinnedOneStaysReadableUntilReleased() {
        try (BlockCache cache = oneShard(2)) {
            final int pinned = insert(cache, 5, 0, 40);
            insertAndRelease(cache, 5, 1, 41);
            assertTrue(cache.remove(5, 0));
            assertFalse(cache.remove(5, 0));
            assertFalse(cache.remove(6, 0));
            assertEquals(BlockCache.MISS, cache.acquire(5, 0));
            assertEquals(41, cache.stats().bytesCached());
            insertAndRelease(cache, 5, 2, 42); // evicts 5/1: the removed slot is still pinned
            assertEquals(BlockCache.MISS, cache.acquire(5, 1));
            assertContent(cache, pinned, 5, 0, 40);
            cache.release(pinned);
            insertAndRelease(cache, 5, 3, 43); // takes the freed slot, evicts nothing
            assertCached(cache, 5, 2, 42);
            assertCached(cache, 5, 3, 43);
            assertEquals(1, cache.stats().evictions());
        }
    }

    @Test
    void invalidateSegmentDropsEveryBlockOfThatSegmentOnly() {
        try (BlockCache cache = new BlockCache(128 * SLOT, SLOT, 4, LruPolicy::new)) {
            for (int i = 0; i < 12; i++) {
                insertAndRelease(cache, 1, i * 4096L, 60 + i);
                insertAndRelease(cache, 2, i * 4096L, 90 + i);
            }
            final int pinned = cache.acquire(1, 0);
            assertEquals(12, cache.invalidateSegment(1));
            assertEquals(0, cache.invalidateSegment(1));
            for (int i = 0; i < 12; i++) {
                assertEquals(BlockCache.MISS, cache.acquire(1, i * 4096L));
                assertCached(cache, 2, i * 4096L, 90 + i);
            }
            assertContent(cache, pinned, 1, 0, 60);
            cache.release(pinned);
            assertEquals(12, cache.stats().blocksCached());
            assertEquals(0, cache.stats().evictions(), "invalidation is not eviction");
        }
    }

    @Test
    void everyBlockReadsBackAsWritten() {
        final Random random = new Random(Seeds.seed("BlockCacheTest.everyBlockReadsBackAsWritten"));
        try (BlockCache cache = new BlockCache(512 * SLOT, SLOT, 8, LruPolicy::new)) {
            final int[] lengths = new int[200];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = random.nextInt(SLOT + 1);
                insertAndRelease(cache, i % 7, i * 8192L, lengths[i]);
            }
            for (int i = 0; i < lengths.length; i++) {
                assertCached(cache, i % 7, i * 8192L, lengths[i]);
            }
            assertNotEquals(0, cache.stats().bytesCached());
        }
    }

    @Test
    void misuseIsReported() {
        try (BlockCache cache = oneShard(2)) {
            final int handle = insert(cache, 1, 0, 8);
            cache.release(handle);
            assertThrows(IllegalStateException.class, () -> cache.release(handle), "released twice");
            assertThrows(IllegalArgumentException.class, () -> cache.insert(1, 1, src, 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> cache.insert(1, 2, src, src.capacity() - 4, 8), "source too short");
            assertEquals(0, cache.stats().pinnedBlocks(), "the failed insert gave its slot back");
            assertEquals(BlockCache.MISS, cache.acquire(1, 2));
            insertAndRelease(cache, 1, 2, 8);
            assertCached(cache, 1, 0, 8);
        }
    }
}
