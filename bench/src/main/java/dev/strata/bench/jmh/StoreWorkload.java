package dev.strata.bench.jmh;

import dev.strata.bench.lab.OffHeap;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The data of the store benchmarks ({@code Store*Benchmark}), identical for every engine (after
 * lmdbjava/benchmarks' {@code Common}): keys, values and key orders.
 *
 * <ul>
 *   <li>Key {@code i}: 16 bytes, {@code i} as a big-endian {@code long} followed by 8 zero bytes,
 *       so unsigned-byte order (every engine's order) is numeric order.</li>
 *   <li>Value of key {@code i}: 100 bytes at a position derived from {@code i} in one 64 KiB block
 *       of seeded pseudo-random bytes: deterministic, different per key, incompressible.</li>
 *   <li>Order {@code seq}: keys 0, 1, 2, … ; {@code rnd}: a seeded permutation of them. Each
 *       benchmark walks its order and wraps around.</li>
 * </ul>
 */
final class StoreWorkload {
    static final int KEY_LENGTH = 16;
    static final int VALUE_LENGTH = 100;
    /** Seed of the value bytes and of the random order; fixed, so every engine and run sees the same data. */
    static final long SEED = 0x5EED_57A7AL;
    static final String SEQUENTIAL = "seq";
    static final String RANDOM = "rnd";

    private static final int POOL_POSITIONS = 1 << 16;

    private StoreWorkload() {
    }

    /**
     * @return a direct buffer holding the value bytes (free it with {@link OffHeap#free}); values are
     *     ranges of it ({@link #valueOffset})
     */
    static UnsafeBuffer newValuePool() {
        final UnsafeBuffer pool = OffHeap.allocate(POOL_POSITIONS + 128);
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i + 8 <= pool.capacity(); i += 8) {
            pool.putLong(i, random.nextLong());
        }
        return pool;
    }

    /** @return where the value of key {@code index} starts in the value pool */
    static int valueOffset(final long index) {
        return (int)((index * 0x9E37_79B9_7F4A_7C15L) >>> (64 - 16));
    }

    /** Writes key {@code index} at {@code offset}. */
    static void putKey(final MutableDirectBuffer buffer, final int offset, final long index) {
        buffer.putLong(offset, index, ByteOrder.BIG_ENDIAN);
        buffer.putLong(offset + 8, 0L);
    }

    /** @return the key index of a 16-byte key, or -1 if it is not a benchmark key */
    static long keyIndex(final DirectBuffer buffer, final int offset, final int length) {
        if (length != KEY_LENGTH || buffer.getLong(offset + 8) != 0L) {
            return -1;
        }
        return buffer.getLong(offset, ByteOrder.BIG_ENDIAN);
    }

    /**
     * @param order {@link #SEQUENTIAL} or {@link #RANDOM}
     * @return the key indices {@code 0..keys-1} in that order
     */
    static int[] order(final String order, final int keys) {
        if (keys < 1) {
            throw new IllegalArgumentException("keys must be positive, got " + keys);
        }
        final int[] sequence = new int[keys];
        for (int i = 0; i < keys; i++) {
            sequence[i] = i;
        }
        switch (order) {
            case SEQUENTIAL:
                return sequence;
            case RANDOM:
                final SplittableRandom random = new SplittableRandom(SEED);
                for (int i = keys - 1; i > 0; i--) {
                    final int j = random.nextInt(i + 1);
                    final int t = sequence[i];
                    sequence[i] = sequence[j];
                    sequence[j] = t;
                }
                return sequence;
            default:
                throw new IllegalArgumentException("unknown order '" + order + "': use " + SEQUENTIAL + " or " + RANDOM);
        }
    }

    /**
     * Checks a value read back for key {@code index}: the round-trip check of every engine's setup.
     *
     * @throws IllegalStateException naming the engine and key if the value is not the one written
     */
    static void checkValue(final String engine, final long index, final int length, final DirectBuffer value, final int offset,
        final UnsafeBuffer pool) {
        if (length != VALUE_LENGTH) {
            throw new IllegalStateException(engine + ": key " + index + " read back " + length + " bytes, expected " + VALUE_LENGTH);
        }
        final int expected = valueOffset(index);
        for (int i = 0; i < VALUE_LENGTH; i++) {
            if (value.getByte(offset + i) != pool.getByte(expected + i)) {
                throw new IllegalStateException(engine + ": key " + index + " read back a different value (first difference at byte " + i + ")");
            }
        }
    }
}
