package dev.strata.engine.sst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Blocks built from random sorted entries read back forward, backward and by seek exactly as a
 * {@link TreeMap} model says. Seeds printed; replay with -Dstrata.seed=N.
 */
class DataBlockTest {
    private record IKey(byte[] key, long trailer) implements Comparable<IKey> {
        @Override
        public int compareTo(final IKey o) {
            return KeyComparator.compareInternal(new UnsafeBuffer(key), 0, key.length, trailer, new UnsafeBuffer(o.key), 0, o.key.length, o.trailer);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 16, 1000})
    void readsBackForwardBackwardAndBySeek(final int restartInterval) {
        final long seed = Long.getLong("strata.seed", System.nanoTime());
        System.out.println("DataBlockTest seed=" + seed + " restartInterval=" + restartInterval);
        final Random random = new Random(seed);
        final TreeMap<IKey, byte[]> model = new TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            final byte[] key = new byte[1 + random.nextInt(12)];
            for (int j = 0; j < key.length; j++) {
                key[j] = (byte)(j < 3 ? 'k' : random.nextInt(256));
            }
            final byte[] value = new byte[random.nextInt(30)];
            random.nextBytes(value);
            model.put(new IKey(key, Trailer.pack(1 + random.nextInt(1000), EntryKind.PUT)), value);
        }
        try (DataBlockBuilder builder = new DataBlockBuilder(restartInterval);
             DataBlockCursor cursor = new DataBlockCursor()) {
            for (Map.Entry<IKey, byte[]> e : model.entrySet()) {
                builder.add(new UnsafeBuffer(e.getKey().key()), 0, e.getKey().key().length, e.getKey().trailer(),
                    new UnsafeBuffer(e.getValue()), 0, e.getValue().length);
            }
            final int length = builder.finish();
            final byte[] copy = new byte[length + 10];
            builder.buffer().getBytes(0, copy, 10, length);
            cursor.wrap(new UnsafeBuffer(copy), 10, length);

            final List<IKey> keys = new ArrayList<>(model.keySet());
            cursor.seekToFirst();
            for (IKey k : keys) {
                assertTrue(cursor.isValid());
                assertEntry(k, model.get(k), cursor);
                cursor.next();
            }
            assertFalse(cursor.isValid());

            cursor.seekToLast();
            for (int i = keys.size() - 1; i >= 0; i--) {
                assertTrue(cursor.isValid(), "backward at " + i);
                assertEntry(keys.get(i), model.get(keys.get(i)), cursor);
                cursor.prev();
            }
            assertFalse(cursor.isValid());

            for (int i = 0; i < 2000; i++) {
                final byte[] target = new byte[1 + random.nextInt(12)];
                for (int j = 0; j < target.length; j++) {
                    target[j] = (byte)(j < 3 ? 'k' : random.nextInt(256));
                }
                final long trailer = Trailer.seekTrailer(random.nextInt(1100));
                final IKey expected = model.ceilingKey(new IKey(target, trailer));
                cursor.seek(new UnsafeBuffer(target), 0, target.length, trailer);
                if (expected == null) {
                    assertFalse(cursor.isValid());
                } else {
                    assertEntry(expected, model.get(expected), cursor);
                }
            }
        }
    }

    @Test
    void rejectsARestartCountThatDoesNotFit() {
        try (DataBlockBuilder builder = new DataBlockBuilder(16);
             DataBlockCursor cursor = new DataBlockCursor()) {
            final UnsafeBuffer k = new UnsafeBuffer("key".getBytes());
            builder.add(k, 0, 3, Trailer.pack(1, EntryKind.PUT), k, 0, 3);
            final int length = builder.finish();
            final UnsafeBuffer block = new UnsafeBuffer(new byte[length]);
            block.putBytes(0, builder.buffer(), 0, length);
            block.putInt(length - 4, 1_000_000, ByteOrder.LITTLE_ENDIAN);
            final BlockCorruptionException e = assertThrows(BlockCorruptionException.class, () -> cursor.wrap(block, 0, length));
            assertTrue(e.getMessage().contains("restart points"), e.getMessage());
        }
    }

    private static void assertEntry(final IKey expectedKey, final byte[] expectedValue, final DataBlockCursor cursor) {
        assertArrayEquals(expectedKey.key(), bytes(cursor.key(), 0, cursor.keyLength()));
        assertEquals(expectedKey.trailer(), cursor.trailer());
        assertArrayEquals(expectedValue, bytes(cursor.value(), cursor.valueOffset(), cursor.valueLength()));
    }

    private static byte[] bytes(final DirectBuffer buffer, final int offset, final int length) {
        final byte[] out = new byte[length];
        buffer.getBytes(offset, out);
        return out;
    }
}
