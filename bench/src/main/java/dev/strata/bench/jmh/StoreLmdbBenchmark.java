package dev.strata.bench.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.DirectBufferProxy;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;
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
 * LMDB (lmdbjava over Agrona buffers, {@link DirectBufferProxy#PROXY_DB}) in the store
 * comparison: the benchmarks of {@link StoreStrataBenchmark}, by name and workload.
 *
 * <p>Configuration: LMDB's defaults (no {@code MDB_WRITEMAP}, one named database) with a 4 GiB
 * map (sparse; the data file grows as pages are written), and {@code MDB_NOSYNC} for the
 * non-durable benchmarks.
 *
 * <ul>
 *   <li>{@code bulkPut}: one write transaction per put (as Strata and RocksDB commit each put), env
 *       flag {@code MDB_NOSYNC}.</li>
 *   <li>{@code get}: one read transaction, renewed before and reset after each get, so that each
 *       get reads the newest data as Strata's and RocksDB's do; the value (a view into the map) is
 *       copied into the caller's buffer as Strata's and RocksDB's are.</li>
 *   <li>{@code scanNext}: one cursor step in a read transaction held for the trial; key and value
 *       copied into the caller's buffers.</li>
 *   <li>{@code durablePut1}, {@code durablePut16}: one write transaction per put with LMDB's
 *       default sync (data, then meta page, synced at commit); LMDB has one writer at a time, so
 *       the 16 threads queue for its write lock.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class StoreLmdbBenchmark {
    static final String ENGINE = "lmdb";
    static final long MAP_BYTES = 4L << 30;
    private static final int LOAD_BATCH = 1000;
    /** Passed to the varargs {@code put} so that the call site does not allocate an empty array per call. */
    private static final PutFlags[] NO_PUT_FLAGS = new PutFlags[0];
    private static final EnvFlags[] NO_SYNC = {EnvFlags.MDB_NOSYNC};
    private static final EnvFlags[] DEFAULT_SYNC = new EnvFlags[0];

    /** An open environment with one database. */
    static final class Db implements AutoCloseable {
        final Env<DirectBuffer> env;
        final Dbi<DirectBuffer> dbi;

        Db(final Path dir, final boolean sync) {
            env = Env.create(DirectBufferProxy.PROXY_DB).setMapSize(MAP_BYTES).setMaxDbs(1).open(dir.toFile(), sync ? DEFAULT_SYNC : NO_SYNC);
            dbi = env.openDbi("bench", DbiFlags.MDB_CREATE);
        }

        /** One put in its own write transaction. */
        void put(final DirectBuffer key, final DirectBuffer value) {
            try (Txn<DirectBuffer> txn = env.txnWrite()) {
                dbi.put(txn, key, value, NO_PUT_FLAGS);
                txn.commit();
            }
        }

        @Override
        public void close() {
            dbi.close();
            env.close();
        }
    }

    /** An environment that is empty at the start of every iteration ({@code bulkPut}). */
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
        public void openEmpty() throws IOException {
            next = 0;
            dbDir = Files.createDirectory(dir.resolve("iteration-" + iteration++));
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

    /** An environment holding every key; subclasses add the read transaction of their benchmark. */
    public abstract static class Loaded extends StoreBenchState {
        Db db;

        /** Loads and checks every key. */
        protected void load() {
            prepare(ENGINE);
            db = new Db(dir, false);
            Txn<DirectBuffer> txn = db.env.txnWrite();
            try {
                for (int i = 0; i < keys; i++) {
                    final int index = nextKey();
                    db.dbi.put(txn, key, valueView(index), NO_PUT_FLAGS);
                    if ((i + 1) % LOAD_BATCH == 0 || i == keys - 1) {
                        txn.commit();
                        txn.close();
                        txn = db.env.txnWrite();
                    }
                }
            } finally {
                txn.close();
            }
            verify();
            next = 0;
        }

        private void verify() {
            try (Txn<DirectBuffer> txn = db.env.txnRead()) {
                for (int i = 0; i < keys; i++) {
                    if (sampled(i)) {
                        StoreWorkload.putKey(key, 0, i);
                        final DirectBuffer v = db.dbi.get(txn, key);
                        StoreWorkload.checkValue(ENGINE, i, v == null ? -1 : v.capacity(), v, 0, pool);
                    }
                }
                long expected = 0;
                try (Cursor<DirectBuffer> c = db.dbi.openCursor(txn)) {
                    for (boolean on = c.first(); on; on = c.next()) {
                        final DirectBuffer k = c.key();
                        final long index = StoreWorkload.keyIndex(k, 0, k.capacity());
                        if (index != expected) {
                            throw new IllegalStateException(ENGINE + ": scan found key " + index + " where key " + expected + " was expected");
                        }
                        if (sampled((int)index)) {
                            final DirectBuffer v = c.val();
                            StoreWorkload.checkValue(ENGINE, index, v.capacity(), v, 0, pool);
                        }
                        expected++;
                    }
                }
                if (expected != keys) {
                    throw new IllegalStateException(ENGINE + ": scan found " + expected + " keys, expected " + keys);
                }
            }
        }

        protected void unload() {
            try {
                if (db != null) {
                    db.close();
                }
            } finally {
                cleanUp();
            }
        }
    }

    /** {@code get}: a read transaction kept reset between gets. */
    @State(Scope.Thread)
    public static class Reader extends Loaded {
        Txn<DirectBuffer> txn;

        @Setup(Level.Trial)
        public void setUp() {
            load();
            txn = db.env.txnRead();
            txn.reset();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                if (txn != null) {
                    txn.close();
                }
            } finally {
                unload();
            }
        }
    }

    /** {@code scanNext}: a cursor in a read transaction held for the trial. */
    @State(Scope.Thread)
    public static class Scanner extends Loaded {
        Txn<DirectBuffer> txn;
        Cursor<DirectBuffer> cursor;

        @Setup(Level.Trial)
        public void setUp() {
            load();
            txn = db.env.txnRead();
            cursor = db.dbi.openCursor(txn);
            if (!cursor.first()) {
                throw new IllegalStateException(ENGINE + ": the loaded database is empty");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                if (cursor != null) {
                    cursor.close();
                }
                if (txn != null) {
                    txn.close();
                }
            } finally {
                unload();
            }
        }
    }

    /** An environment shared by the writer threads, with LMDB's default (synced) commits. */
    @State(Scope.Benchmark)
    public static class Durable {
        Db db;
        private Path dir;

        @Setup(Level.Trial)
        public void setUp() {
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
    public int bulkPut(final Empty s) {
        final int index = s.nextKey();
        s.db.put(s.key, s.valueView(index));
        return index;
    }

    @Benchmark
    public int get(final Reader s) {
        s.nextKey();
        final Txn<DirectBuffer> txn = s.txn;
        txn.renew();
        try {
            return copy(s.db.dbi.get(txn, s.key), s.valueOut);
        } finally {
            txn.reset();
        }
    }

    @Benchmark
    public int scanNext(final Scanner s) {
        final Cursor<DirectBuffer> c = s.cursor;
        if (!c.next() && !c.first()) {
            return -1;
        }
        copy(c.key(), s.keyOut);
        return copy(c.val(), s.valueOut);
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
        d.db.put(w.key(), w.valueView(index));
        return index;
    }

    /** @return the length of {@code from} after copying it into {@code to}, or -1 for none */
    private static int copy(final DirectBuffer from, final MutableDirectBuffer to) {
        if (from == null) {
            return -1;
        }
        final int n = from.capacity();
        to.putBytes(0, from, 0, n);
        return n;
    }
}
