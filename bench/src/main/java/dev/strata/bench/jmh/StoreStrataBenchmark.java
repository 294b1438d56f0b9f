package dev.strata.bench.jmh;

import dev.strata.Cursor;
import dev.strata.Namespace;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import dev.strata.WriteBatch;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Strata in the store comparison: the same benchmarks, by name and workload, as
 * {@link StoreRocksDbBenchmark} and {@link StoreLmdbBenchmark}, with {@link FsyncBenchmark} as the
 * floor of a durable put. Run them together: {@code strata bench 'Store.*Benchmark|FsyncBenchmark'
 * -prof gc -prof dev.strata.bench.jmh.WorkerAllocationProfiler}.
 *
 * <p>Configuration: Strata's defaults (file tier, LZ4, 8 KiB blocks, 64 MiB memtable, 64 MiB block
 * cache, 10 bloom bits per key) with the sync policy each benchmark names.
 *
 * <ul>
 *   <li>{@code bulkPut}: one {@code put} per operation, {@link SyncPolicy#NEVER}, into a store that
 *       is empty at the start of each iteration.</li>
 *   <li>{@code get}: the value of an existing key copied into the caller's buffer.</li>
 *   <li>{@code scanNext}: one cursor step, key and value copied into the caller's buffers; back to
 *       the first key at the end.</li>
 *   <li>{@code durablePut1}, {@code durablePut16}: one {@code put} per operation with
 *       {@link SyncPolicy#EVERY_COMMIT} from 1 or 16 threads (the store starts empty).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class StoreStrataBenchmark {
    static final String ENGINE = "strata";
    private static final int LOAD_BATCH = 1000;

    static Store open(final Path dir, final SyncPolicy sync) {
        return Strata.open(StoreConfig.builder(dir).syncPolicy(sync).build());
    }

    /** A store that is empty at the start of every iteration ({@code bulkPut}). */
    @State(Scope.Thread)
    public static class Empty extends StoreBenchState {
        Store store;
        private Path storeDir;
        private int iteration;

        @Setup(Level.Trial)
        public void setUp() {
            prepare(ENGINE);
        }

        @Setup(Level.Iteration)
        public void openEmpty() {
            next = 0;
            storeDir = dir.resolve("iteration-" + iteration++);
            store = open(storeDir, SyncPolicy.NEVER);
        }

        @TearDown(Level.Iteration)
        public void closeAndDelete() {
            store.close();
            TierSetup.deleteRecursively(storeDir);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            cleanUp();
        }
    }

    /** A store holding every key ({@code get}, {@code scanNext}). */
    @State(Scope.Thread)
    public static class Loaded extends StoreBenchState {
        Store store;
        Cursor cursor;

        @Setup(Level.Trial)
        public void setUp() {
            prepare(ENGINE);
            store = open(dir, SyncPolicy.NEVER);
            try (WriteBatch batch = store.newBatch()) {
                for (int i = 0; i < keys; i++) {
                    final int index = nextKey();
                    batch.put(store, key, 0, StoreWorkload.KEY_LENGTH, pool, StoreWorkload.valueOffset(index), StoreWorkload.VALUE_LENGTH);
                    if (batch.size() == LOAD_BATCH || i == keys - 1) {
                        store.write(batch);
                        batch.clear();
                    }
                }
            }
            // Reads measure the settled store: after flush() + compact() every key is in one sorted
            // run of segments (no memtable, no level-0 overlap), as RocksDB's reads after its
            // compactRange() and LMDB's always-sorted B+tree. Without this, the last ~64 MiB loaded
            // would sit in the memtable and gets would measure a mix of memtable and segment reads.
            store.flush();
            store.compact();
            verify();
            cursor = store.newCursor();
            if (!cursor.first()) {
                throw new IllegalStateException(ENGINE + ": the loaded store is empty");
            }
        }

        private void verify() {
            for (int i = 0; i < keys; i++) {
                if (sampled(i)) {
                    StoreWorkload.putKey(key, 0, i);
                    final int n = store.get(key, 0, StoreWorkload.KEY_LENGTH, valueOut, 0);
                    StoreWorkload.checkValue(ENGINE, i, n, valueOut, 0, pool);
                }
            }
            long expected = 0;
            try (Cursor c = store.newCursor()) {
                for (boolean on = c.first(); on; on = c.next()) {
                    final DirectBuffer k = c.key();
                    final long index = StoreWorkload.keyIndex(k, 0, k.capacity());
                    if (index != expected) {
                        throw new IllegalStateException(ENGINE + ": scan found key " + index + " where key " + expected + " was expected");
                    }
                    if (sampled((int)index)) {
                        final DirectBuffer v = c.value();
                        StoreWorkload.checkValue(ENGINE, index, v.capacity(), v, 0, pool);
                    }
                    expected++;
                }
            }
            if (expected != keys) {
                throw new IllegalStateException(ENGINE + ": scan found " + expected + " keys, expected " + keys);
            }
            next = 0;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                if (cursor != null) {
                    cursor.close();
                }
                if (store != null) {
                    store.close();
                }
            } finally {
                cleanUp();
            }
        }
    }

    /** A store shared by the writer threads, syncing every commit. */
    @State(Scope.Benchmark)
    public static class Durable {
        Store store;
        private Path dir;

        @Setup(Level.Trial)
        public void setUp() {
            dir = TierSetup.freshDirectory("store-" + ENGINE + "-durable");
            store = open(dir, SyncPolicy.EVERY_COMMIT);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                store.close();
            } finally {
                TierSetup.deleteRecursively(dir);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long bulkPut(final Empty s) {
        final int index = s.nextKey();
        return s.store.put(s.key, 0, StoreWorkload.KEY_LENGTH, s.pool, StoreWorkload.valueOffset(index), StoreWorkload.VALUE_LENGTH);
    }

    @Benchmark
    public int get(final Loaded s) {
        s.nextKey();
        return s.store.get(s.key, 0, StoreWorkload.KEY_LENGTH, s.valueOut, 0);
    }

    @Benchmark
    public int scanNext(final Loaded s) {
        final Cursor c = s.cursor;
        if (!c.next() && !c.first()) {
            return Namespace.NOT_FOUND;
        }
        final DirectBuffer k = c.key();
        final DirectBuffer v = c.value();
        s.keyOut.putBytes(0, k, 0, k.capacity());
        s.valueOut.putBytes(0, v, 0, v.capacity());
        return v.capacity();
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long durablePut1(final Durable d, final StoreWriterThread w) {
        return durablePut(d, w);
    }

    @Benchmark
    @Threads(16)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long durablePut16(final Durable d, final StoreWriterThread w) {
        return durablePut(d, w);
    }

    private static long durablePut(final Durable d, final StoreWriterThread w) {
        final long index = w.nextKey();
        return d.store.put(w.key(), 0, StoreWorkload.KEY_LENGTH, w.pool(), StoreWorkload.valueOffset(index), StoreWorkload.VALUE_LENGTH);
    }
}
