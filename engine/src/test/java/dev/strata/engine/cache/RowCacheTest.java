package dev.strata.engine.cache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link RowCache} on one thread: hits and misses per namespace, invalidation and the stale-insert
 * rule, the slot bound, expiry by lookup and by the timer wheel, eviction, a policy switch that keeps
 * the data, statistics, zero allocation.
 */
class RowCacheTest {
    private static final int SLOT = 64;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        volatile long millis = 1_700_000_000_000L;

        @Override public long millis() { return millis; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(final ZoneId zone) { return this; }
    }

    private final HandClock clock = new HandClock();
    private final ExpandableArrayBuffer dst = new ExpandableArrayBuffer(16);

    private RowCache oneShard(final int slots) {
        return new RowCache((long)slots * SLOT, SLOT, 1, LruPolicy::new, clock);
    }

    private static UnsafeBuffer b(final String s) {
        return new UnsafeBuffer(s.getBytes(UTF_8));
    }

    private static void put(final RowCache cache, final int ns, final String key, final long seq, final String value, final long expiry) {
        final UnsafeBuffer k = b(key);
        final UnsafeBuffer v = b(value);
        cache.insert(ns, k, 0, k.capacity(), seq, v, 0, v.capacity(), expiry);
    }

    private String get(final RowCache cache, final int ns, final String key) {
        final UnsafeBuffer k = b(key);
        final int n = cache.get(ns, k, 0, k.capacity(), dst, 0);
        return n == RowCache.MISS ? null : dst.getStringWithoutLengthUtf8(0, n);
    }

    @Test
    void aMissThenAnInsertThenAHitPerNamespace() {
        try (RowCache cache = oneShard(8)) {
            assertEquals(null, get(cache, 0, "apple"));
            put(cache, 0, "apple", 5, "red", 0);
            put(cache, 1, "apple", 5, "green", 0);
            assertEquals("red", get(cache, 0, "apple"));
            assertEquals("green", get(cache, 1, "apple"));
            put(cache, 0, "", 5, "x", 0); // keys are never empty in a store, but an empty value is a value
            put(cache, 0, "empty", 5, "", 0);
            assertEquals("", get(cache, 0, "empty"));
            assertEquals(3, cache.stats().hits());
            assertEquals(1, cache.stats().misses());
            assertEquals("apple".length() * 2 + "redgreen".length() + "empty".length() + 1, cache.stats().bytesCached());
        }
    }

    @Test
    void aWriteDropsTheKeyAndRefusesInsertsReadBeforeIt() {
        try (RowCache cache = oneShard(8)) {
            put(cache, 0, "k", 10, "v10", 0);
            final UnsafeBuffer k = b("k");
            cache.invalidate(0, k, 0, 1, 12);
            assertEquals(null, get(cache, 0, "k"));
            put(cache, 0, "k", 11, "v10", 0); // a read at 11 raced with the write at 12: refused
            assertEquals(null, get(cache, 0, "k"));
            put(cache, 0, "other", 11, "o", 0); // the rule is per shard: any key read before the write is refused
            assertEquals(null, get(cache, 0, "other"));
            put(cache, 0, "k", 12, "v12", 0); // read at 12: sees the write
            assertEquals("v12", get(cache, 0, "k"));
            assertEquals(2, cache.stats().staleInserts());
            assertEquals(1, cache.stats().invalidations());
        }
    }

    @Test
    void entriesLongerThanASlotAreNotCached() {
        try (RowCache cache = oneShard(2)) {
            put(cache, 0, "key", 1, "x".repeat(SLOT - 3), 0);
            assertEquals(SLOT - 3, get(cache, 0, "key").length());
            put(cache, 0, "key2", 1, "x".repeat(SLOT - 3), 0);
            assertEquals(null, get(cache, 0, "key2"));
            assertEquals(1, cache.stats().notCached());
        }
    }

    @Test
    void expiredEntriesAreNeverReturnedAndTheWheelRemovesThemUntouched() {
        try (RowCache cache = oneShard(8)) {
            final long now = clock.millis();
            put(cache, 0, "short", 1, "s", now + 100);
            put(cache, 0, "long", 1, "l", now + 10_000);
            put(cache, 0, "forever", 1, "f", 0);
            put(cache, 0, "dead", 1, "d", now); // expired already: not cached
            assertEquals(null, get(cache, 0, "dead"));
            assertEquals(2, cache.stats().expiring());
            clock.millis = now + 100;
            assertEquals(null, get(cache, 0, "short"), "due now: never returned, even before the wheel ticks");
            assertEquals(1, cache.stats().expirations());
            clock.millis = now + 20_000;
            assertEquals(1, cache.expire(), "the wheel removes \"long\" without a lookup of it");
            assertEquals(2, cache.stats().expirations());
            assertEquals(1, cache.stats().entries());
            assertEquals("f", get(cache, 0, "forever"));
        }
    }

    @Test
    void aFullShardEvictsByItsPolicy() {
        try (RowCache cache = oneShard(3)) {
            put(cache, 0, "a", 1, "1", 0);
            put(cache, 0, "b", 1, "2", 0);
            put(cache, 0, "c", 1, "3", 0);
            get(cache, 0, "a"); // LRU: b is the eldest now
            put(cache, 0, "d", 1, "4", 0);
            assertEquals(null, get(cache, 0, "b"));
            assertEquals("1", get(cache, 0, "a"));
            assertEquals("4", get(cache, 0, "d"));
            assertEquals(1, cache.stats().evictions());
            assertEquals(3, cache.stats().entries());
        }
    }

    @Test
    void aPolicySwitchKeepsEveryEntryAndTheRecencyOrder() {
        try (RowCache cache = new RowCache(64L * SLOT * 4, SLOT, 4, LruPolicy::new, clock)) {
            for (int i = 0; i < 100; i++) {
                put(cache, 0, "key" + i, 1, "value" + i, 0);
            }
            final long entries = cache.stats().entries();
            for (String name : EvictionPolicies.names()) {
                cache.switchPolicy(EvictionPolicies.factory(name));
                assertEquals(EvictionPolicies.factory(name).create(0).name(), cache.policyName());
                assertEquals(entries, cache.stats().entries());
                for (int i = 0; i < 100; i++) {
                    assertEquals("value" + i, get(cache, 0, "key" + i), name + ": key" + i);
                }
            }
        }
        try (RowCache cache = oneShard(3)) {
            put(cache, 0, "a", 1, "1", 0);
            put(cache, 0, "b", 1, "2", 0);
            put(cache, 0, "c", 1, "3", 0);
            get(cache, 0, "a");
            cache.switchPolicy(LruPolicy::new); // rebuilt in eviction order: b, c, a
            put(cache, 0, "d", 1, "4", 0);
            assertEquals(null, get(cache, 0, "b"), "the eldest before the switch is the eldest after it");
        }
    }

    @Test
    void badArgumentsAreRefusedAndZeroCapacityCachesNothing() {
        assertThrows(IllegalArgumentException.class, () -> new RowCache(1024, 48, 1, LruPolicy::new, clock));
        assertThrows(IllegalArgumentException.class, () -> new RowCache(1024, 64, 3, LruPolicy::new, clock));
        assertThrows(IllegalArgumentException.class, () -> new RowCache(100, 64, 4, LruPolicy::new, clock));
        try (RowCache cache = new RowCache(0, 64, 1, LruPolicy::new, clock)) {
            put(cache, 0, "a", 1, "1", 0);
            assertEquals(null, get(cache, 0, "a"));
            assertEquals(0, cache.capacityBytes());
        }
        final RowCache closed = oneShard(2);
        put(closed, 0, "a", 1, "1", 0);
        closed.close();
        assertEquals(null, get(closed, 0, "a"), "a closed cache misses");
    }

    @Test
    void hitsAndInsertsWithEvictionAndExpiryAllocateNothing() {
        final int keys = 2000;
        final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
        final UnsafeBuffer value = new UnsafeBuffer(new byte[40]);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[64]);
        try (RowCache cache = new RowCache(1000L * SLOT, SLOT, 4, LruPolicy::new, clock)) {
            final Runnable ops = () -> {
                for (int i = 0; i < 100_000; i++) {
                    key.putLong(0, i % keys);
                    if (cache.get(0, key, 0, 16, out, 0) == RowCache.MISS) {
                        cache.insert(0, key, 0, 16, 1, value, 0, 40, (i & 1) == 0 ? 0 : clock.millis + 3);
                    }
                    if ((i & 127) == 0) {
                        clock.millis++;
                    }
                }
            };
            ops.run();
            final long before = Allocations.allocatedBytes();
            ops.run();
            Allocations.assertNearZero("row cache get/insert/evict/expire", Allocations.allocatedBytes() - before, 100_000);
            assertTrue(cache.stats().expirations() > 0 && cache.stats().evictions() > 0, cache.stats().expirations() + " expirations");
        }
    }
}
