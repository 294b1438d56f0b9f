package dev.strata.bench.jmh;

import dev.strata.bench.lab.OffHeap;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One thread of the transaction benchmarks: its key choices and the caller's buffers of one
 * transfer (two keys, two values), direct, each as an {@link UnsafeBuffer} (Strata) and a
 * {@link ByteBuffer} over the same memory (RocksDB's JNI calls). Engines add their transaction
 * object.
 */
@State(Scope.Thread)
public abstract class TransferWorker implements AutoCloseable {
    /** Capacity of each value buffer; values are {@value StoreWorkload#VALUE_LENGTH} bytes. */
    static final int VALUE_CAPACITY = 128;

    private SplittableRandom random;
    private int keys;
    private double[] zipfCdf;
    private int[] rankToKey;
    /** The accounts of the current transfer: money moves from {@code from} to {@code to}. */
    int from;
    int to;
    UnsafeBuffer fromKey;
    UnsafeBuffer toKey;
    UnsafeBuffer fromValue;
    UnsafeBuffer toValue;
    ByteBuffer fromKeyBuffer;
    ByteBuffer toKeyBuffer;
    ByteBuffer fromValueBuffer;
    ByteBuffer toValueBuffer;

    /** Allocates the buffers and seeds the key choice; call first from the engine's worker setup. */
    protected void prepare(final TransactionBenchState shared, final int threadIndex) {
        random = new SplittableRandom(shared.seed + threadIndex);
        keys = shared.keys;
        zipfCdf = shared.zipfCdf;
        rankToKey = shared.rankToKey;
        fromKey = OffHeap.allocate(StoreWorkload.KEY_LENGTH);
        toKey = OffHeap.allocate(StoreWorkload.KEY_LENGTH);
        fromValue = OffHeap.allocate(VALUE_CAPACITY);
        toValue = OffHeap.allocate(VALUE_CAPACITY);
        fromKeyBuffer = fromKey.byteBuffer();
        toKeyBuffer = toKey.byteBuffer();
        fromValueBuffer = fromValue.byteBuffer();
        toValueBuffer = toValue.byteBuffer();
    }

    /** Picks the two distinct accounts of the next transfer and writes their keys. */
    final void pick() {
        from = draw();
        int t = draw();
        while (t == from) {
            t = draw();
        }
        to = t;
        StoreWorkload.putKey(fromKey, 0, from);
        StoreWorkload.putKey(toKey, 0, to);
    }

    private int draw() {
        return zipfCdf == null ? random.nextInt(keys) : rankToKey[TransactionWorkload.zipfRank(zipfCdf, random.nextDouble())];
    }

    /** Moves 1 from the {@code from} value to the {@code to} value (both read into the buffers). */
    final void move() {
        TransactionWorkload.addToBalance(fromValue, 0, -1);
        TransactionWorkload.addToBalance(toValue, 0, 1);
    }

    /** @throws IllegalStateException naming the engine and key if a read did not find a whole account */
    static void checkFound(final String engine, final int index, final int length) {
        if (length != StoreWorkload.VALUE_LENGTH) {
            throw new IllegalStateException(engine + ": account " + index + " read " + length + " bytes, expected " + StoreWorkload.VALUE_LENGTH
                + " (a preloaded key is missing)");
        }
    }

    /** Frees the buffers; idempotent. Engines close their transaction first. */
    @Override
    public void close() {
        if (fromKey != null) {
            OffHeap.free(fromKey);
            OffHeap.free(toKey);
            OffHeap.free(fromValue);
            OffHeap.free(toValue);
            fromKey = null;
        }
    }
}
