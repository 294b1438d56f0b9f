package dev.strata.engine.memtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The memtable against a {@link TreeMap} model of internal keys; snapshot seeks; reverse order;
 * readers concurrent with the writer; a full arena. Seeds are printed; replay with -Dstrata.seed=N.
 */
class MemtableTest {
    private static long seed() {
        final long seed = Long.getLong("strata.seed", System.nanoTime());
        System.out.println("MemtableTest seed=" + seed + " (replay with -Dstrata.seed=" + seed + ")");
        return seed;
    }

    /** Model key: user key bytes compared unsigned, then sequence descending. */
    private record IKey(byte[] key, long trailer) implements Comparable<IKey> {
        @Override
        public int compareTo(final IKey o) {
            return KeyComparator.compareInternal(new UnsafeBuffer(key), 0, key.length, trailer,
                new UnsafeBuffer(o.key), 0, o.key.length, o.trailer);
        }
    }

    @Test
    void matchesTreeMapModelInOrderForwardAndBackward() {
        final Random random = new Random(seed());
        final TreeMap<IKey, byte[]> model = new TreeMap<>();
        try (Memtable table = new Memtable(8 << 20, random.nextLong())) {
            long sequence = 0;
            for (int i = 0; i < 20_000; i++) {
                final byte[] key = randomKey(random);
                final byte[] value = new byte[random.nextInt(40)];
                random.nextBytes(value);
                final long trailer = Trailer.pack(++sequence, random.nextInt(10) == 0 ? EntryKind.DELETE : EntryKind.PUT);
                assertTrue(table.insert(0, new UnsafeBuffer(key), 0, key.length, trailer, new UnsafeBuffer(value), 0, value.length) > 0);
                model.put(new IKey(key, trailer), value);
            }
            assertEquals(model.size(), table.entries());
            int node = table.first();
            for (Map.Entry<IKey, byte[]> e : model.entrySet()) {
                assertTrue(node != MemtableNodeDescriptor.NULL, "memtable ended early");
                assertArrayEquals(e.getKey().key(), bytes(table.arena(), table.keyOffset(node), table.keyLength(node)));
                assertEquals(e.getKey().trailer(), table.trailer(node));
                assertArrayEquals(e.getValue(), bytes(table.arena(), table.valueOffset(node), table.valueLength(node)));
                node = table.next(node);
            }
            assertEquals(MemtableNodeDescriptor.NULL, node, "memtable has more entries than the model");
            int back = table.last();
            for (IKey k : model.descendingKeySet()) {
                assertEquals(k.trailer(), table.trailer(back));
                back = table.seekBefore(0, table.arena(), table.keyOffset(back), table.keyLength(back), table.trailer(back));
            }
            assertEquals(MemtableNodeDescriptor.NULL, back);
        }
    }

    @Test
    void seekFindsNewestVersionVisibleToASnapshot() {
        try (Memtable table = new Memtable(1 << 16, 42)) {
            final UnsafeBuffer k = key("k");
            for (long seq = 1; seq <= 5; seq++) {
                final UnsafeBuffer v = key("v" + seq);
                table.insert(0, k, 0, k.capacity(), Trailer.pack(seq * 10, EntryKind.PUT), v, 0, v.capacity());
            }
            for (long snapshot = 10; snapshot <= 60; snapshot++) {
                final int node = table.seek(0, k, 0, k.capacity(), Trailer.seekTrailer(snapshot));
                final long expected = Math.min(50, snapshot / 10 * 10);
                assertEquals(expected, Trailer.sequence(table.trailer(node)), "snapshot " + snapshot);
            }
            final int none = table.seek(0, k, 0, k.capacity(), Trailer.seekTrailer(9));
            assertEquals(MemtableNodeDescriptor.NULL, none, "no version is visible to snapshot 9");
        }
    }

    @Test
    void reportsFullWithoutCorruptingWhatIsStored() {
        try (Memtable table = new Memtable(4096, 7)) {
            final UnsafeBuffer value = new UnsafeBuffer(new byte[100]);
            int inserted = 0;
            while (true) {
                final UnsafeBuffer k = key(String.format("key-%05d", inserted));
                if (table.insert(0, k, 0, k.capacity(), Trailer.pack(inserted + 1, EntryKind.PUT), value, 0, 100) == Memtable.FULL) {
                    break;
                }
                inserted++;
            }
            assertTrue(inserted > 10 && inserted < 40, "inserted " + inserted);
            assertTrue(table.usedBytes() <= table.capacityBytes());
            int count = 0;
            for (int n = table.first(); n != MemtableNodeDescriptor.NULL; n = table.next(n)) {
                count++;
            }
            assertEquals(inserted, count);
        }
    }

    @Test
    void readersSeeOnlyCompleteNodesInOrderWhileTheWriterInserts() throws Exception {
        final Random random = new Random(seed());
        try (Memtable table = new Memtable(16 << 20, random.nextLong())) {
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final long[] writerDone = {0};
            final List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                final Thread t = new Thread(() -> {
                    try {
                        while (writerDone[0] == 0 || table.entries() == 0) {
                            checkSortedAndComplete(table);
                        }
                        checkSortedAndComplete(table);
                    } catch (final Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "memtable-reader-" + r);
                t.start();
                readers.add(t);
            }
            for (int i = 0; i < 50_000; i++) {
                final byte[] k = randomKey(random);
                final byte[] v = ("value-of-" + new String(k, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
                table.insert(0, new UnsafeBuffer(k), 0, k.length, Trailer.pack(i + 1, EntryKind.PUT), new UnsafeBuffer(v), 0, v.length);
            }
            synchronized (writerDone) {
                writerDone[0] = 1;
            }
            for (Thread t : readers) {
                t.join(30_000);
                assertFalse(t.isAlive(), "reader did not finish");
            }
            if (failure.get() != null) {
                throw new AssertionError("reader failed", failure.get());
            }
        }
    }

    /** Every value was written as "value-of-" + key: a torn node would break that or the order. */
    private static void checkSortedAndComplete(final Memtable table) {
        int prev = MemtableNodeDescriptor.NULL;
        for (int n = table.first(); n != MemtableNodeDescriptor.NULL; n = table.next(n)) {
            final byte[] k = bytes(table.arena(), table.keyOffset(n), table.keyLength(n));
            final byte[] v = bytes(table.arena(), table.valueOffset(n), table.valueLength(n));
            if (!Arrays.equals(v, ("value-of-" + new String(k, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1))) {
                throw new AssertionError("incomplete node at " + n);
            }
            if (prev != MemtableNodeDescriptor.NULL && KeyComparator.compareInternal(table.arena(), table.keyOffset(prev),
                table.keyLength(prev), table.trailer(prev), table.arena(), table.keyOffset(n), table.keyLength(n), table.trailer(n)) >= 0) {
                throw new AssertionError("out of order at " + n);
            }
            prev = n;
        }
    }

    private static byte[] randomKey(final Random random) {
        final byte[] key = new byte[1 + random.nextInt(random.nextBoolean() ? 4 : 24)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte)(random.nextBoolean() ? 'a' + random.nextInt(4) : random.nextInt(256));
        }
        return key;
    }

    private static UnsafeBuffer key(final String s) {
        return new UnsafeBuffer(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] bytes(final DirectBuffer buffer, final int offset, final int length) {
        final byte[] out = new byte[length];
        buffer.getBytes(offset, out);
        return out;
    }

    private static void assertArrayEquals(final byte[] expected, final byte[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }
}
