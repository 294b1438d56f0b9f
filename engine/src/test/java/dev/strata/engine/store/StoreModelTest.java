package dev.strata.engine.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.Cursor;
import dev.strata.Namespace;
import dev.strata.Snapshot;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import dev.strata.WriteBatch;
import dev.strata.compression.CodecType;
import dev.strata.tier.TestSeeds;
import dev.strata.tier.TierKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random operations against a {@link TreeMap} model, across the matrix tier × codec × sync
 * policy: puts, TTL puts with a hand-moved clock, deletes, batches over two namespaces, point
 * reads, bounded and prefix scans in both directions, snapshots, flushes, compactions and
 * reopens. Every read is compared with the model. Seed printed; replay with -Dstrata.seed=N;
 * -Pstress runs 20× more steps.
 */
class StoreModelTest {
    private static final String[] NAMESPACES = {"default", "second"};

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    static Stream<Arguments> matrix() {
        return StoreMatrix.all().stream();
    }

    /** A model value: bytes and an absolute expiry (0: none). */
    private record Val(byte[] value, long expiry) {
        boolean live(final long now) {
            return expiry == 0 || expiry > now;
        }
    }

    private final Map<String, TreeMap<String, Val>> model = new HashMap<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final List<Map<String, TreeMap<String, Val>>> snapshotModels = new ArrayList<>();
    private final ExpandableArrayBuffer dst = new ExpandableArrayBuffer(256);
    private TestClock clock;
    private Store store;
    private Random random;
    private String where;

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void randomOperationsMatchTheModel(final TierKind tier, final CodecType codec, final SyncPolicy sync) {
        final long seed = TestSeeds.seed("StoreModelTest " + tier + " " + codec + " " + sync);
        random = new Random(seed);
        clock = new TestClock(1_700_000_000_000L);
        final StoreConfig config = StoreMatrix.small(dir, tier, codec, sync).clock(clock).build();
        for (String ns : NAMESPACES) {
            model.put(ns, new TreeMap<>());
        }
        final int steps = TestSeeds.stress() ? 30_000 : 1_500;
        store = Strata.open(config);
        try {
            for (int step = 0; step < steps; step++) {
                where = "seed " + seed + " step " + step;
                final int op = random.nextInt(1000);
                if (op < 300) {
                    put(ns(), key(), value(), 0);
                } else if (op < 380) {
                    put(ns(), key(), value(), 1 + random.nextInt(1000));
                } else if (op < 500) {
                    delete(ns(), key());
                } else if (op < 600) {
                    batch();
                } else if (op < 750) {
                    checkGet(ns(), key());
                } else if (op < 830) {
                    checkScan(store.namespace(NAMESPACES[random.nextInt(2)]), null, model);
                } else if (op < 860 && snapshots.size() < 3) {
                    snapshots.add(store.snapshot());
                    snapshotModels.add(copy(model));
                } else if (op < 900 && !snapshots.isEmpty()) {
                    checkSnapshot(random.nextInt(snapshots.size()));
                } else if (op < 920 && !snapshots.isEmpty()) {
                    snapshots.remove(0).close();
                    snapshotModels.remove(0);
                } else if (op < 960) {
                    clock.advance(random.nextInt(600));
                } else if (op < 975) {
                    store.flush();
                } else if (op < 985) {
                    store.compact();
                } else if (op < 995) {
                    reopen(config, tier, codec, sync);
                }
            }
            for (String ns : NAMESPACES) {
                checkScan(store.namespace(ns), null, model);
            }
        } finally {
            for (Snapshot s : snapshots) {
                s.close();
            }
            store.close();
        }
    }

    private void reopen(final StoreConfig config, final TierKind tier, final CodecType codec, final SyncPolicy sync) {
        for (Snapshot s : snapshots) {
            s.close();
        }
        snapshots.clear();
        snapshotModels.clear();
        store.close();
        store = Strata.open(StoreMatrix.small(dir, tier, codec, sync).clock(clock).build());
        for (String ns : NAMESPACES) {
            checkScan(store.namespace(ns), null, model);
        }
        assertEquals(config.tier(), tier);
    }

    private String ns() {
        return NAMESPACES[random.nextInt(NAMESPACES.length)];
    }

    private String key() {
        final String base = String.format("k%03d", random.nextInt(300));
        return random.nextInt(10) == 0 ? base + (char)(0x80 + random.nextInt(128)) : base;
    }

    private byte[] value() {
        final byte[] v = new byte[random.nextInt(random.nextInt(10) == 0 ? 3000 : 200)];
        random.nextBytes(v);
        return v;
    }

    private static UnsafeBuffer buf(final String key) {
        return new UnsafeBuffer(key.getBytes(ISO_8859_1));
    }

    private void put(final String ns, final String key, final byte[] value, final long ttl) {
        final UnsafeBuffer k = buf(key);
        store.namespace(ns).put(k, 0, k.capacity(), new UnsafeBuffer(value), 0, value.length, ttl);
        model.get(ns).put(key, new Val(value, ttl > 0 ? clock.millis() + ttl : 0));
    }

    private void delete(final String ns, final String key) {
        final UnsafeBuffer k = buf(key);
        store.namespace(ns).delete(k, 0, k.capacity());
        model.get(ns).remove(key);
    }

    private void batch() {
        try (WriteBatch batch = store.newBatch()) {
            final Map<String, TreeMap<String, Val>> next = copy(model);
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
                    next.get(ns).put(key, new Val(v, 0));
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
            assertEquals(hex(expected.value()), hex(got), where + ": get " + ns + "/" + key);
        }
    }

    private void checkSnapshot(final int i) {
        final Snapshot snap = snapshots.get(i);
        final Map<String, TreeMap<String, Val>> m = snapshotModels.get(i);
        final String ns = ns();
        if (random.nextBoolean()) {
            final String key = key();
            final UnsafeBuffer k = buf(key);
            final boolean found = snap.get(store.namespace(ns), k, 0, k.capacity());
            final Val expected = m.get(ns).get(key);
            final boolean live = expected != null && expected.live(clock.millis());
            assertEquals(live, found, where + ": snapshot get " + ns + "/" + key);
            if (live) {
                final byte[] got = new byte[snap.value().capacity()];
                snap.value().getBytes(0, got);
                assertEquals(hex(expected.value()), hex(got), where + ": snapshot get " + ns + "/" + key);
            }
        } else {
            checkScan(store.namespace(ns), snap, m);
        }
    }

    /** A random bounded or prefix scan, forward or backward, of up to 60 keys, compared with the model. */
    private void checkScan(final Namespace ns, final Snapshot snap, final Map<String, TreeMap<String, Val>> m) {
        NavigableMap<String, Val> view = m.get(ns.name());
        try (Cursor c = snap == null ? ns.newCursor() : snap.newCursor(ns)) {
            final int shape = random.nextInt(4);
            if (shape == 1) {
                final String lo = key();
                final String hi = key();
                if (lo.compareTo(hi) <= 0) {
                    c.bounds(buf(lo), 0, lo.length(), buf(hi), 0, hi.length());
                    view = view.subMap(lo, true, hi, false);
                }
            } else if (shape == 2) {
                final String prefix = String.format("k%02d", random.nextInt(30));
                c.prefix(buf(prefix), 0, prefix.length());
                view = view.subMap(prefix, true, prefix + (char)0xFFFF, false);
            }
            final boolean reverse = random.nextBoolean();
            final List<String> expected = new ArrayList<>();
            for (Map.Entry<String, Val> e : (reverse ? view.descendingMap() : view).entrySet()) {
                if (e.getValue().live(clock.millis())) {
                    expected.add(e.getKey() + "=" + hex(e.getValue().value()));
                }
            }
            final List<String> actual = new ArrayList<>();
            for (boolean ok = reverse ? c.last() : c.first(); ok; ok = reverse ? c.prev() : c.next()) {
                final byte[] k = new byte[c.key().capacity()];
                c.key().getBytes(0, k);
                final byte[] v = new byte[c.value().capacity()];
                c.value().getBytes(0, v);
                actual.add(new String(k, ISO_8859_1) + "=" + hex(v));
            }
            assertEquals(expected, actual, where + ": " + (reverse ? "reverse" : "forward") + " scan of " + ns.name() + " shape " + shape
                + (snap != null ? " at snapshot " + snap.sequence() : ""));
        }
    }

    private static Map<String, TreeMap<String, Val>> copy(final Map<String, TreeMap<String, Val>> m) {
        final Map<String, TreeMap<String, Val>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, new TreeMap<>(v)));
        return out;
    }

    private static String hex(final byte[] bytes) {
        final StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return s.length() > 64 ? s.substring(0, 64) + "…(" + bytes.length + " bytes)" : s.toString();
    }
}
