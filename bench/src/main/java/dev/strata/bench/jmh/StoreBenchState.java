package dev.strata.bench.jmh;

import dev.strata.bench.lab.OffHeap;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What every engine's single-threaded state shares (the parameters, the key order, the caller's
 * buffers): the benchmarks of {@code StoreStrataBenchmark}, {@code StoreRocksDbBenchmark} and
 * {@code StoreLmdbBenchmark} differ only in the engine calls. Buffers are direct, and each comes as
 * a {@link ByteBuffer} (for RocksDB's JNI calls) and an {@link UnsafeBuffer} over the same memory
 * (for Strata and LMDB).
 */
@State(Scope.Thread)
public abstract class StoreBenchState {
    /** Number of distinct keys: loaded before get and scan, and the key space bulk puts cycle through. */
    @Param("1000000")
    public int keys;

    /** Key order of the operations (and of the preload): {@code seq} or {@code rnd}; see {@link StoreWorkload}. */
    @Param({StoreWorkload.SEQUENTIAL, StoreWorkload.RANDOM})
    public String order;

    /** Capacity of the caller's output buffers (values are {@value StoreWorkload#VALUE_LENGTH} bytes). */
    static final int OUT_CAPACITY = 4096;

    protected Path dir;
    protected int[] sequence;
    protected int next;

    protected ByteBuffer poolBuffer;
    protected UnsafeBuffer pool;
    protected ByteBuffer keyBuffer;
    protected UnsafeBuffer key;
    /** A view of one value in the pool, for APIs that take a whole buffer (LMDB). */
    protected final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);
    /** Where gets and scans deliver values (and scans keys): the caller's buffers. */
    protected ByteBuffer valueOutBuffer;
    protected UnsafeBuffer valueOut;
    protected ByteBuffer keyOutBuffer;
    protected UnsafeBuffer keyOut;

    /** Creates the data directory and the buffers; call first from the engine's trial setup. */
    protected void prepare(final String engine) {
        dir = TierSetup.freshDirectory("store-" + engine);
        sequence = StoreWorkload.order(order, keys);
        next = 0;
        pool = StoreWorkload.newValuePool();
        poolBuffer = pool.byteBuffer();
        key = OffHeap.allocate(StoreWorkload.KEY_LENGTH);
        keyBuffer = key.byteBuffer();
        valueOut = OffHeap.allocate(OUT_CAPACITY);
        valueOutBuffer = valueOut.byteBuffer();
        keyOut = OffHeap.allocate(OUT_CAPACITY);
        keyOutBuffer = keyOut.byteBuffer();
    }

    /**
     * Writes the next key of the order into {@link #key} (its {@link #keyBuffer} is positioned on it).
     *
     * @return its index
     */
    protected final int nextKey() {
        final int index = sequence[next];
        if (++next == sequence.length) {
            next = 0;
        }
        StoreWorkload.putKey(key, 0, index);
        keyBuffer.clear();
        return index;
    }

    /** @return {@link #poolBuffer} positioned on the value of key {@code index} */
    protected final ByteBuffer valueBuffer(final int index) {
        final int offset = StoreWorkload.valueOffset(index);
        poolBuffer.clear().position(offset).limit(offset + StoreWorkload.VALUE_LENGTH);
        return poolBuffer;
    }

    /** @return {@link #valueView} on the value of key {@code index} */
    protected final UnsafeBuffer valueView(final int index) {
        valueView.wrap(pool, StoreWorkload.valueOffset(index), StoreWorkload.VALUE_LENGTH);
        return valueView;
    }

    /** @return whether a check of key {@code i} belongs to the sample every setup reads back (about 1,000 keys) */
    protected final boolean sampled(final int i) {
        return i % Math.max(1, keys / 1000) == 0 || i == keys - 1;
    }

    /** Frees the buffers and deletes the data directory; call last from the engine's trial teardown. */
    protected void cleanUp() {
        if (pool != null) {
            OffHeap.free(pool);
            OffHeap.free(key);
            OffHeap.free(valueOut);
            OffHeap.free(keyOut);
            pool = null;
        }
        if (dir != null) {
            TierSetup.deleteRecursively(dir);
            dir = null;
        }
    }
}
