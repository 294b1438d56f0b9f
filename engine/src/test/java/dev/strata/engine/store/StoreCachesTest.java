package dev.strata.engine.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CacheKind;
import dev.strata.CacheStats;
import dev.strata.ConfigException;
import dev.strata.Snapshot;
import dev.strata.Store;
import dev.strata.StoreClosedException;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.engine.cache.EvictionPolicies;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caches as the store shows them: policies in the configuration (validated), switched at run
 * time without losing data, the row cache's TTL expiry by the timer wheel with a hand-moved clock,
 * per-cache statistics in {@code StoreStats} and over JMX, snapshot reads that bypass the row cache.
 */
class StoreCachesTest {
    private static final int KEYS = 300;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(1_700_000_000_000L);

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    private static byte[] b(final String s) {
        return s.getBytes(UTF_8);
    }

    private StoreConfig.Builder config() {
        return StoreConfig.builder(dir).memtableBytes(256 << 10).cacheBytes(1 << 20).blockSize(1024).rowCacheBytes(256 << 10)
            .rowCacheEntryBytes(128).clock(clock).backgroundCompaction(false);
    }

    @Test
    void policiesAreValidatedInTheConfiguration() {
        final ConfigException bad = assertThrows(ConfigException.class, () -> StoreConfig.builder(dir).blockCachePolicy("MRU"));
        assertTrue(bad.getMessage().contains("'MRU'") && bad.getMessage().contains("LRU"), bad.getMessage());
        final ConfigException badRow = assertThrows(ConfigException.class, () -> StoreConfig.builder(dir).rowCachePolicy(""));
        assertTrue(badRow.getMessage().startsWith("rowCachePolicy ''") && badRow.getMessage().contains(String.join(", ",
            EvictionPolicies.names())), badRow.getMessage());
        assertThrows(ConfigException.class, () -> StoreConfig.builder(dir).blockCachePolicy(null));
        assertThrows(ConfigException.class, () -> StoreConfig.builder(dir).rowCacheBytes(-1));
        assertThrows(ConfigException.class, () -> StoreConfig.builder(dir).rowCacheEntryBytes(48));
        assertThrows(ConfigException.class, () -> StoreConfig.builder(dir).rowCacheEntryBytes(16));
        final StoreConfig lower = StoreConfig.builder(dir).blockCachePolicy("lru").rowCachePolicy("Lru").build();
        assertEquals("LRU", lower.blockCachePolicy());
        assertEquals("LRU", lower.rowCachePolicy());
        assertEquals(0, lower.rowCacheBytes(), "the row cache is off unless asked for");
        assertTrue(lower.explain().contains("no row cache"), lower.explain());
        assertTrue(config().build().explain().contains("row cache 256 KiB of 128-byte entries, policy LRU"), config().build().explain());
    }

    @Test
    void switchingPoliciesAtRunTimeKeepsTheCachedData() {
        try (Store store = Strata.open(config().build())) {
            for (int i = 0; i < KEYS; i++) {
                store.put(b("key" + i), b("value" + i));
            }
            store.compact(); // the values now come from segments through the block cache
            readAll(store); // fills both caches
            final CacheStats rows = store.caches().stats(CacheKind.ROW);
            final CacheStats blocks = store.caches().stats(CacheKind.BLOCK);
            assertEquals(KEYS, rows.entries());
            for (String policy : EvictionPolicies.names()) {
                for (CacheKind kind : CacheKind.values()) {
                    store.caches().setPolicy(kind, policy.toLowerCase(java.util.Locale.ROOT));
                    assertEquals(policy, store.caches().policy(kind));
                    assertEquals(policy, store.caches().stats(kind).policy());
                }
                final long rowHits = rows.hits();
                final long blockMisses = blocks.misses();
                readAll(store);
                assertEquals(rowHits + KEYS, rows.hits(), policy + ": every get after the switch hits the row cache");
                assertEquals(blockMisses, blocks.misses(), policy + ": the block cache lost nothing either");
                assertEquals(KEYS, rows.entries());
            }
            // the block cache alone (row cache hits bypass it): its blocks survive a switch too
            final Snapshot snap = store.snapshot();
            try (snap) {
                final long blockHits = blocks.hits();
                final long blockMisses = blocks.misses();
                store.caches().setPolicy(CacheKind.BLOCK, "LRU");
                for (int i = 0; i < KEYS; i++) {
                    assertTrue(snap.get(store, new UnsafeBuffer(b("key" + i)), 0, ("key" + i).length()));
                }
                assertEquals(blockMisses, blocks.misses(), "snapshot reads hit the switched block cache");
                assertTrue(blocks.hits() > blockHits);
            }
            final ConfigException bad = assertThrows(ConfigException.class, () -> store.caches().setPolicy(CacheKind.ROW, "nope"));
            assertTrue(bad.getMessage().contains("'nope'") && bad.getMessage().contains("LRU"), bad.getMessage());
        }
    }

    @Test
    void snapshotReadsNeitherUseNorFillTheRowCache() {
        try (Store store = Strata.open(config().build())) {
            store.put(b("k"), b("old"));
            try (Snapshot snap = store.snapshot()) {
                store.put(b("k"), b("new"));
                assertArrayEquals(b("new"), store.get(b("k")));
                final long hits = store.caches().stats(CacheKind.ROW).hits();
                final long misses = store.caches().stats(CacheKind.ROW).misses();
                assertTrue(snap.get(store, new UnsafeBuffer(b("k")), 0, 1));
                assertEquals("old", snap.value().getStringWithoutLengthUtf8(0, 3));
                assertEquals(hits, store.caches().stats(CacheKind.ROW).hits());
                assertEquals(misses, store.caches().stats(CacheKind.ROW).misses());
                assertArrayEquals(b("new"), store.get(b("k")), "the snapshot read did not cache its older value");
            }
        }
    }

    @Test
    void expiredRowsLeaveTheCacheWithoutBeingTouched() throws Exception {
        try (Store store = Strata.open(config().build())) {
            final UnsafeBuffer value = new UnsafeBuffer(b("short-lived"));
            for (int i = 0; i < 50; i++) {
                final UnsafeBuffer k = new UnsafeBuffer(b("ttl" + i));
                store.put(k, 0, k.capacity(), value, 0, value.capacity(), 1_000 + i * 100L);
                assertArrayEquals(b("short-lived"), store.get(b("ttl" + i)));
            }
            store.put(b("forever"), b("stays"));
            store.get(b("forever"));
            final CacheStats rows = store.caches().stats(CacheKind.ROW);
            assertEquals(51, rows.entries());
            clock.advance(1_000 + 24 * 100L); // ttl0 .. ttl24 are due
            final int expiredNow = store.caches().expireNow(); // the background thread may have taken some first
            assertTrue(expiredNow >= 0 && expiredNow <= 25, String.valueOf(expiredNow));
            assertEquals(25, rows.expirations());
            assertEquals(26, rows.entries());
            clock.advance(10_000);
            final long deadline = System.nanoTime() + 5_000_000_000L; // the background expiry runs every 100 ms
            while (rows.expirations() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(50, rows.expirations(), "the background wheel expired the rest");
            assertEquals(1, rows.entries());
            assertNull(store.get(b("ttl30")));
            assertArrayEquals(b("stays"), store.get(b("forever")));
        }
    }

    @Test
    void statisticsPerCacheInStoreStatsAndOverJmx() throws Exception {
        try (Store store = Strata.open(config().rowCacheBytes(16 * 128).rowCachePolicy("LRU").build())) {
            for (int i = 0; i < 100; i++) {
                store.put(b("key" + i), b("value" + i));
            }
            store.compact();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 100; i++) {
                    store.get(b("key" + i));
                }
            }
            final CacheStats rows = store.stats().cache(CacheKind.ROW);
            assertEquals(200, rows.misses(), "16 entries, a 100-key loop: LRU never hits");
            assertEquals(0, rows.hits());
            assertEquals(200 - 16, rows.evictions());
            assertEquals(16, rows.entries());
            assertEquals(16 * 128, rows.capacityBytes());
            assertTrue(rows.bytes() > 16 * ("key1value1".length()) && rows.bytes() <= 16 * 128, String.valueOf(rows.bytes()));
            for (int i = 0; i < 10; i++) {
                store.get(b("key99"));
            }
            assertEquals(10.0 / 210, rows.hitRatio(), 1e-9);
            final CacheStats blocks = store.stats().cache(CacheKind.BLOCK);
            assertEquals(store.stats().getCacheHits(), blocks.hits());
            assertTrue(blocks.entries() > 0 && blocks.bytes() > 0 && blocks.capacityBytes() > 0);
            assertEquals(0, blocks.expirations());
            assertTrue(store.stats().toString().contains("row cache (LRU"), store.stats().toString());

            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final ObjectName name = new ObjectName("dev.strata:type=Store,name=" + ObjectName.quote(dir.toString()));
            assertEquals(rows.hits(), server.getAttribute(name, "RowCacheHits"));
            assertEquals(rows.evictions(), server.getAttribute(name, "RowCacheEvictions"));
            assertEquals(rows.hitRatio(), (double)server.getAttribute(name, "RowCacheHitRatio"), 1e-9);
            assertEquals("LRU", server.getAttribute(name, "BlockCachePolicy"));
            assertEquals(blocks.bytes(), server.getAttribute(name, "BlockCacheBytes"));
        }
    }

    @Test
    void withoutARowCacheTheStoreReadsAsBefore() {
        final Store store = Strata.open(config().rowCacheBytes(0).build());
        try {
            store.put(b("a"), b("1"));
            assertArrayEquals(b("1"), store.get(b("a")));
            final CacheStats rows = store.caches().stats(CacheKind.ROW);
            assertEquals(0, rows.hits() + rows.misses() + rows.capacityBytes());
            store.caches().setPolicy(CacheKind.ROW, "LRU"); // recorded for a cache that is off
            assertEquals(0, store.caches().expireNow());
        } finally {
            store.close();
        }
        assertThrows(StoreClosedException.class, store::caches);
    }

    private static void readAll(final Store store) {
        for (int i = 0; i < KEYS; i++) {
            assertArrayEquals(b("value" + i), store.get(b("key" + i)), "key" + i);
        }
    }
}
