package dev.strata.bench.jmh;

import dev.strata.bench.lab.OffHeap;
import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One writer thread of the durable-put benchmarks: its own key and value buffers, and its own
 * keys, so that concurrent writers never write the same key. Thread {@code t} of {@code n} writes
 * keys {@code t, t + n, t + 2n, …} with the values of {@link StoreWorkload}. Shared by every engine
 * and by {@link FsyncBenchmark} (which appends the values).
 */
@State(Scope.Thread)
public class StoreWriterThread {
    private long next;
    private int stride;
    private UnsafeBuffer pool;
    private ByteBuffer poolBuffer;
    private UnsafeBuffer key;
    private ByteBuffer keyBuffer;
    private final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);

    @Setup(Level.Trial)
    public void setUp(final ThreadParams thread) {
        next = thread.getThreadIndex();
        stride = thread.getThreadCount();
        pool = StoreWorkload.newValuePool();
        poolBuffer = pool.byteBuffer();
        key = OffHeap.allocate(StoreWorkload.KEY_LENGTH);
        keyBuffer = key.byteBuffer();
    }

    /** @return the index of this thread's next key, written into {@link #key()} */
    long nextKey() {
        final long index = next;
        next += stride;
        StoreWorkload.putKey(key, 0, index);
        keyBuffer.clear();
        return index;
    }

    /** @return the key buffer (16 bytes, capacity = length) */
    UnsafeBuffer key() {
        return key;
    }

    /** @return the key as a {@link ByteBuffer} positioned on it */
    ByteBuffer keyBuffer() {
        return keyBuffer;
    }

    /** @return the value pool; the value of key {@code index} is at {@link StoreWorkload#valueOffset} */
    UnsafeBuffer pool() {
        return pool;
    }

    /** @return the pool as a {@link ByteBuffer} positioned on the value of key {@code index} */
    ByteBuffer valueBuffer(final long index) {
        final int offset = StoreWorkload.valueOffset(index);
        poolBuffer.clear().position(offset).limit(offset + StoreWorkload.VALUE_LENGTH);
        return poolBuffer;
    }

    /** @return a view of the value of key {@code index} (capacity = length) */
    UnsafeBuffer valueView(final long index) {
        valueView.wrap(pool, StoreWorkload.valueOffset(index), StoreWorkload.VALUE_LENGTH);
        return valueView;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        OffHeap.free(pool);
        OffHeap.free(key);
    }
}
