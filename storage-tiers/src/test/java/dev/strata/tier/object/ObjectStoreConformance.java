package dev.strata.tier.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} must do, run against each implementation by a subclass (the
 * contract-base-class pattern of Agrona's tests). Each test gets a fresh, empty store.
 */
abstract class ObjectStoreConformance {
    protected ObjectStore store;

    /** @return a new, empty store */
    protected abstract ObjectStore newStore() throws Exception;

    /**
     * @return whether If-Match puts are atomic against concurrent writers of the same key (the
     *     lost-update test runs only then; see the subclass for the reason when not)
     */
    protected boolean compareAndSwapIsAtomic() {
        return true;
    }

    @BeforeEach
    final void openStore() throws Exception {
        store = newStore();
    }

    private final List<ByteBuffer> directBuffers = new ArrayList<>();

    @AfterEach
    final void closeStore() {
        store.close();
        for (final ByteBuffer b : directBuffers) {
            BufferUtil.free(b);
        }
        directBuffers.clear();
    }

    /** @return an off-heap buffer freed after the test */
    final UnsafeBuffer direct(final int capacity) {
        final ByteBuffer b = ByteBuffer.allocateDirect(capacity);
        directBuffers.add(b);
        return new UnsafeBuffer(b);
    }

    static byte[] bytes(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] random(final long seed, final int n) {
        final byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    byte[] readAll(final String key) {
        return readAll(key, store);
    }

    static byte[] readAll(final String key, final ObjectStore store) {
        final ObjectInfo info = store.head(key);
        assertNotNull(info, key);
        final UnsafeBuffer dst = new UnsafeBuffer(new byte[(int) info.size()]);
        assertEquals(info.size(), store.get(key, 0, dst, 0, dst.capacity()));
        return dst.byteArray();
    }

    @Test
    void putFromOffHeapRangeThenGetHeadAndRangedGet() {
        final byte[] data = random(1, 10_000);
        final UnsafeBuffer src = direct(10_100);
        src.putBytes(50, data);
        final String etag = store.put("seg/one", src, 50, data.length, Map.of(), PutCondition.NONE);
        assertTrue(!etag.isEmpty() && !etag.contains("\""), etag);

        final ObjectInfo info = store.head("seg/one");
        assertEquals(10_000, info.size());
        assertEquals(etag, info.etag());
        assertArrayEquals(data, readAll("seg/one"));

        final UnsafeBuffer dst = direct(200);
        assertEquals(100, store.get("seg/one", 1234, dst, 7, 100));
        for (int i = 0; i < 100; i++) {
            assertEquals(data[1234 + i], dst.getByte(7 + i));
        }
        assertEquals(10, store.get("seg/one", 9_990, dst, 0, 100), "a range over the end is cut at the end");
        assertEquals(0, store.get("seg/one", 10_000, dst, 0, 100), "a range at the end reads nothing");
        assertEquals(0, store.get("seg/one", 50_000, dst, 0, 100), "a range past the end reads nothing");
    }

    @Test
    void userMetadataRoundTripsAndIsValidated() {
        store.put("m", bytes("x"), Map.of("segment-id", "42", "format", "strata-1"), PutCondition.NONE);
        assertEquals(Map.of("segment-id", "42", "format", "strata-1"), store.head("m").userMetadata());
        assertThrows(IllegalArgumentException.class, () -> store.put("m2", bytes("x"), Map.of("Upper", "v"), PutCondition.NONE));
        assertThrows(IllegalArgumentException.class, () -> store.put("m2", bytes("x"), Map.of("k", "caf\u00e9"), PutCondition.NONE));
        assertThrows(IllegalArgumentException.class, () -> store.put("m2", bytes("x"), Map.of("k", "v".repeat(3000)), PutCondition.NONE));
        assertNull(store.head("m2"), "a rejected put writes nothing");
    }

    @Test
    void emptyObject() {
        store.put("empty", new byte[0], Map.of(), PutCondition.NONE);
        assertEquals(0, store.head("empty").size());
        assertEquals(0, store.get("empty", 0, new UnsafeBuffer(new byte[8]), 0, 8));
        try (ObjectReader r = store.openReader("empty")) {
            assertEquals(0, r.size());
            assertEquals(0, r.read(0, new UnsafeBuffer(new byte[8]), 0, 8));
        }
    }

    @Test
    void missingKeys() {
        assertNull(store.head("nope"));
        assertThrows(ObjectNotFoundException.class, () -> store.get("nope", 0, new UnsafeBuffer(new byte[8]), 0, 8));
        assertThrows(ObjectNotFoundException.class, () -> store.openReader("nope"));
        assertThrows(IllegalArgumentException.class, () -> store.head(""));
    }

    @Test
    void replaceChangesContentAndEtag() {
        final String e1 = store.put("k", bytes("version one"), Map.of(), PutCondition.NONE);
        final String e2 = store.put("k", bytes("version two!"), Map.of(), PutCondition.NONE);
        assertNotEquals(e1, e2);
        assertArrayEquals(bytes("version two!"), readAll("k"));
        assertEquals(e2, store.head("k").etag());
    }

    @Test
    void deleteIsIdempotent() {
        store.delete("never-existed");
        store.put("d/k", bytes("x"), Map.of(), PutCondition.NONE);
        store.delete("d/k");
        assertNull(store.head("d/k"));
        store.delete("d/k");
        assertTrue(store.list("d/", null, null, 10).objects().isEmpty());
    }

    @Test
    void ifAbsentCreatesOnlyOnce() {
        final String etag = store.put("c", bytes("first"), Map.of(), PutCondition.IF_ABSENT);
        assertThrows(PreconditionFailedException.class, () -> store.put("c", bytes("second"), Map.of(), PutCondition.IF_ABSENT));
        assertArrayEquals(bytes("first"), readAll("c"));
        assertEquals(etag, store.head("c").etag());
        store.delete("c");
        store.put("c", bytes("third"), Map.of(), PutCondition.IF_ABSENT);
        assertArrayEquals(bytes("third"), readAll("c"));
    }

    @Test
    void ifMatchReplacesOnlyIfUnchanged() {
        final String e1 = store.put("cas", bytes("v1"), Map.of(), PutCondition.NONE);
        final String e2 = store.put("cas", bytes("v2"), Map.of(), PutCondition.ifMatch(e1));
        assertThrows(PreconditionFailedException.class, () -> store.put("cas", bytes("v3"), Map.of(), PutCondition.ifMatch(e1)));
        assertArrayEquals(bytes("v2"), readAll("cas"));
        store.put("cas", bytes("v4"), Map.of(), PutCondition.ifMatch('"' + e2 + '"'));
        assertArrayEquals(bytes("v4"), readAll("cas"));
    }

    @Test
    void ifMatchOnMissingObjectFails() {
        assertThrows(PreconditionFailedException.class, () -> store.put("ghost", bytes("v"), Map.of(), PutCondition.ifMatch("0123456789abcdef0123456789abcdef")));
        assertNull(store.head("ghost"));
    }

    @Test
    void concurrentCreatesHaveExactlyOneWinner() throws Exception {
        final int threads = 6;
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                final String key = "race/" + round;
                final CountDownLatch go = new CountDownLatch(1);
                final List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    final byte[] mine = bytes("writer-" + t);
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            store.put(key, mine, Map.of(), PutCondition.IF_ABSENT);
                            return true;
                        } catch (final PreconditionFailedException e) {
                            return false;
                        }
                    }));
                }
                go.countDown();
                int winners = 0;
                int winner = -1;
                for (int t = 0; t < threads; t++) {
                    if (results.get(t).get(30, TimeUnit.SECONDS)) {
                        winners++;
                        winner = t;
                    }
                }
                assertEquals(1, winners, "exactly one create-only put wins, round " + round);
                assertArrayEquals(bytes("writer-" + winner), readAll(key));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void concurrentCompareAndSwapLosesNoUpdate() throws Exception {
        Assumptions.assumeTrue(compareAndSwapIsAtomic(), "If-Match is not atomic on this server; see the subclass");
        store.put("counter", bytes("0"), Map.of(), PutCondition.NONE);
        final int threads = 3;
        final int increments = 12;
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            final List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int retries = 0;
                    for (int i = 0; i < increments; ) {
                        final ObjectInfo info = store.head("counter");
                        final int value = Integer.parseInt(new String(readAll("counter"), StandardCharsets.UTF_8));
                        try {
                            store.put("counter", bytes(Integer.toString(value + 1)), Map.of(), PutCondition.ifMatch(info.etag()));
                            i++;
                        } catch (final PreconditionFailedException e) {
                            retries++;
                        }
                    }
                    return retries;
                }));
            }
            for (final Future<Integer> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(Integer.toString(threads * increments), new String(readAll("counter"), StandardCharsets.UTF_8));
    }

    @Test
    void listByPrefixAndDelimiterInPages() {
        final String[] keys = {"a/1", "a/2", "a/b/3", "a/b/4", "a/c/5", "a/d", "a0", "b/6"};
        for (final String k : keys) {
            store.put(k, bytes(k), Map.of(), PutCondition.NONE);
        }
        final List<String> objects = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            final ObjectListing page = store.list("a/", "/", token, 2);
            assertTrue(page.objects().size() + page.commonPrefixes().size() <= 2);
            page.objects().forEach(o -> objects.add(o.key()));
            prefixes.addAll(page.commonPrefixes());
            token = page.nextContinuationToken();
            pages++;
        } while (token != null && pages < 10);
        assertEquals(List.of("a/1", "a/2", "a/d"), objects);
        assertEquals(List.of("a/b/", "a/c/"), prefixes);
        assertTrue(pages >= 3, "5 entries in pages of 2");

        final List<String> all = new ArrayList<>();
        token = null;
        do {
            final ObjectListing page = store.list("", null, token, 3);
            for (final ObjectInfo o : page.objects()) {
                all.add(o.key());
                assertEquals(o.key().length(), o.size());
            }
            token = page.nextContinuationToken();
        } while (token != null);
        assertEquals(List.of(keys), all);

        final ObjectListing top = store.list("", "/", null, 1000);
        assertEquals(List.of("a0"), top.objects().stream().map(ObjectInfo::key).toList());
        assertEquals(List.of("a/", "b/"), top.commonPrefixes());
        assertEquals(List.of("a/b/3", "a/b/4"), store.list("a/b/", null, null, 10).objects().stream().map(ObjectInfo::key).toList());
        assertEquals(List.of("a/b/3"), store.list("a/b/3", null, null, 10).objects().stream().map(ObjectInfo::key).toList());
        assertTrue(store.list("zz", null, null, 10).objects().isEmpty());
    }

    @Test
    void keysWithUnusualCharacters() {
        final String[] keys = {"dir/with space/\u00fc.bin", "UPPER/lower", "dots.../%25/x", "a-b_c/0001"};
        for (final String k : keys) {
            store.put(k, bytes(k), Map.of(), PutCondition.NONE);
        }
        for (final String k : keys) {
            assertArrayEquals(bytes(k), readAll(k), k);
        }
        final List<String> listed = new ArrayList<>();
        store.list("", null, null, 100).objects().forEach(o -> listed.add(o.key()));
        final List<String> expected = new ArrayList<>(List.of(keys));
        expected.sort(KeyRules::compareUtf8);
        assertEquals(expected, listed);
    }

    @Test
    void readerReadsRangesOfOneVersion() {
        final long seed = System.nanoTime();
        final byte[] data = random(seed, 3 * 1024 * 1024 + 17);
        final String etag = store.put("big", data, Map.of(), PutCondition.NONE);
        try (ObjectReader r = store.openReader("big")) {
            assertEquals(data.length, r.size());
            assertEquals(etag, r.etag());
            final UnsafeBuffer dst = direct(64 * 1024);
            final Random rnd = new Random(seed);
            for (int i = 0; i < 20; i++) {
                final int pos = rnd.nextInt(data.length);
                final int n = r.read(pos, dst, 0, dst.capacity());
                assertEquals(Math.min(dst.capacity(), data.length - pos), n, "seed " + seed);
                for (int j = 0; j < n; j += 997) {
                    assertEquals(data[pos + j], dst.getByte(j), "seed " + seed + " pos " + pos + " j " + j);
                }
            }
            assertEquals(0, r.read(data.length, dst, 0, 10));
            assertThrows(IllegalArgumentException.class, () -> r.read(-1, dst, 0, 10));
        }
        assertArrayEquals(data, readAll("big"));
    }
}
