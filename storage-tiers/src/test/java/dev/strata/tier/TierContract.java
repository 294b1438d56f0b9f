package dev.strata.tier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.strata.testsupport.LeakCheckExtension;

/**
 * The behaviour every {@link Tier} must show. A subclass supplies {@link #openTier()}, which opens
 * the tier under test at a location that stays the same for the whole test (so that the tier can
 * be closed and opened again); the contract closes what it opens. Nothing here assumes a
 * particular medium: sizes come from {@link #largeSegmentBytes()}, and a tier that cannot hold
 * large segments overrides it.
 *
 * <p>Every test runs under {@link LeakCheckExtension}: a tier that leaks off-heap memory, file
 * handles, mappings or threads fails.
 */
@ExtendWith(LeakCheckExtension.class)
public abstract class TierContract {
    private final List<Tier> opened = new ArrayList<>();
    private final List<java.nio.ByteBuffer> directBuffers = java.util.Collections.synchronizedList(new ArrayList<>());

    /** Opens the tier under test at this test's location (again, after a close). */
    protected abstract Tier createTier();

    /** @return bytes of the large-segment test: over 2 GiB under -Pstress, 64 MiB otherwise */
    protected long largeSegmentBytes() {
        return TestSeeds.stress() ? (5L << 29) : (64L << 20);
    }

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        WarmUp.chronicle();
    }

    protected final Tier openTier() {
        final Tier t = createTier();
        opened.add(t);
        return t;
    }

    @AfterEach
    void closeTiers() {
        for (Tier t : opened) {
            t.close();
        }
        opened.clear();
        for (java.nio.ByteBuffer b : directBuffers) {
            org.agrona.BufferUtil.free(b);
        }
        directBuffers.clear();
    }

    /** @return an off-heap buffer that is freed after the test (the leak check would see it otherwise) */
    protected final UnsafeBuffer direct(final int capacity) {
        final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(capacity);
        directBuffers.add(b);
        return new UnsafeBuffer(b);
    }

    public static UnsafeBuffer random(final Random rnd, final int length) {
        final byte[] b = new byte[length];
        rnd.nextBytes(b);
        return new UnsafeBuffer(b);
    }

    public static byte[] readAll(final SegmentReader r) {
        final byte[] out = new byte[(int) r.length()];
        final UnsafeBuffer dst = new UnsafeBuffer(out);
        int done = 0;
        while (done < out.length) {
            final int n = r.read(done, dst, done, Math.min(100_000, out.length - done));
            assertTrue(n > 0, "read returned " + n + " before the end");
            done += n;
        }
        return out;
    }

    public static byte[] concat(final UnsafeBuffer... parts) {
        int len = 0;
        for (UnsafeBuffer p : parts) {
            len += p.capacity();
        }
        final byte[] out = new byte[len];
        int at = 0;
        for (UnsafeBuffer p : parts) {
            p.getBytes(0, out, at, p.capacity());
            at += p.capacity();
        }
        return out;
    }

    @Test
    void writeSealAndReadBack() {
        final Random rnd = new Random(TestSeeds.seed(getClass().getSimpleName() + ".writeSealAndReadBack"));
        final Tier tier = openTier();
        final UnsafeBuffer a = random(rnd, 1000);
        final UnsafeBuffer b = random(rnd, 70_000);
        final UnsafeBuffer c = random(rnd, 1);
        try (SegmentWriter w = tier.create(7)) {
            assertEquals(7, w.segmentId());
            assertEquals(0, w.append(a, 0, a.capacity()));
            assertEquals(1000, w.append(b, 0, b.capacity()));
            w.sync();
            assertEquals(71_000, w.syncedLength());
            assertEquals(71_000, w.append(c, 0, 1));
            assertEquals(71_001, w.length());
            w.seal();
        }
        try (SegmentReader r = tier.open(7)) {
            assertEquals(71_001, r.length());
            assertArrayEquals(concat(a, b, c), readAll(r));
            final UnsafeBuffer dst = new UnsafeBuffer(new byte[64]);
            assertEquals(1, r.read(71_000, dst, 0, 64), "a read at the end returns what is left");
            assertEquals(0, r.read(71_001, dst, 0, 64));
            assertEquals(0, r.read(1L << 40, dst, 0, 64));
            final UnsafeBuffer offHeap = direct(100);
            assertEquals(100, r.read(950, offHeap, 0, 100));
            for (int i = 0; i < 100; i++) {
                final int pos = 950 + i;
                assertEquals(pos < 1000 ? a.getByte(pos) : b.getByte(pos - 1000), offHeap.getByte(i));
            }
        }
        assertTrue(tier.stats().appends() >= 3);
        assertTrue(tier.stats().bytesWritten() >= 71_001);
        assertTrue(tier.stats().reads() > 0);
        assertNotNull(tier.stats().readPath());
    }

    @Test
    void emptySegment() {
        final Tier tier = openTier();
        tier.create(1).seal();
        try (SegmentReader r = tier.open(1)) {
            assertEquals(0, r.length());
            assertEquals(0, r.read(0, new UnsafeBuffer(new byte[8]), 0, 8));
        }
    }

    @Test
    void largeSegment() {
        final long size = largeSegmentBytes();
        final Tier tier = openTier();
        final int chunk = 1 << 20;
        final UnsafeBuffer buf = direct(chunk);
        try (SegmentWriter w = tier.create(1)) {
            for (long pos = 0; pos < size; pos += chunk) {
                final int n = (int) Math.min(chunk, size - pos);
                fillPattern(buf, pos, n);
                assertEquals(pos, w.append(buf, 0, n));
                if ((pos / chunk) % 16 == 15) {
                    w.sync();
                }
            }
            w.seal();
        }
        try (SegmentReader r = tier.open(1)) {
            assertEquals(size, r.length());
            final Random rnd = new Random(TestSeeds.seed(getClass().getSimpleName() + ".largeSegment"));
            final UnsafeBuffer dst = new UnsafeBuffer(new byte[4096]);
            final long[] probes = {0, size / 2, size - 4096, (1L << 31) - 100, (1L << 31) + 8};
            for (int i = 0; i < probes.length + 50; i++) {
                final long at = (i < probes.length ? probes[i] : (long) (rnd.nextDouble() * (size - 4096))) & ~7L;
                if (at + 4096 > size) {
                    continue;
                }
                assertEquals(4096, r.read(at, dst, 0, 4096));
                for (int j = 0; j < 4096; j += 8) {
                    assertEquals(at + j, dst.getLong(j, ByteOrder.LITTLE_ENDIAN), "at offset " + (at + j));
                }
            }
        }
    }

    /** @return a view of a fresh off-heap buffer whose address at index 0 is {@code 4096}-aligned plus {@code skew} */
    private UnsafeBuffer directSlice(final int capacity, final int skew) {
        final java.nio.ByteBuffer whole = direct(capacity + 8192).byteBuffer();
        final long address = org.agrona.BufferUtil.address(whole);
        final int start = (int) (((address + 4095) & -4096L) - address) + skew;
        whole.limit(start + capacity).position(start);
        final java.nio.ByteBuffer slice = whole.slice();
        whole.clear();
        return new UnsafeBuffer(slice);
    }

    @Test
    void directByteBuffersAreReadAndWrittenInPlaceAndKeepTheirPositionAndLimit() {
        final Random rnd = new Random(TestSeeds.seed(getClass().getSimpleName() + ".directByteBuffers"));
        final Tier tier = openTier();
        final int big = 3 * 65536 + 4096;
        final UnsafeBuffer[] sources = {directSlice(big, 0), directSlice(big + 1000, 8), directSlice(256 << 10, 0)};
        final int[][] appends = {{0, big}, {8, big - 8 + 1000}, {0, 7}, {0, 200_000}, {4096, 65536}, {0, 256 << 10}};
        final java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        try (SegmentWriter w = tier.create(3)) {
            for (int i = 0; i < appends.length; i++) {
                final UnsafeBuffer src = sources[Math.min(i, sources.length - 1) % sources.length];
                final int offset = appends[i][0];
                final int length = Math.min(appends[i][1], src.capacity() - offset);
                final byte[] bytes = new byte[length];
                rnd.nextBytes(bytes);
                src.putBytes(offset, bytes);
                src.byteBuffer().limit(17).position(5);
                assertEquals(expected.size(), w.append(src, offset, length));
                assertEquals(5, src.byteBuffer().position(), "source position restored");
                assertEquals(17, src.byteBuffer().limit(), "source limit restored");
                src.byteBuffer().clear();
                expected.write(bytes, 0, length);
                if (i == 2) {
                    w.sync();
                }
            }
            w.seal();
        }
        final byte[] all = expected.toByteArray();
        try (SegmentReader r = tier.open(3)) {
            assertEquals(all.length, r.length());
            final UnsafeBuffer aligned = directSlice(128 << 10, 0);
            final UnsafeBuffer skewed = directSlice(128 << 10, 24);
            final UnsafeBuffer window = new UnsafeBuffer(aligned.byteBuffer(), 4096, 64 << 10);
            final long[][] reads = {{0, 4096, 0}, {4096, 65536, 0}, {100, 5000, 3}, {all.length - 10_000, 20_000, 4096},
                {8192, 128 << 10, 0}, {all.length - 4096, 4096, 0}, {12_288, 8192, 8192}};
            for (final UnsafeBuffer dst : new UnsafeBuffer[] {aligned, skewed, window}) {
                for (final long[] rd : reads) {
                    final int dstOffset = (int) rd[2];
                    final int len = (int) Math.min(rd[1], dst.capacity() - dstOffset);
                    dst.setMemory(0, dst.capacity(), (byte) 0x5A);
                    final java.nio.ByteBuffer bb = dst.byteBuffer();
                    bb.limit(100).position(50);
                    final int n = r.read(rd[0], dst, dstOffset, len);
                    assertEquals(50, bb.position(), "destination position restored");
                    assertEquals(100, bb.limit(), "destination limit restored");
                    bb.clear();
                    assertEquals((int) Math.min(len, all.length - rd[0]), n);
                    final byte[] got = new byte[n];
                    dst.getBytes(dstOffset, got);
                    assertArrayEquals(java.util.Arrays.copyOfRange(all, (int) rd[0], (int) rd[0] + n), got,
                        "read of " + len + " at " + rd[0] + " into offset " + dstOffset);
                    if (dstOffset > 0) {
                        assertEquals((byte) 0x5A, dst.getByte(dstOffset - 1), "byte before the range untouched");
                    }
                    if (dstOffset + n < dst.capacity()) {
                        assertEquals((byte) 0x5A, dst.getByte(dstOffset + n), "byte after the range untouched");
                    }
                }
            }
        }
    }

    private static void fillPattern(final UnsafeBuffer buf, final long pos, final int n) {
        for (int i = 0; i < n; i += 8) {
            buf.putLong(i, pos + i, ByteOrder.LITTLE_ENDIAN);
        }
    }

    @Test
    void concurrentReaders() throws Exception {
        final long seed = TestSeeds.seed(getClass().getSimpleName() + ".concurrentReaders");
        final Tier tier = openTier();
        final UnsafeBuffer data = random(new Random(seed), 3 << 20);
        try (SegmentWriter w = tier.create(3)) {
            w.append(data, 0, data.capacity());
            w.seal();
        }
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SegmentReader r = tier.open(3)) {
            final List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final Random rnd = new Random(seed + t);
                futures.add(pool.submit(() -> {
                    final UnsafeBuffer dst = direct(70_000);
                    for (int i = 0; i < 500; i++) {
                        final int len = 1 + rnd.nextInt(70_000);
                        final int at = rnd.nextInt(data.capacity() - len);
                        assertEquals(len, r.read(at, dst, 0, len));
                        for (int j = 0; j < len; j += 97) {
                            assertEquals(data.getByte(at + j), dst.getByte(j), "offset " + (at + j));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void concurrentWritersAndTierOperations() throws Exception {
        final long seed = TestSeeds.seed(getClass().getSimpleName() + ".concurrentWritersAndTierOperations");
        final Tier tier = openTier();
        final int writers = 4;
        final ExecutorService pool = Executors.newFixedThreadPool(writers);
        final List<UnsafeBuffer> data = new ArrayList<>();
        try {
            final List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                final long id = 100 + t;
                final UnsafeBuffer bytes = random(new Random(seed + t), 200_000);
                data.add(bytes);
                futures.add(pool.submit(() -> {
                    try (SegmentWriter w = tier.create(id)) {
                        for (int off = 0; off < bytes.capacity(); off += 10_000) {
                            w.append(bytes, off, 10_000);
                            if (off % 50_000 == 0) {
                                w.sync();
                            }
                        }
                        w.seal();
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 20; i++) {
                try (SegmentWriter w = tier.create(200 + i)) {
                    w.append(data.get(0), 0, 10);
                    w.seal();
                }
                tier.list((id, sealed, length) -> { });
                assertTrue(tier.delete(200 + i));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        for (int t = 0; t < writers; t++) {
            try (SegmentReader r = tier.open(100 + t)) {
                assertArrayEquals(data.get(t).byteArray(), readAll(r), "segment " + (100 + t));
            }
        }
    }

    @Test
    void listAndDelete() {
        final Tier tier = openTier();
        for (long id : new long[] {30, 10, 20}) {
            try (SegmentWriter w = tier.create(id)) {
                w.append(new UnsafeBuffer(new byte[(int) id]), 0, (int) id);
                w.seal();
            }
        }
        final SegmentWriter open = tier.create(40);
        open.append(new UnsafeBuffer(new byte[5]), 0, 5);
        open.sync();
        final List<String> seen = new ArrayList<>();
        tier.list((id, sealed, length) -> seen.add(id + ":" + sealed + ":" + length));
        assertEquals(List.of("10:true:10", "20:true:20", "30:true:30", "40:false:5"), seen);
        assertTrue(tier.delete(20));
        assertFalse(tier.delete(20), "delete is idempotent");
        assertThrows(SegmentNotFoundException.class, () -> tier.open(20));
        assertTrue(tier.delete(40), "an unsealed segment can be deleted");
        assertThrows(TierClosedException.class, () -> open.append(new UnsafeBuffer(new byte[1]), 0, 1));
        open.close();
        seen.clear();
        tier.list((id, sealed, length) -> seen.add(id + ":" + sealed));
        assertEquals(List.of("10:true", "30:true"), seen);
    }

    @Test
    void reopenAfterClose() {
        final Random rnd = new Random(TestSeeds.seed(getClass().getSimpleName() + ".reopenAfterClose"));
        final UnsafeBuffer sealed = random(rnd, 10_000);
        final UnsafeBuffer synced = random(rnd, 3000);
        final UnsafeBuffer meta = random(rnd, 100);
        final Tier first = openTier();
        try (SegmentWriter w = first.create(1)) {
            w.append(sealed, 0, sealed.capacity());
            w.seal();
        }
        final SegmentWriter w2 = first.create(2);
        w2.append(synced, 0, synced.capacity());
        w2.sync();
        first.writeMetadata(meta, 0, meta.capacity());
        first.close();
        assertThrows(TierClosedException.class, () -> w2.append(synced, 0, 1), "closing the tier closes its writers");

        final Tier second = openTier();
        try (SegmentReader r = second.open(1)) {
            assertArrayEquals(sealed.byteArray(), readAll(r));
        }
        try (SegmentReader r = second.openUnsealed(2)) {
            assertArrayEquals(synced.byteArray(), readAll(r));
        }
        assertArrayEquals(meta.byteArray(), second.readMetadata());
        assertThrows(SegmentExistsException.class, () -> second.create(1));
    }

    @Test
    void metadataSlotRoundTrip() {
        final Random rnd = new Random(TestSeeds.seed(getClass().getSimpleName() + ".metadataSlotRoundTrip"));
        final Tier tier = openTier();
        assertNull(tier.readMetadata());
        assertTrue(tier.maxMetadataLength() >= 1 << 20);
        final UnsafeBuffer small = random(rnd, 10);
        tier.writeMetadata(small, 2, 5);
        assertArrayEquals(java.util.Arrays.copyOfRange(small.byteArray(), 2, 7), tier.readMetadata());
        final UnsafeBuffer big = random(rnd, 1 << 20);
        tier.writeMetadata(big, 0, big.capacity());
        assertArrayEquals(big.byteArray(), tier.readMetadata());
        tier.writeMetadata(small, 0, 0);
        assertArrayEquals(new byte[0], tier.readMetadata());
        final UnsafeBuffer tooBig = new UnsafeBuffer(new byte[tier.maxMetadataLength() + 1]);
        assertThrows(IllegalArgumentException.class, () -> tier.writeMetadata(tooBig, 0, tooBig.capacity()));
        assertArrayEquals(new byte[0], tier.readMetadata(), "a refused write leaves the slot as it was");
    }

    @Test
    void openUnsealedAndSealUnsealed() {
        final Random rnd = new Random(TestSeeds.seed(getClass().getSimpleName() + ".openUnsealedAndSealUnsealed"));
        final Tier tier = openTier();
        final UnsafeBuffer a = random(rnd, 5000);
        final UnsafeBuffer b = random(rnd, 700);
        final SegmentWriter w = tier.create(9);
        w.append(a, 0, a.capacity());
        w.sync();
        assertThrows(IllegalStateException.class, () -> tier.openUnsealed(9), "a writer still holds it");
        assertThrows(SegmentNotSealedException.class, () -> tier.open(9));
        w.append(b, 0, b.capacity());
        w.close();
        final long durable;
        try (SegmentReader r = tier.openUnsealed(9)) {
            durable = r.length();
            assertTrue(durable >= a.capacity() && durable <= a.capacity() + b.capacity(), "durable length " + durable);
            assertArrayEquals(java.util.Arrays.copyOf(concat(a, b), (int) durable), readAll(r));
        }
        assertThrows(IllegalArgumentException.class, () -> tier.sealUnsealed(9, durable + 1));
        tier.sealUnsealed(9, 4000);
        try (SegmentReader r = tier.open(9)) {
            assertArrayEquals(java.util.Arrays.copyOf(a.byteArray(), 4000), readAll(r));
        }
        assertThrows(IllegalStateException.class, () -> tier.openUnsealed(9), "it is sealed now");
        assertThrows(SegmentNotFoundException.class, () -> tier.openUnsealed(99));
        assertThrows(SegmentNotFoundException.class, () -> tier.sealUnsealed(99, 0));
    }

    @Test
    void misuseIsTyped() {
        final Tier tier = openTier();
        final SegmentWriter w = tier.create(5);
        assertThrows(SegmentExistsException.class, () -> tier.create(5), "reused id of an unsealed segment");
        w.seal();
        assertThrows(SegmentExistsException.class, () -> tier.create(5), "reused id of a sealed segment");
        assertThrows(TierClosedException.class, () -> w.append(new UnsafeBuffer(new byte[1]), 0, 1), "append after seal");
        w.close();
        assertThrows(SegmentNotFoundException.class, () -> tier.open(6));
        final SegmentReader r = tier.open(5);
        final UnsafeBuffer dst = new UnsafeBuffer(new byte[8]);
        assertThrows(IllegalArgumentException.class, () -> r.read(-1, dst, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> r.read(0, dst, 4, 5));
        r.close();
        r.close();
        assertThrows(TierClosedException.class, () -> r.read(0, dst, 0, 1));
        tier.close();
        tier.close();
        assertThrows(TierClosedException.class, () -> tier.create(8));
        assertThrows(TierClosedException.class, () -> tier.open(5));
        assertThrows(TierClosedException.class, () -> tier.list((id, s, l) -> { }));
        assertThrows(TierClosedException.class, tier::readMetadata);
    }
}
