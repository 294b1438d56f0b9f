package dev.strata.bench.jmh;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * RocksDB (rocksdbjni) in the store comparison: the benchmarks of {@link StoreStrataBenchmark},
 * by name and workload.
 *
 * <p>Configuration: RocksDB's default options (memtable, compaction, 4 KiB blocks, Snappy, WAL on),
 * except the block cache, 64 MiB like Strata's default (RocksDB's default is 32 MiB), and a bloom
 * filter of 10 bits per key like Strata's (RocksDB has none by default). Calls use the JNI direct
 * {@link ByteBuffer} overloads, RocksDB's allocation-free path: {@code get} copies the value into
 * the caller's buffer, as Strata's does.
 *
 * <ul>
 *   <li>{@code bulkPut}: {@code put} with {@code WriteOptions.setSync(false)}, WAL on.</li>
 *   <li>{@code get}, {@code scanNext} (a {@link RocksIterator}): after the load,
 *       {@code flush()} + {@code compactRange()}.</li>
 *   <li>{@code durablePut1}, {@code durablePut16}: {@code put} with {@code setSync(true)}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class StoreRocksDbBenchmark {
    static final String ENGINE = "rocksdb";
    /** Block cache size: Strata's default. */
    static final long CACHE_BYTES = 64L << 20;
    static final double BLOOM_BITS_PER_KEY = 10;
    private static final int LOAD_BATCH = 1000;

    static {
        RocksDB.loadLibrary();
    }

    /** An open database with the options above and the write and read options of one benchmark. */
    static final class Db implements AutoCloseable {
        final RocksDB db;
        final WriteOptions write;
        final ReadOptions read;
        private final Options options;
        private final LRUCache cache;
        private final BloomFilter filter;

        Db(final Path dir, final boolean sync) throws RocksDBException {
            cache = new LRUCache(CACHE_BYTES);
            filter = new BloomFilter(BLOOM_BITS_PER_KEY);
            options = new Options().setCreateIfMissing(true)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter));
            write = new WriteOptions().setSync(sync).setDisableWAL(false);
            read = new ReadOptions();
            db = RocksDB.open(options, dir.toString());
        }

        /** Flushes the memtable and compacts everything into the last level, and waits. */
        void settle() throws RocksDBException {
            try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
                db.flush(flush);
            }
            db.compactRange();
        }

        @Override
        public void close() {
            db.close();
            read.close();
            write.close();
            options.close();
            filter.close();
            cache.close();
        }
    }

    /** A database that is empty at the start of every iteration ({@code bulkPut}). */
    @State(Scope.Thread)
    public static class Empty extends StoreBenchState {
        Db db;
        private Path dbDir;
        private int iteration;

        @Setup(Level.Trial)
        public void setUp() {
            prepare(ENGINE);
        }

        @Setup(Level.Iteration)
        public void openEmpty() throws RocksDBException {
            next = 0;
            dbDir = dir.resolve("iteration-" + iteration++);
            db = new Db(dbDir, false);
        }

        @TearDown(Level.Iteration)
        public void closeAndDelete() {
            db.close();
            TierSetup.deleteRecursively(dbDir);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            cleanUp();
        }
    }

    /** A database holding every key ({@code get}, {@code scanNext}). */
    @State(Scope.Thread)
    public static class Loaded extends StoreBenchState {
        Db db;
        RocksIterator iterator;

        @Setup(Level.Trial)
        public void setUp() throws RocksDBException {
            prepare(ENGINE);
            db = new Db(dir, false);
            try (WriteBatch batch = new WriteBatch()) {
                for (int i = 0; i < keys; i++) {
                    final int index = nextKey();
                    batch.put(keyBuffer, valueBuffer(index));
                    if (batch.count() == LOAD_BATCH || i == keys - 1) {
                        db.db.write(db.write, batch);
                        batch.clear();
                    }
                }
            }
            db.settle();
            verify();
            iterator = db.db.newIterator(db.read);
            iterator.seekToFirst();
            if (!iterator.isValid()) {
                throw new IllegalStateException(ENGINE + ": the loaded database is empty");
            }
        }

        private void verify() throws RocksDBException {
            for (int i = 0; i < keys; i++) {
                if (sampled(i)) {
                    StoreWorkload.putKey(key, 0, i);
                    keyBuffer.clear();
                    valueOutBuffer.clear();
                    final int n = db.db.get(db.read, keyBuffer, valueOutBuffer);
                    StoreWorkload.checkValue(ENGINE, i, n, valueOut, 0, pool);
                }
            }
            long expected = 0;
            try (RocksIterator it = db.db.newIterator(db.read)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    keyOutBuffer.clear();
                    final int keyLength = it.key(keyOutBuffer);
                    final long index = StoreWorkload.keyIndex(keyOut, 0, keyLength);
                    if (index != expected) {
                        throw new IllegalStateException(ENGINE + ": scan found key " + index + " where key " + expected + " was expected");
                    }
                    if (sampled((int)index)) {
                        valueOutBuffer.clear();
                        StoreWorkload.checkValue(ENGINE, index, it.value(valueOutBuffer), valueOut, 0, pool);
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
                if (iterator != null) {
                    iterator.close();
                }
                if (db != null) {
                    db.close();
                }
            } finally {
                cleanUp();
            }
        }
    }

    /** A database shared by the writer threads, syncing every write. */
    @State(Scope.Benchmark)
    public static class Durable {
        Db db;
        private Path dir;

        @Setup(Level.Trial)
        public void setUp() throws RocksDBException {
            dir = TierSetup.freshDirectory("store-" + ENGINE + "-durable");
            db = new Db(dir, true);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                db.close();
            } finally {
                TierSetup.deleteRecursively(dir);
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ByteBuffer bulkPut(final Empty s) throws RocksDBException {
        final int index = s.nextKey();
        final ByteBuffer value = s.valueBuffer(index);
        s.db.db.put(s.db.write, s.keyBuffer, value);
        return value;
    }

    @Benchmark
    public int get(final Loaded s) throws RocksDBException {
        s.nextKey();
        s.valueOutBuffer.clear();
        return s.db.db.get(s.db.read, s.keyBuffer, s.valueOutBuffer);
    }

    @Benchmark
    public int scanNext(final Loaded s) {
        final RocksIterator it = s.iterator;
        it.next();
        if (!it.isValid()) {
            it.seekToFirst();
        }
        s.keyOutBuffer.clear();
        s.valueOutBuffer.clear();
        it.key(s.keyOutBuffer);
        return it.value(s.valueOutBuffer);
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ByteBuffer durablePut1(final Durable d, final StoreWriterThread w) throws RocksDBException {
        return durablePut(d, w);
    }

    @Benchmark
    @Threads(16)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public ByteBuffer durablePut16(final Durable d, final StoreWriterThread w) throws RocksDBException {
        return durablePut(d, w);
    }

    private static ByteBuffer durablePut(final Durable d, final StoreWriterThread w) throws RocksDBException {
        final long index = w.nextKey();
        final ByteBuffer value = w.valueBuffer(index);
        d.db.db.put(d.db.write, w.keyBuffer(), value);
        return value;
    }
}
