package dev.strata.engine.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.Cursor;
import dev.strata.LimitExceededException;
import dev.strata.Namespace;
import dev.strata.NamespaceConfig;
import dev.strata.Snapshot;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.StoreOpenException;
import dev.strata.Strata;
import dev.strata.WriteBatch;
import dev.strata.compression.CodecType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's API, one behaviour per test, on the default configuration (file tier). */
class StoreBasicsTest {
    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    private static byte[] b(final String s) {
        return s.getBytes(UTF_8);
    }

    private static UnsafeBuffer u(final String s) {
        return new UnsafeBuffer(b(s));
    }

    private StoreConfig.Builder small() {
        return StoreConfig.builder(dir).memtableBytes(64 << 10).cacheBytes(1 << 20).targetFileBytes(64 << 10).baseLevelBytes(256 << 10);
    }

    @Test
    void putGetDeleteAndReopen() {
        try (Store store = Strata.open(small().build())) {
            assertTrue(store.put(b("a"), b("1")) > 0);
            store.put(b("b"), b("2"));
            store.delete(b("a"));
            assertNull(store.get(b("a")));
            assertArrayEquals(b("2"), store.get(b("b")));
        }
        try (Store store = Strata.open(small().build())) {
            assertNull(store.get(b("a")));
            assertArrayEquals(b("2"), store.get(b("b")));
        }
    }

    @Test
    void manyKeysSurviveFlushCompactionAndReopen() {
        final int n = 20_000;
        try (Store store = Strata.open(small().syncPolicy(dev.strata.SyncPolicy.NEVER).build())) {
            for (int i = 0; i < n; i++) {
                store.put(b(String.format("key%06d", i)), b("value" + i));
            }
            for (int i = 0; i < n; i += 3) {
                store.delete(b(String.format("key%06d", i)));
            }
            store.flush();
            assertTrue(store.stats().get(dev.strata.StoreStats.Counter.FLUSHES) > 1, store.stats().toString());
            store.compact();
            check(store, n);
            assertTrue(segmentFileBytes(dir) < store.stats().get(dev.strata.StoreStats.Counter.LIVE_SEGMENT_BYTES) + (1 << 20),
                "compaction inputs must be deleted once unused: " + segmentFileBytes(dir) + " bytes of segment files for "
                    + store.stats().get(dev.strata.StoreStats.Counter.LIVE_SEGMENT_BYTES) + " live");
        }
        try (Store store = Strata.open(small().build())) {
            check(store, n);
        }
    }

    private static long segmentFileBytes(final Path directory) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
            // data bytes: a file-tier segment file also holds its header (with a gap up to the data) and trailer
            return files.filter(p -> p.toString().endsWith(".seg")).mapToLong(p -> p.toFile().length()
                - dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET - dev.strata.tier.file.SegmentFileDescriptor.TRAILER_LENGTH).sum();
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDamagedLastRecordOfASealedWalIsReportedNotDropped() throws Exception {
        try (Store store = Strata.open(small().build())) {
            store.put(b("a"), b("1"));
            store.put(b("b"), b("2"));
        }
        Path wal = null;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path p : (Iterable<Path>)files.filter(f -> f.toString().endsWith(".seg"))::iterator) {
                final byte[] bytes = java.nio.file.Files.readAllBytes(p);
                final String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains("STRATWAL") && text.lastIndexOf("b2") > dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET) {
                    wal = p;
                }
            }
        }
        assertTrue(wal != null, "no WAL segment with records found");
        // flip the value byte of the last put ("b" = "2"), inside the last WAL record
        final byte[] bytes = java.nio.file.Files.readAllBytes(wal);
        final int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("b2") + 1;
        assertTrue(at > dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET, "the last record was not found");
        bytes[at] ^= 0x40;
        java.nio.file.Files.write(wal, bytes);
        final dev.strata.CorruptionException e = assertThrows(dev.strata.CorruptionException.class, () -> Strata.open(small().build()));
        assertTrue(e.getMessage().contains("sealed"), e.getMessage());
    }

    private static void check(final Store store, final int n) {
        for (int i = 0; i < n; i++) {
            final byte[] v = store.get(b(String.format("key%06d", i)));
            if (i % 3 == 0) {
                assertNull(v, "key " + i);
            } else {
                assertArrayEquals(b("value" + i), v, "key " + i);
            }
        }
        try (Cursor c = store.newCursor()) {
            int count = 0;
            for (boolean ok = c.first(); ok; ok = c.next()) {
                count++;
            }
            assertEquals(n - (n + 2) / 3, count);
        }
    }

    @Test
    void concurrentDurableWritersShareSyncs() throws Exception {
        final int threads = 8;
        final int each = 300;
        try (Store store = Strata.open(small().build())) {
            final Thread[] writers = new Thread[threads];
            final Throwable[] failure = new Throwable[1];
            for (int t = 0; t < threads; t++) {
                final int id = t;
                writers[t] = new Thread(() -> {
                    try {
                        for (int i = 0; i < each; i++) {
                            store.put(b("t" + id + "-" + i), b("v" + i));
                        }
                    } catch (final Throwable e) {
                        failure[0] = e;
                    }
                });
                writers[t].start();
            }
            for (Thread w : writers) {
                w.join();
            }
            assertNull(failure[0], String.valueOf(failure[0]));
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < each; i++) {
                    assertArrayEquals(b("v" + i), store.get(b("t" + t + "-" + i)), "t" + t + "-" + i);
                }
            }
            final dev.strata.StoreStats stats = store.stats();
            assertEquals(threads * each, stats.get(dev.strata.StoreStats.Counter.COMMITS));
            assertTrue(stats.get(dev.strata.StoreStats.Counter.WAL_SYNCS) < threads * each,
                "group commit should share syncs: " + stats.get(dev.strata.StoreStats.Counter.WAL_SYNCS) + " syncs for " + threads * each + " commits");
        }
    }

    @Test
    void cursorForwardBackwardBoundsAndPrefix() {
        try (Store store = Strata.open(small().build()); Cursor c = store.newCursor()) {
            for (String k : new String[] {"apple", "apricot", "banana", "blueberry", "cherry"}) {
                store.put(b(k), b(k.toUpperCase()));
            }
            store.delete(b("banana"));
            assertEquals(List.of("apple", "apricot", "blueberry", "cherry"), forward(c));
            assertTrue(c.last());
            assertEquals("cherry", str(c));
            assertTrue(c.prev());
            assertEquals("blueberry", str(c));
            assertTrue(c.prev());
            assertEquals("apricot", str(c));
            assertTrue(c.next());
            assertEquals("blueberry", str(c));
            assertEquals("BLUEBERRY", c.value().getStringWithoutLengthUtf8(0, c.value().capacity()));
            assertTrue(c.seek(u("b"), 0, 1));
            assertEquals("blueberry", str(c));
            assertTrue(c.seekForPrev(u("c"), 0, 1));
            assertEquals("blueberry", str(c));
            c.prefix(u("ap"), 0, 2);
            assertEquals(List.of("apple", "apricot"), forward(c));
            assertTrue(c.last());
            assertEquals("apricot", str(c));
            c.bounds(u("apricot"), 0, 7, u("cherry"), 0, 6);
            assertEquals(List.of("apricot", "blueberry"), forward(c));
        }
    }

    private static String str(final Cursor c) {
        return c.key().getStringWithoutLengthUtf8(0, c.key().capacity());
    }

    private static List<String> forward(final Cursor c) {
        final List<String> out = new ArrayList<>();
        for (boolean ok = c.first(); ok; ok = c.next()) {
            out.add(str(c));
        }
        return out;
    }

    @Test
    void snapshotSeesTheStoreAsOfItsSequence() {
        try (Store store = Strata.open(small().build())) {
            store.put(b("k"), b("old"));
            try (Snapshot snap = store.snapshot()) {
                store.put(b("k"), b("new"));
                store.put(b("k2"), b("x"));
                store.flush();
                store.compact();
                assertTrue(snap.get(store, u("k"), 0, 1));
                assertEquals("old", snap.value().getStringWithoutLengthUtf8(0, snap.value().capacity()));
                assertFalse(snap.get(store, u("k2"), 0, 2));
                try (Cursor c = snap.newCursor(store)) {
                    assertEquals(List.of("k"), forward(c));
                }
            }
            assertArrayEquals(b("new"), store.get(b("k")));
        }
    }

    @Test
    void batchesAndNamespaces() {
        final StoreConfig config = small().namespace(NamespaceConfig.builder("users").codec(CodecType.ZSTD, 3).build()).build();
        try (Store store = Strata.open(config)) {
            final Namespace users = store.namespace("users");
            try (WriteBatch batch = store.newBatch()) {
                batch.put(store, u("k"), 0, 1, u("default"), 0, 7);
                batch.put(users, u("k"), 0, 1, u("user"), 0, 4);
                final long seq = store.write(batch);
                assertEquals(store.lastSequence(), seq);
            }
            assertArrayEquals(b("default"), store.get(b("k")));
            assertArrayEquals(b("user"), users.get(b("k")));
            store.flush();
        }
        try (Store store = Strata.open(config)) {
            assertArrayEquals(b("user"), store.namespace("users").get(b("k")));
            assertThrows(IllegalArgumentException.class, () -> store.namespace("nope"));
        }
    }

    @Test
    void limitsAndLockingAreTypedErrors() {
        try (Store store = Strata.open(small().build())) {
            assertThrows(LimitExceededException.class, () -> store.put(new byte[0], b("v")));
            assertThrows(LimitExceededException.class, () -> store.put(new byte[Store.MAX_KEY_LENGTH + 1], b("v")));
            assertThrows(LimitExceededException.class, () -> store.put(b("k"), new byte[(64 << 10) / 4 + 1]));
            final StoreOpenException e = assertThrows(StoreOpenException.class, () -> Strata.open(small().build()));
            assertTrue(e.getMessage().contains("open in another"), e.getMessage());
        }
    }

    @Test
    void checkpointOpensAsAStore() {
        final Path copy = dir.resolve("copy");
        try (Store store = Strata.open(StoreConfig.builder(dir.resolve("src")).build())) {
            store.put(b("a"), b("1"));
            store.checkpoint(copy);
            store.put(b("b"), b("2"));
        }
        try (Store store = Strata.open(StoreConfig.builder(copy).build())) {
            assertArrayEquals(b("1"), store.get(b("a")));
            assertNull(store.get(b("b")));
        }
    }
}
