package dev.strata.engine.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CacheKind;
import dev.strata.Namespace;
import dev.strata.NamespaceConfig;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import dev.strata.WriteBatch;
import dev.strata.engine.cache.EvictionPolicies;
import dev.strata.tier.TestSeeds;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row cache against a model: random puts (some with a TTL, some with a namespace default TTL),
 * deletes, batches over two namespaces, point reads (through the row cache), clock moves, explicit
 * expiry runs, policy switches of both caches, flushes, compactions and reopens, on a store whose
 * row cache is much smaller than the key set (evictions) and whose entry slots are smaller than some
 * values (not cached). Every read is compared with the model; at the end the cache must have hit,
 * evicted, expired and been invalidated, so each path ran. Seed printed; replay with -Dstrata.seed=N;
 * -Pstress runs 20× more steps.
 */
class RowCacheModelTest {
    private static final String[] NAMESPACES = {"default", "ttl"};
    private static final long NAMESPACE_TTL = 700;

    @TempDir
    Path dir;

    private record Val(byte[] value, long expiry) {
        boolean live(final long now) {
            return expiry == 0 || expiry > now;
        }
    }

    private final Map<String, Map<String, Val>> model = new HashMap<>();
    private final ExpandableArrayBuffer dst = new ExpandableArrayBuffer(64);
    private TestClock clock;
    private Store store;
    private Random random;
    private String where;

    static List<String> policies() {
        return EvictionPolicies.names();
    }

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    private StoreConfig config(final String policy) {
        return StoreConfig.builder(dir)
            .memtableBytes(64 << 10)
            .targetFileBytes(64 << 10)
            .baseLevelBytes(128 << 10)
            .level0Trigger(2)
            .blockSize(1024)
            .cacheBytes(64 << 10)
            .syncPolicy(SyncPolicy.NEVER)
            .rowCacheBytes(40 * 128)
            .rowCacheEntryBytes(128)
            .rowCachePolicy(policy)
            .blockCachePolicy(policy)
            .clock(clock)
            .namespace(NamespaceConfig.builder("ttl").defaultTtlMillis(NAMESPACE_TTL).build())
            .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void readsThroughTheRowCacheMatchTheModel(final String policy) {
        final long seed = TestSeeds.seed("RowCacheModelTest " + policy);
        random = new Random(seed);
        clock = new TestClock(1_700_000_000_000L);
        for (String ns : NAMESPACES) {
            model.put(ns, new HashMap<>());
        }
        final int steps = TestSeeds.stress() ? 40_000 : 2_000;
        store = Strata.open(config(policy));
        final long[] totals = new long[4]; // hits, evictions, expirations, invalidations over every open
        try {
            for (int step = 0; step < steps; step++) {
                where = "seed " + seed + " step " + step;
                final int op = random.nextInt(1000);
                if (op < 180) {
                    put(ns(), key(), value(), 0);
                } else if (op < 240) {
                    put(ns(), key(), value(), 1 + random.nextInt(1000));
                } else if (op < 300) {
                    delete(ns(), key());
                } else if (op < 340) {
                    batch();
                } else if (op < 900) {
                    checkGet(ns(), key());
                } else if (op < 950) {
                    clock.advance(random.nextInt(300));
                } else if (op < 965) {
                    store.caches().expireNow();
                } else if (op < 975) {
                    final List<String> names = EvictionPolicies.names();
                    store.caches().setPolicy(random.nextBoolean() ? CacheKind.ROW : CacheKind.BLOCK, names.get(random.nextInt(names.size())));
                } else if (op < 990) {
                    store.flush();
                } else if (op < 996) {
                    store.compact();
                } else {
                    addTotals(totals);
                    store.close();
                    store = Strata.open(config(policy));
                }
            }
            addTotals(totals);
            System.out.println("[row cache] " + policy + " over every open: hits " + totals[0] + ", evictions " + totals[1]
                + ", expirations " + totals[2] + ", invalidations " + totals[3]);
            for (int i = 0; i < totals.length; i++) {
                assertTrue(totals[i] > 0, where + ": path " + i + " (hits, evictions, expirations, invalidations) never ran");
            }
        } finally {
            store.close();
        }
    }

    private void addTotals(final long[] totals) {
        final var stats = ((StoreImpl)store).rowReads().rows().stats();
        totals[0] += stats.hits();
        totals[1] += stats.evictions();
        totals[2] += stats.expirations();
        totals[3] += stats.invalidations();
    }

    private String ns() {
        return NAMESPACES[random.nextInt(NAMESPACES.length)];
    }

    private String key() {
        // a skewed key set: a few hot keys get hits, the rest keep the small cache evicting
        return String.format("k%03d", random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(20));
    }

    private byte[] value() {
        final byte[] v = new byte[random.nextInt(10) == 0 ? 100 + random.nextInt(400) : random.nextInt(60)];
        random.nextBytes(v);
        return v;
    }

    private static UnsafeBuffer buf(final String key) {
        return new UnsafeBuffer(key.getBytes(ISO_8859_1));
    }

    private long expiry(final String ns, final long ttl) {
        final long effective = ttl > 0 ? ttl : ns.equals("ttl") ? NAMESPACE_TTL : 0;
        return effective > 0 ? clock.millis() + effective : 0;
    }

    private void put(final String ns, final String key, final byte[] value, final long ttl) {
        final UnsafeBuffer k = buf(key);
        store.namespace(ns).put(k, 0, k.capacity(), new UnsafeBuffer(value), 0, value.length, ttl);
        model.get(ns).put(key, new Val(value, expiry(ns, ttl)));
    }

    private void delete(final String ns, final String key) {
        final UnsafeBuffer k = buf(key);
        store.namespace(ns).delete(k, 0, k.capacity());
        model.get(ns).remove(key);
    }

    private void batch() {
        try (WriteBatch batch = store.newBatch()) {
            final Map<String, Map<String, Val>> next = new HashMap<>();
            model.forEach((ns, m) -> next.put(ns, new HashMap<>(m)));
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                final String ns = ns();
                final String key = key();
                final UnsafeBuffer k = buf(key);
                if (random.nextInt(3) == 0) {
                    batch.delete(store.namespace(ns), k, 0, k.capacity());
                    next.get(ns).remove(key);
                } else {
                    final byte[] v = value();
                    batch.put(store.namespace(ns), k, 0, k.capacity(), new UnsafeBuffer(v), 0, v.length);
                    next.get(ns).put(key, new Val(v, expiry(ns, 0)));
                }
            }
            store.write(batch);
            model.clear();
            model.putAll(next);
        }
    }

    private void checkGet(final String ns, final String key) {
        final UnsafeBuffer k = buf(key);
        final int n = store.namespace(ns).get(k, 0, k.capacity(), dst, 0);
        final Val expected = model.get(ns).get(key);
        if (expected == null || !expected.live(clock.millis())) {
            assertEquals(Namespace.NOT_FOUND, n, where + ": get " + ns + "/" + key + " should be absent");
        } else {
            assertEquals(expected.value().length, n, where + ": get " + ns + "/" + key + " length");
            final byte[] got = new byte[n];
            dst.getBytes(0, got);
            assertTrue(Arrays.equals(expected.value(), got), where + ": get " + ns + "/" + key + " value");
        }
    }
}
