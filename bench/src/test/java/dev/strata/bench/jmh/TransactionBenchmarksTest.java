package dev.strata.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.strata.CommitStatus;
import dev.strata.compression.testsupport.Seeds;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Runs the transaction benchmarks' setup, transfer and teardown outside JMH on a few accounts, for
 * every engine and transaction kind: on one thread every transfer must commit and leave exactly
 * the balances a model computes; on four threads over a handful of hot accounts every attempt
 * must be counted once, and the balances must be exactly those of the committed transfers (a lost
 * update or a partly applied transfer fails). Teardown's own check (the sum of all balances) runs
 * every time. Strata's transfer must allocate nothing once warm. No timing here: that is JMH's job.
 */
class TransactionBenchmarksTest {
    private static final int KEYS = 200;
    private static final ThreadMXBean THREADS = (ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** One engine and transaction kind: the benchmark's states and its transfer, driven by hand. */
    abstract static class Engine {
        final String name;

        Engine(final String name) {
            this.name = name;
        }

        abstract TransactionBenchState open(String dist, String sync, int keys, long seed) throws Exception;

        abstract TransferWorker worker(TransactionBenchState db, int thread, int threads) throws Exception;

        /** @return whether the transfer committed */
        abstract boolean transfer(TransactionBenchState db, TransferWorker w, TransactionCounters c) throws Exception;

        /** @return the balance of account {@code index}, read outside any transaction */
        abstract long balance(TransactionBenchState db, int index) throws Exception;

        abstract void close(TransactionBenchState db);

        @Override
        public String toString() {
            return name;
        }
    }

    static final class Strata extends Engine {
        private final String isolation;

        Strata(final String isolation) {
            super("strata " + isolation);
            this.isolation = isolation;
        }

        @Override
        TransactionBenchState open(final String dist, final String sync, final int keys, final long seed) {
            final TransactionStrataBenchmark.Db db = new TransactionStrataBenchmark.Db();
            configure(db, dist, sync, keys, seed);
            db.isolation = isolation;
            db.setUp();
            return db;
        }

        @Override
        TransferWorker worker(final TransactionBenchState db, final int thread, final int threads) {
            final TransactionStrataBenchmark.Worker w = new TransactionStrataBenchmark.Worker();
            w.setUp((TransactionStrataBenchmark.Db)db, threadParams(thread, threads));
            return w;
        }

        @Override
        boolean transfer(final TransactionBenchState db, final TransferWorker w, final TransactionCounters c) {
            return TransactionStrataBenchmark.transfer((TransactionStrataBenchmark.Db)db, (TransactionStrataBenchmark.Worker)w, c)
                == CommitStatus.COMMITTED;
        }

        @Override
        long balance(final TransactionBenchState db, final int index) {
            final UnsafeBuffer key = new UnsafeBuffer(new byte[StoreWorkload.KEY_LENGTH]);
            final UnsafeBuffer value = new UnsafeBuffer(new byte[TransferWorker.VALUE_CAPACITY]);
            StoreWorkload.putKey(key, 0, index);
            assertEquals(StoreWorkload.VALUE_LENGTH, ((TransactionStrataBenchmark.Db)db).store.get(key, 0, StoreWorkload.KEY_LENGTH, value, 0));
            return TransactionWorkload.balance(value, 0);
        }

        @Override
        void close(final TransactionBenchState db) {
            ((TransactionStrataBenchmark.Db)db).tearDown();
        }
    }

    static final class RocksDb extends Engine {
        private final String kind;

        RocksDb(final String kind) {
            super("rocksdb " + kind);
            this.kind = kind;
        }

        @Override
        TransactionBenchState open(final String dist, final String sync, final int keys, final long seed) throws Exception {
            final TransactionRocksDbBenchmark.Db db = new TransactionRocksDbBenchmark.Db();
            configure(db, dist, sync, keys, seed);
            db.txn = kind;
            db.setUp();
            return db;
        }

        @Override
        TransferWorker worker(final TransactionBenchState db, final int thread, final int threads) throws Exception {
            final TransactionRocksDbBenchmark.Worker w = new TransactionRocksDbBenchmark.Worker();
            w.setUp((TransactionRocksDbBenchmark.Db)db, threadParams(thread, threads));
            return w;
        }

        @Override
        boolean transfer(final TransactionBenchState db, final TransferWorker w, final TransactionCounters c) throws Exception {
            return TransactionRocksDbBenchmark.transfer((TransactionRocksDbBenchmark.Db)db, (TransactionRocksDbBenchmark.Worker)w, c) == 1;
        }

        @Override
        long balance(final TransactionBenchState db, final int index) throws Exception {
            final byte[] key = new byte[StoreWorkload.KEY_LENGTH];
            StoreWorkload.putKey(new UnsafeBuffer(key), 0, index);
            final byte[] value = ((TransactionRocksDbBenchmark.Db)db).db.get(key);
            assertEquals(StoreWorkload.VALUE_LENGTH, value.length);
            return TransactionWorkload.balance(new UnsafeBuffer(value), 0);
        }

        @Override
        void close(final TransactionBenchState db) {
            ((TransactionRocksDbBenchmark.Db)db).tearDown();
        }
    }

    static List<Engine> engines() {
        return List.of(new Strata("SERIALIZABLE"), new Strata("SNAPSHOT"), new RocksDb(TransactionRocksDbBenchmark.OPTIMISTIC),
            new RocksDb(TransactionRocksDbBenchmark.PESSIMISTIC));
    }

    static List<Arguments> enginesAndDistributions() {
        final List<Arguments> all = new ArrayList<>();
        for (Engine e : engines()) {
            all.add(Arguments.of(e, TransactionWorkload.UNIFORM));
            all.add(Arguments.of(e, TransactionWorkload.ZIPF));
        }
        return all;
    }

    /** Loads RocksDB's native library and warms both engines once, so that the leak check does not count one-time allocations. */
    @BeforeAll
    static void warmUp() throws Exception {
        for (Engine e : engines()) {
            runOneThread(e, TransactionWorkload.UNIFORM, TransactionWorkload.NEVER, 10, StoreWorkload.SEED);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndDistributions")
    void oneThreadCommitsEveryTransferExactly(final Engine engine, final String dist) throws Exception {
        runOneThread(engine, dist, TransactionWorkload.NEVER, 500, Seeds.seed("oneThread " + engine + " " + dist));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void syncedCommitsAreExactToo(final Engine engine) throws Exception {
        runOneThread(engine, TransactionWorkload.ZIPF, TransactionWorkload.EVERY_COMMIT, 20, Seeds.seed("synced " + engine));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void concurrentTransfersApplyExactlyTheCommittedOnes(final Engine engine) throws Exception {
        final int threads = 4;
        final int perThread = 400;
        final int keys = 8; // Zipf over 8 accounts: most transfers touch the same two or three
        final long seed = Seeds.seed("concurrent " + engine);
        final TransactionBenchState db = engine.open(TransactionWorkload.ZIPF, TransactionWorkload.NEVER, keys, seed);
        try {
            final long[] expected = initialBalances(db, keys);
            final TransferWorker[] workers = new TransferWorker[threads];
            final TransactionCounters[] counters = new TransactionCounters[threads];
            final List<List<int[]>> committed = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers[t] = engine.worker(db, t, threads);
                counters[t] = new TransactionCounters();
                committed.add(new ArrayList<>());
            }
            final CyclicBarrier start = new CyclicBarrier(threads);
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread[] running = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                final int thread = t;
                running[t] = new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            if (engine.transfer(db, workers[thread], counters[thread])) {
                                committed.get(thread).add(new int[] {workers[thread].from, workers[thread].to});
                            }
                        }
                    } catch (final Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "transfer-" + t);
                running[t].start();
            }
            for (Thread t : running) {
                t.join();
            }
            if (failure.get() != null) {
                throw new AssertionError(engine + ": a worker failed" + Seeds.replay(seed), failure.get());
            }
            long commits = 0;
            long conflicts = 0;
            for (int t = 0; t < threads; t++) {
                assertEquals(perThread, counters[t].commits + counters[t].conflicts + counters[t].stalls, "attempts of thread " + t);
                assertEquals(committed.get(t).size(), counters[t].commits, "commits of thread " + t);
                commits += counters[t].commits;
                conflicts += counters[t].conflicts;
                for (int[] transfer : committed.get(t)) {
                    expected[transfer[0]]--;
                    expected[transfer[1]]++;
                }
            }
            System.out.println(engine + ": " + commits + " commits, " + conflicts + " conflicts in " + threads * perThread + " attempts on "
                + keys + " accounts");
            assertTrue(commits > 0, engine + ": nothing committed" + Seeds.replay(seed));
            assertArrayEquals(expected, balances(engine, db, keys), engine + ": balances differ from the committed transfers" + Seeds.replay(seed));
        } finally {
            engine.close(db); // closes the workers, checks the total
        }
    }

    @Test
    void strataTransferAllocatesNothingOnceWarm() {
        for (String isolation : new String[] {"SERIALIZABLE", "SNAPSHOT"}) {
            final Strata engine = new Strata(isolation);
            final TransactionBenchState db = engine.open(TransactionWorkload.ZIPF, TransactionWorkload.NEVER, KEYS, StoreWorkload.SEED);
            try {
                final TransferWorker w = engine.worker(db, 0, 1);
                final TransactionCounters c = new TransactionCounters();
                for (int i = 0; i < 5_000; i++) {
                    engine.transfer(db, w, c);
                }
                THREADS.getCurrentThreadAllocatedBytes(); // its first call initialises lazily
                final long before = THREADS.getCurrentThreadAllocatedBytes();
                final int ops = 5_000;
                for (int i = 0; i < ops; i++) {
                    engine.transfer(db, w, c);
                }
                final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                System.out.println(engine + ": " + allocated + " bytes allocated over " + ops + " transfers");
                assertEquals(10_000, c.commits, engine + ": one thread never conflicts");
                assertTrue(allocated < 1024, engine + " allocated " + allocated + " bytes over " + ops + " transfers");
            } finally {
                engine.close(db);
            }
        }
    }

    private static void runOneThread(final Engine engine, final String dist, final String sync, final int transfers, final long seed)
        throws Exception {
        final TransactionBenchState db = engine.open(dist, sync, KEYS, seed);
        try {
            final long[] expected = initialBalances(db, KEYS);
            final TransferWorker w = engine.worker(db, 0, 1);
            final TransactionCounters c = new TransactionCounters();
            for (int i = 0; i < transfers; i++) {
                assertTrue(engine.transfer(db, w, c), engine + ": transfer " + i + " did not commit on one thread" + Seeds.replay(seed));
                assertTrue(w.from != w.to && w.from >= 0 && w.from < KEYS && w.to >= 0 && w.to < KEYS, "accounts " + w.from + ", " + w.to);
                expected[w.from]--;
                expected[w.to]++;
            }
            assertEquals(transfers, c.commits);
            assertEquals(0, c.conflicts + c.stalls);
            assertArrayEquals(expected, balances(engine, db, KEYS), engine + " " + dist + ": balances" + Seeds.replay(seed));
        } finally {
            engine.close(db);
        }
    }

    private static long[] initialBalances(final TransactionBenchState db, final int keys) {
        final long[] balances = new long[keys];
        for (int i = 0; i < keys; i++) {
            balances[i] = TransactionWorkload.balance(db.pool, StoreWorkload.valueOffset(i));
        }
        return balances;
    }

    private static long[] balances(final Engine engine, final TransactionBenchState db, final int keys) throws Exception {
        final long[] balances = new long[keys];
        for (int i = 0; i < keys; i++) {
            balances[i] = engine.balance(db, i);
        }
        return balances;
    }

    private static void configure(final TransactionBenchState db, final String dist, final String sync, final int keys, final long seed) {
        db.dist = dist;
        db.sync = sync;
        db.keys = keys;
        db.seed = seed;
    }

    private static ThreadParams threadParams(final int thread, final int threads) {
        return new ThreadParams(thread, threads, 0, 1, 0, 1, thread, threads, thread, threads);
    }
}
