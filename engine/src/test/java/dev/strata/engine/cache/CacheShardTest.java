package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The two halves of an insert, interleaved by hand as two threads could interleave them: both miss
 * and reserve a slot for the same key, both copy, and the second to publish must get the first's
 * block and give its own slot back.
 */
class CacheShardTest {
    private static final int SLOT_SHIFT = 8;

    @Test
    void theSecondOfTwoRacingInsertsGetsTheFirstsBlockAndFreesItsSlot() {
        final CacheShard shard = new CacheShard(4, SLOT_SHIFT, new LruPolicy(4));
        try {
            final long hash = SlotTable.hash(1, 0);
            final int first = CacheShard.RESERVED_BASE - shard.reserve(hash, 1, 0, 100);
            final int second = CacheShard.RESERVED_BASE - shard.reserve(hash, 1, 0, 100);
            assertTrue(first >= 0 && second >= 0 && first != second, first + ", " + second);
            final UnsafeBuffer block = new UnsafeBuffer(new byte[100]);
            Blocks.fill(block, 1, 0, 100);
            shard.fill(first, block, 0, 100);
            block.setMemory(0, 100, (byte)0x55);
            shard.fill(second, block, 0, 100);

            assertEquals(first, shard.publish(first, hash, 1, 0, 100));
            assertEquals(first, shard.publish(second, hash, 1, 0, 100), "the key was published meanwhile");
            assertEquals(1, shard.stat(BlockCacheStats.STAT_INSERTS));
            assertEquals(1, shard.stat(BlockCacheStats.STAT_PINNED_BLOCKS), "one slot pinned twice; the other given back");
            final UnsafeBuffer view = new UnsafeBuffer(shard.baseAddress + ((long)first << SLOT_SHIFT), shard.length(first));
            assertEquals(-1, Blocks.mismatch(view, 1, 0, 100));
            shard.release(first);
            shard.release(first);

            for (int key = 1; key < 4; key++) {
                final int reserved = CacheShard.RESERVED_BASE - shard.reserve(SlotTable.hash(1, key), 1, key, 1);
                assertEquals(reserved, shard.publish(reserved, SlotTable.hash(1, key), 1, key, 1));
                shard.release(reserved);
            }
            assertEquals(4, shard.stat(BlockCacheStats.STAT_BLOCKS_CACHED));
            assertEquals(0, shard.stat(BlockCacheStats.STAT_EVICTIONS), "the returned slot was free again");
        } finally {
            shard.close();
        }
    }

    @Test
    void reservingACachedKeyPinsTheCachedSlotInstead() {
        final CacheShard shard = new CacheShard(2, SLOT_SHIFT, new LruPolicy(2));
        try {
            final long hash = SlotTable.hash(3, 3);
            final int slot = CacheShard.RESERVED_BASE - shard.reserve(hash, 3, 3, 10);
            shard.publish(slot, hash, 3, 3, 10);
            assertEquals(slot, shard.reserve(hash, 3, 3, 10));
            assertNotEquals(BlockCache.NOT_CACHED, slot);
            assertEquals(1, shard.stat(BlockCacheStats.STAT_PINNED_BLOCKS));
            shard.release(slot);
            shard.release(slot);
            assertEquals(0, shard.stat(BlockCacheStats.STAT_PINNED_BLOCKS));
        } finally {
            shard.close();
        }
    }
}
