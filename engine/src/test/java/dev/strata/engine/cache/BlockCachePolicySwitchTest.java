package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** {@link BlockCache#switchPolicy}: every cached block stays cached and readable, pins survive, eviction goes on. */
class BlockCachePolicySwitchTest {
    private static final int SLOT = 256;

    @Test
    void switchingKeepsEveryBlockAndPinnedBlocksStayPinned() {
        final UnsafeBuffer src = new UnsafeBuffer(new byte[SLOT]);
        final UnsafeBuffer view = new UnsafeBuffer();
        try (BlockCache cache = new BlockCache(64L * SLOT, SLOT, 4, LruPolicy::new)) {
            for (int b = 0; b < 40; b++) {
                Blocks.fill(src, 1, b, 200);
                cache.release(cache.insert(1, b, src, 0, 200));
            }
            final int pinned = cache.acquire(1, 7);
            for (String name : EvictionPolicies.names()) {
                cache.switchPolicy(EvictionPolicies.factory(name));
                assertEquals(EvictionPolicies.factory(name).create(0).name(), cache.policyName());
                assertEquals(40, cache.stats().blocksCached(), name);
                for (int b = 0; b < 40; b++) {
                    final int h = cache.acquire(1, b);
                    assertTrue(h >= 0, name + ": block " + b + " should still be cached");
                    cache.wrap(h, view);
                    assertEquals(-1, Blocks.mismatch(view, 1, b, 200), name + ": block " + b);
                    cache.release(h);
                }
            }
            assertEquals(1, cache.stats().pinnedBlocks());
            for (int b = 100; b < 300; b++) { // fill far beyond capacity: eviction works under the new policy, never the pinned block
                Blocks.fill(src, 2, b, 200);
                final int h = cache.insert(2, b, src, 0, 200);
                if (h >= 0) {
                    cache.release(h);
                }
            }
            assertTrue(cache.stats().evictions() > 0);
            cache.wrap(pinned, view);
            assertEquals(-1, Blocks.mismatch(view, 1, 7, 200), "the pinned block kept its bytes");
            cache.release(pinned);
        }
    }
}
