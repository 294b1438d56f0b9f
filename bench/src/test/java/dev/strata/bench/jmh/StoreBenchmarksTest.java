package dev.strata.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lmdbjava.Txn;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Runs the store benchmarks' setup, methods and teardown outside JMH on a small store, for every
 * engine: setup loads and verifies the data (its own round-trip check), and here every get must
 * return the value of the key the benchmark asked for, every scan step the next key in order
 * (wrapping at the end), and puts — bulk and durable — must read back. No timing here: that is
 * JMH's job.
 */
class StoreBenchmarksTest {
    private static final int KEYS = 2_000;
    private static final ThreadParams ONE_THREAD = new ThreadParams(0, 1, 0, 1, 0, 1, 0, 1, 0, 1);

    /** An operation of a benchmark (RocksDB's throw a checked exception). */
    @FunctionalInterface
    interface Op {
        int run() throws Exception;
    }

    /**
     * Loads RocksDB's and LMDB's native libraries and fills lmdbjava's per-thread pool of buffer
     * views once, so that the leak check does not count these one-time allocations as leaks.
     */
    @BeforeAll
    static void warmUp() throws Exception {
        strataGetAndScan(StoreWorkload.SEQUENTIAL);
        rocksDbGetAndScan(StoreWorkload.SEQUENTIAL);
        lmdbGetAndScan(StoreWorkload.SEQUENTIAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {StoreWorkload.SEQUENTIAL, StoreWorkload.RANDOM})
    void strata(final String order) throws Exception {
        strataGetAndScan(order);
        final StoreStrataBenchmark bench = new StoreStrataBenchmark();
        final StoreStrataBenchmark.Empty s = configure(new StoreStrataBenchmark.Empty(), order);
        s.setUp();
        try {
            s.openEmpty();
            repeat(2 * KEYS, () -> (int)Math.min(Integer.MAX_VALUE, bench.bulkPut(s)));
            checkStrata(s.store, s, KEYS);
            s.closeAndDelete();
        } finally {
            s.tearDown();
        }
        final StoreStrataBenchmark.Durable d = new StoreStrataBenchmark.Durable();
        d.setUp();
        final StoreWriterThread w = writer();
        try {
            repeat(20, () -> (int)bench.durablePut1(d, w));
            final StoreBenchState check = configure(new StoreStrataBenchmark.Empty(), order);
            check.prepare("check");
            try {
                checkStrata(d.store, check, 20);
            } finally {
                check.cleanUp();
            }
        } finally {
            w.tearDown();
            d.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {StoreWorkload.SEQUENTIAL, StoreWorkload.RANDOM})
    void rocksDb(final String order) throws Exception {
        rocksDbGetAndScan(order);
        final StoreRocksDbBenchmark bench = new StoreRocksDbBenchmark();
        final StoreRocksDbBenchmark.Empty s = configure(new StoreRocksDbBenchmark.Empty(), order);
        s.setUp();
        try {
            s.openEmpty();
            repeat(2 * KEYS, () -> bench.bulkPut(s).position());
            checkRocksDb(s.db, s, KEYS);
            s.closeAndDelete();
        } finally {
            s.tearDown();
        }
        final StoreRocksDbBenchmark.Durable d = new StoreRocksDbBenchmark.Durable();
        d.setUp();
        final StoreWriterThread w = writer();
        try {
            repeat(20, () -> bench.durablePut1(d, w).position());
            final StoreBenchState check = configure(new StoreRocksDbBenchmark.Empty(), order);
            check.prepare("check");
            try {
                checkRocksDb(d.db, check, 20);
            } finally {
                check.cleanUp();
            }
        } finally {
            w.tearDown();
            d.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {StoreWorkload.SEQUENTIAL, StoreWorkload.RANDOM})
    void lmdb(final String order) throws Exception {
        lmdbGetAndScan(order);
        final StoreLmdbBenchmark bench = new StoreLmdbBenchmark();
        final StoreLmdbBenchmark.Empty s = configure(new StoreLmdbBenchmark.Empty(), order);
        s.setUp();
        try {
            s.openEmpty();
            repeat(2 * KEYS, () -> bench.bulkPut(s));
            checkLmdb(s.db, s, KEYS);
            s.closeAndDelete();
        } finally {
            s.tearDown();
        }
        final StoreLmdbBenchmark.Durable d = new StoreLmdbBenchmark.Durable();
        d.setUp();
        final StoreWriterThread w = writer();
        try {
            repeat(20, () -> (int)bench.durablePut1(d, w));
            final StoreBenchState check = configure(new StoreLmdbBenchmark.Empty(), order);
            check.prepare("check");
            try {
                checkLmdb(d.db, check, 20);
            } finally {
                check.cleanUp();
            }
        } finally {
            w.tearDown();
            d.tearDown();
        }
    }

    @Test
    void fsyncAppendsWholeRecords() throws Exception {
        final FsyncBenchmark bench = new FsyncBenchmark();
        bench.setUp();
        final StoreWriterThread w = writer();
        try {
            for (int i = 0; i < 20; i++) {
                assertEquals(StoreWorkload.VALUE_LENGTH, bench.durablePut1(w));
            }
        } finally {
            w.tearDown();
            bench.tearDown();
        }
    }

    private static void strataGetAndScan(final String order) throws Exception {
        final StoreStrataBenchmark bench = new StoreStrataBenchmark();
        final StoreStrataBenchmark.Loaded s = configure(new StoreStrataBenchmark.Loaded(), order);
        s.setUp();
        try {
            checkGets(StoreStrataBenchmark.ENGINE, s, () -> bench.get(s));
            checkScan(StoreStrataBenchmark.ENGINE, s, () -> bench.scanNext(s));
        } finally {
            s.tearDown();
        }
    }

    private static void rocksDbGetAndScan(final String order) throws Exception {
        final StoreRocksDbBenchmark bench = new StoreRocksDbBenchmark();
        final StoreRocksDbBenchmark.Loaded s = configure(new StoreRocksDbBenchmark.Loaded(), order);
        s.setUp();
        try {
            checkGets(StoreRocksDbBenchmark.ENGINE, s, () -> bench.get(s));
            checkScan(StoreRocksDbBenchmark.ENGINE, s, () -> bench.scanNext(s));
        } finally {
            s.tearDown();
        }
    }

    private static void lmdbGetAndScan(final String order) throws Exception {
        final StoreLmdbBenchmark bench = new StoreLmdbBenchmark();
        final StoreLmdbBenchmark.Reader r = configure(new StoreLmdbBenchmark.Reader(), order);
        r.setUp();
        try {
            checkGets(StoreLmdbBenchmark.ENGINE, r, () -> bench.get(r));
        } finally {
            r.tearDown();
        }
        final StoreLmdbBenchmark.Scanner s = configure(new StoreLmdbBenchmark.Scanner(), order);
        s.setUp();
        try {
            checkScan(StoreLmdbBenchmark.ENGINE, s, () -> bench.scanNext(s));
        } finally {
            s.tearDown();
        }
    }

    private static <S extends StoreBenchState> S configure(final S state, final String order) {
        state.keys = KEYS;
        state.order = order;
        return state;
    }

    private static StoreWriterThread writer() {
        final StoreWriterThread w = new StoreWriterThread();
        w.setUp(ONE_THREAD);
        return w;
    }

    private static void repeat(final int times, final Op op) throws Exception {
        for (int i = 0; i < times; i++) {
            op.run();
        }
    }

    /** Every get must deliver the value of the key the benchmark just asked for. */
    private static void checkGets(final String engine, final StoreBenchState s, final Op get) throws Exception {
        for (int i = 0; i < 2 * KEYS; i++) {
            final int n = get.run();
            final int index = s.sequence[(s.next + KEYS - 1) % KEYS];
            StoreWorkload.checkValue(engine, index, n, s.valueOut, 0, s.pool);
        }
    }

    /** Setup leaves the cursor on key 0; every step must deliver the next key and its value, back to key 0 after the last. */
    private static void checkScan(final String engine, final StoreBenchState s, final Op step) throws Exception {
        long expected = 1;
        for (int i = 0; i < 2 * KEYS + 1; i++) {
            final int n = step.run();
            assertEquals(expected, StoreWorkload.keyIndex(s.keyOut, 0, StoreWorkload.KEY_LENGTH), engine + " step " + i);
            StoreWorkload.checkValue(engine, expected, n, s.valueOut, 0, s.pool);
            expected = (expected + 1) % KEYS;
        }
    }

    /** Keys {@code 0..count-1} must read back with their values. */
    private static void checkStrata(final dev.strata.Store store, final StoreBenchState s, final int count) {
        for (int i = 0; i < count; i++) {
            StoreWorkload.putKey(s.key, 0, i);
            final int n = store.get(s.key, 0, StoreWorkload.KEY_LENGTH, s.valueOut, 0);
            StoreWorkload.checkValue(StoreStrataBenchmark.ENGINE, i, n, s.valueOut, 0, s.pool);
        }
    }

    private static void checkRocksDb(final StoreRocksDbBenchmark.Db db, final StoreBenchState s, final int count) throws Exception {
        for (int i = 0; i < count; i++) {
            StoreWorkload.putKey(s.key, 0, i);
            s.keyBuffer.clear();
            s.valueOutBuffer.clear();
            final int n = db.db.get(db.read, s.keyBuffer, s.valueOutBuffer);
            StoreWorkload.checkValue(StoreRocksDbBenchmark.ENGINE, i, n, s.valueOut, 0, s.pool);
        }
    }

    private static void checkLmdb(final StoreLmdbBenchmark.Db db, final StoreBenchState s, final int count) {
        try (Txn<DirectBuffer> txn = db.env.txnRead()) {
            for (int i = 0; i < count; i++) {
                StoreWorkload.putKey(s.key, 0, i);
                final DirectBuffer v = db.dbi.get(txn, s.key);
                StoreWorkload.checkValue(StoreLmdbBenchmark.ENGINE, i, v == null ? -1 : v.capacity(), v, 0, s.pool);
            }
        }
    }
}
