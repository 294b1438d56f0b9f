package dev.strata.tier.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.SegmentExistsException;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.TestSeeds;
import dev.strata.tier.TierIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What is specific to the {@link ObjectTier} beyond the tier contract: part objects and crash
 * recovery, sealing from parts, the metadata slot's old-or-new guarantee and fencing, the cost of a
 * sync, and typed corruption errors. Runs over each store by a subclass.
 */
@ExtendWith(LeakCheckExtension.class)
abstract class ObjectTierBehaviour {
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** @return a new store instance over this test's (single) location */
    protected abstract ObjectStore newStore();

    protected final ObjectTier tier(final ObjectStore store) {
        final ObjectTier t = ObjectTier.open(store, "strata/", true);
        toClose.add(t);
        return t;
    }

    @AfterEach
    final void closeAll() throws Exception {
        for (final AutoCloseable c : toClose) {
            c.close();
        }
        toClose.clear();
    }

    static UnsafeBuffer random(final Random rnd, final int n) {
        final byte[] b = new byte[n];
        rnd.nextBytes(b);
        return new UnsafeBuffer(b);
    }

    static byte[] concat(final UnsafeBuffer a, final UnsafeBuffer b) {
        final byte[] out = new byte[a.capacity() + b.capacity()];
        a.getBytes(0, out, 0, a.capacity());
        b.getBytes(0, out, a.capacity(), b.capacity());
        return out;
    }

    static byte[] readAll(final SegmentReader r) {
        final byte[] out = new byte[(int) r.length()];
        assertEquals(out.length, r.read(0, new UnsafeBuffer(out), 0, out.length));
        return out;
    }

    @Test
    void syncedBytesSurviveACrashAndUnsyncedOnesDoNot() {
        final Random rnd = new Random(TestSeeds.seed(getClass().getSimpleName() + ".crash"));
        final UnsafeBuffer a = random(rnd, 3000);
        final UnsafeBuffer b = random(rnd, 500);
        final UnsafeBuffer c = random(rnd, 700);
        final ObjectTier crashed = tier(newStore());
        final SegmentWriter w = crashed.create(11);
        w.append(a, 0, a.capacity());
        w.sync();
        w.append(b, 0, b.capacity());
        w.sync();
        w.append(c, 0, c.capacity());
        // crash: the writer and the tier are dropped without close or sync (closed only at the end of the test, to free memory)

        final ObjectTier reopened = tier(newStore());
        final List<String> listed = new ArrayList<>();
        reopened.list((id, sealed, length) -> listed.add(id + ":" + sealed + ":" + length));
        assertEquals(List.of("11:false:3500"), listed);
        final byte[] synced = Arrays.copyOf(concat(a, b), 3500);
        try (SegmentReader r = reopened.openUnsealed(11)) {
            assertEquals(3500, r.length(), "exactly the synced bytes");
            assertArrayEquals(synced, readAll(r));
            final UnsafeBuffer across = new UnsafeBuffer(new byte[100]);
            assertEquals(100, r.read(2950, across, 0, 100), "a read across the part boundary");
            for (int i = 0; i < 100; i++) {
                assertEquals(synced[2950 + i], across.getByte(i));
            }
        }
        assertEquals(3, reopened.listParts(11).size(), "the creation marker and one part per sync");
    }

    @Test
    void sealUnsealedWritesOneObjectAndDeletesTheParts() {
        final Random rnd = new Random(TestSeeds.seed(getClass().getSimpleName() + ".sealUnsealed"));
        final ObjectTier tier = tier(newStore());
        final UnsafeBuffer data = random(rnd, 10_000);
        try (SegmentWriter w = tier.create(42)) {
            for (int i = 0; i < 10; i++) {
                w.append(data, i * 1000, 1000);
                w.sync();
            }
        }
        tier.sealUnsealed(42, 9_500);
        assertTrue(tier.listParts(42).isEmpty());
        final ObjectInfo sealed = tier.store.head("strata/segments/00000000000000000042");
        assertNotNull(sealed, "the sealed object has the documented name");
        assertEquals(SegmentObjectDescriptor.HEADER_LENGTH + 9_500, sealed.size());
        try (SegmentReader r = tier.open(42)) {
            assertArrayEquals(Arrays.copyOf(data.byteArray(), 9_500), readAll(r));
        }
    }

    @Test
    void aCrashBetweenTheSealedPutAndThePartDeletionIsFinishedBySealUnsealed() {
        final ObjectStore store = newStore();
        final ObjectTier tier = tier(store);
        final UnsafeBuffer data = new UnsafeBuffer(new byte[300]);
        try (SegmentWriter w = tier.create(5)) {
            w.append(data, 0, 300);
            w.sync();
        }
        tier.sealUnsealed(5, 300);
        // put a stale part back, as if the crash came before the parts were deleted
        final UnsafeBuffer marker = new UnsafeBuffer(new byte[SegmentObjectDescriptor.HEADER_LENGTH]);
        SegmentObjectDescriptor.writeHeader(marker, SegmentObjectDescriptor.KIND_PART, 5, 0, 0, 0, new java.util.zip.CRC32C());
        store.put("strata/parts/00000000000000000005/0000000000", marker, 0, marker.capacity(), Map.of(), PutCondition.NONE);
        final List<String> listed = new ArrayList<>();
        tier.list((id, sealed, length) -> listed.add(id + ":" + sealed + ":" + length));
        assertEquals(List.of("5:true:300"), listed, "a sealed object wins over leftover parts");
        tier.sealUnsealed(5, 300);
        assertTrue(tier.listParts(5).isEmpty());
        assertThrows(IllegalStateException.class, () -> tier.sealUnsealed(5, 10));
    }

    /** S3Proxy's filesystem store lists the temporary file of a PUT in progress ({@code <key>-<uuid>}) for a moment. */
    @Test
    void objectsUnderThePrefixThatAreNotTheTiersAreIgnored() {
        final ObjectStore store = newStore();
        final ObjectTier tier = tier(store);
        try (SegmentWriter w = tier.create(3)) {
            w.append(new UnsafeBuffer(new byte[40]), 0, 40);
            w.seal();
        }
        try (SegmentWriter w = tier.create(4)) {
            w.append(new UnsafeBuffer(new byte[7]), 0, 7);
            w.sync();
        }
        final String uuid = "-0f5c2a9e-7d1b-4e2a-a673-4f5b733c7458";
        store.put("strata/segments/00000000000000000003" + uuid, new byte[10], Map.of(), PutCondition.NONE);
        store.put("strata/segments/not-a-segment", new byte[10], Map.of(), PutCondition.NONE);
        store.put("strata/parts/00000000000000000004/0000000001" + uuid, new byte[10], Map.of(), PutCondition.NONE);
        store.put("strata/parts/x/0000000000", new byte[10], Map.of(), PutCondition.NONE);
        final List<String> listed = new ArrayList<>();
        tier.list((id, sealed, length) -> listed.add(id + ":" + sealed + ":" + length));
        assertEquals(List.of("3:true:40", "4:false:7"), listed);
        try (SegmentReader r = tier.openUnsealed(4)) {
            assertEquals(7, r.length());
        }
    }

    @Test
    void metadataSlotIsOldOrNewAcrossACrash() {
        final byte[] v1 = "manifest version 1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final byte[] v2 = "manifest version 2, longer".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final CrashingObjectStore crashing = new CrashingObjectStore(newStore());
        final ObjectTier tier = tier(crashing);
        tier.writeMetadata(new UnsafeBuffer(v1), 0, v1.length);

        crashing.crashOnNextPutOf("strata/metadata", CrashingObjectStore.When.BEFORE);
        assertThrows(TierIOException.class, () -> tier.writeMetadata(new UnsafeBuffer(v2), 0, v2.length));
        assertArrayEquals(v1, tier(newStore()).readMetadata(), "a crash before the put leaves the old blob");

        crashing.crashOnNextPutOf("strata/metadata", CrashingObjectStore.When.AFTER);
        assertThrows(TierIOException.class, () -> tier.writeMetadata(new UnsafeBuffer(v2), 0, v2.length));
        assertArrayEquals(v2, tier(newStore()).readMetadata(), "a crash after the put leaves the new blob");
    }

    @Test
    void metadataSlotFencesASecondWriter() {
        final ObjectTier first = tier(newStore());
        final ObjectTier second = tier(newStore());
        final UnsafeBuffer blob = new UnsafeBuffer(new byte[] {1, 2, 3});
        first.writeMetadata(blob, 0, 1);
        assertArrayEquals(new byte[] {1}, second.readMetadata());
        first.writeMetadata(blob, 0, 2);
        final TierIOException e = assertThrows(TierIOException.class, () -> second.writeMetadata(blob, 0, 3));
        assertTrue(e.getMessage().contains("another writer"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2}, first.readMetadata(), "the fenced write changed nothing");
    }

    @Test
    void eachSyncWithNewBytesCostsOnePut() {
        final ObjectTier tier = tier(newStore());
        final UnsafeBuffer data = new UnsafeBuffer(new byte[64]);
        try (SegmentWriter w = tier.create(1)) {
            final long before = ((ObjectTierStats) tier.stats()).puts();
            w.append(data, 0, 64);
            w.append(data, 0, 64);
            assertEquals(before, ((ObjectTierStats) tier.stats()).puts(), "appends are buffered");
            w.sync();
            assertEquals(before + 1, ((ObjectTierStats) tier.stats()).puts());
            w.sync();
            assertEquals(before + 1, ((ObjectTierStats) tier.stats()).puts(), "a sync with nothing new is free");
            assertEquals(128, w.syncedLength());
            w.seal();
            assertEquals(before + 2, ((ObjectTierStats) tier.stats()).puts(), "seal is one more put");
        }
        assertEquals("ranged-get", tier.stats().readPath());
    }

    @Test
    void racingCreatesTakeAnIdOnce() throws Exception {
        final ObjectTier one = tier(newStore());
        final ObjectTier two = tier(newStore());
        final ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long id = 100; id < 105; id++) {
                final long segment = id;
                final CountDownLatch go = new CountDownLatch(1);
                final List<Future<SegmentWriter>> results = new ArrayList<>();
                for (final ObjectTier t : List.of(one, two)) {
                    final Callable<SegmentWriter> create = () -> {
                        go.await();
                        try {
                            return t.create(segment);
                        } catch (final SegmentExistsException e) {
                            return null;
                        }
                    };
                    results.add(pool.submit(create));
                }
                go.countDown();
                int winners = 0;
                for (final Future<SegmentWriter> f : results) {
                    final SegmentWriter w = f.get(30, TimeUnit.SECONDS);
                    if (w != null) {
                        winners++;
                        w.close();
                    }
                }
                assertEquals(1, winners, "segment " + id);
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void corruptObjectsRaiseTypedErrorsNamingTheObject() {
        final ObjectStore store = newStore();
        final ObjectTier tier = tier(store);
        store.put("strata/segments/00000000000000000009", new byte[100], Map.of(), PutCondition.NONE);
        final ObjectCorruptException header = assertThrows(ObjectCorruptException.class, () -> tier.open(9));
        assertTrue(header.getMessage().contains("strata/segments/00000000000000000009") && header.getMessage().contains("magic"), header.getMessage());

        try (SegmentWriter w = tier.create(10)) {
            w.append(new UnsafeBuffer(new byte[200]), 0, 200);
            w.sync();
        }
        final String part = "strata/parts/00000000000000000010/0000000001";
        final UnsafeBuffer bytes = new UnsafeBuffer(new byte[(int) store.head(part).size()]);
        store.get(part, 0, bytes, 0, bytes.capacity());
        bytes.putByte(bytes.capacity() - 1, (byte) 7);
        store.put(part, bytes, 0, bytes.capacity(), Map.of(), PutCondition.NONE);
        final ObjectCorruptException payload = assertThrows(ObjectCorruptException.class, () -> tier.sealUnsealed(10, 200));
        assertTrue(payload.getMessage().contains(part) && payload.getMessage().contains("payload CRC32C"), payload.getMessage());
        assertNull(store.head("strata/segments/00000000000000000010"), "nothing sealed from corrupt parts");
    }
}
