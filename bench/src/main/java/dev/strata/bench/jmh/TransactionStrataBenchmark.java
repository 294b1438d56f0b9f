package dev.strata.bench.jmh;

import dev.strata.CommitStatus;
import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.Store;
import dev.strata.SyncPolicy;
import dev.strata.Transaction;
import dev.strata.WriteBatch;
import java.util.concurrent.TimeUnit;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Strata's transactions in the transaction comparison: the same benchmarks, by name, parameters
 * and workload ({@link TransactionWorkload}), as {@link TransactionRocksDbBenchmark}. Run them
 * together: {@code strata bench 'Transaction.*Benchmark' -prof dev.strata.bench.jmh.WorkerAllocationProfiler}.
 *
 * <p>One operation is one transfer attempt on a reused {@link Transaction}: {@code begin(level)},
 * two {@code get}s, two {@code put}s, {@code commit()}; a {@link CommitStatus#CONFLICT} is counted
 * ({@link TransactionCounters}) and not retried, so the score is attempts per second and the abort
 * rate is read from the counters. {@code transfer1}, {@code transfer4}, {@code transfer16} run it
 * from 1, 4 or 16 threads on one store.
 *
 * <p>Configuration: Strata's defaults (file tier, 64 MiB memtable, 64 MiB block cache, 10 bloom
 * bits per key) with {@link SyncPolicy#EVERY_COMMIT} or {@link SyncPolicy#NEVER}; the accounts are
 * loaded in batches of 1,000 without sync and left where they are (memtable), as a live store's
 * working set.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class TransactionStrataBenchmark {
    static final String ENGINE = "strata";
    private static final int LOAD_BATCH = 1000;

    /** The store shared by every thread, holding every account. */
    public static class Db extends TransactionBenchState {
        /** {@code SERIALIZABLE} validates the reads at commit, {@code SNAPSHOT} the writes (first committer wins). */
        @Param({"SERIALIZABLE", "SNAPSHOT"})
        public String isolation;

        Store store;
        IsolationLevel level;

        @Setup(Level.Trial)
        public void setUp() {
            level = IsolationLevel.valueOf(isolation);
            prepare(ENGINE);
            store = StoreStrataBenchmark.open(dir, syncEveryCommit() ? SyncPolicy.EVERY_COMMIT : SyncPolicy.NEVER);
            final UnsafeBuffer key = new UnsafeBuffer(new byte[StoreWorkload.KEY_LENGTH]);
            try (WriteBatch batch = store.newBatch()) {
                for (int i = 0; i < keys; i++) {
                    StoreWorkload.putKey(key, 0, i);
                    batch.put(store, key, 0, StoreWorkload.KEY_LENGTH, pool, StoreWorkload.valueOffset(i), StoreWorkload.VALUE_LENGTH);
                    if (batch.size() == LOAD_BATCH || i == keys - 1) {
                        store.write(batch);
                        batch.clear();
                    }
                }
            }
            checkTotal();
        }

        /** Scans every account: each key once, in order, 100 bytes, and the balances sum to the loaded total. */
        void checkTotal() {
            long count = 0;
            long total = 0;
            try (Cursor c = store.newCursor()) {
                for (boolean on = c.first(); on; on = c.next()) {
                    final DirectBuffer k = c.key();
                    final DirectBuffer v = c.value();
                    total += scannedBalance(ENGINE, StoreWorkload.keyIndex(k, 0, k.capacity()), count, v.capacity(), v, 0);
                    count++;
                }
            }
            checkTotal(ENGINE, count, total);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                closeWorkers();
                if (store != null) {
                    checkTotal();
                }
            } finally {
                try {
                    if (store != null) {
                        store.close();
                        store = null;
                    }
                } finally {
                    cleanUp();
                }
            }
        }
    }

    /** One thread: its key choice, buffers and reusable transaction. */
    public static class Worker extends TransferWorker {
        Transaction tx;

        @Setup(Level.Trial)
        public void setUp(final Db db, final ThreadParams thread) {
            prepare(db, thread.getThreadIndex());
            tx = db.store.newTransaction();
            db.register(this);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }

        @Override
        public void close() {
            if (tx != null) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                tx.close();
                tx = null;
            }
            super.close();
        }
    }

    @Benchmark
    @Threads(1)
    public CommitStatus transfer1(final Db db, final Worker w, final TransactionCounters c) {
        return transfer(db, w, c);
    }

    @Benchmark
    @Threads(4)
    public CommitStatus transfer4(final Db db, final Worker w, final TransactionCounters c) {
        return transfer(db, w, c);
    }

    @Benchmark
    @Threads(16)
    public CommitStatus transfer16(final Db db, final Worker w, final TransactionCounters c) {
        return transfer(db, w, c);
    }

    static CommitStatus transfer(final Db db, final Worker w, final TransactionCounters c) {
        w.pick();
        final Transaction tx = w.tx.begin(db.level, false);
        final int fromLength = tx.get(db.store, w.fromKey, 0, StoreWorkload.KEY_LENGTH, w.fromValue, 0);
        final int toLength = tx.get(db.store, w.toKey, 0, StoreWorkload.KEY_LENGTH, w.toValue, 0);
        if (fromLength != StoreWorkload.VALUE_LENGTH || toLength != StoreWorkload.VALUE_LENGTH) {
            tx.rollback();
            TransferWorker.checkFound(ENGINE, w.from, fromLength);
            TransferWorker.checkFound(ENGINE, w.to, toLength);
        }
        w.move();
        tx.put(db.store, w.fromKey, 0, StoreWorkload.KEY_LENGTH, w.fromValue, 0, StoreWorkload.VALUE_LENGTH);
        tx.put(db.store, w.toKey, 0, StoreWorkload.KEY_LENGTH, w.toValue, 0, StoreWorkload.VALUE_LENGTH);
        final CommitStatus status = tx.commit();
        switch (status) {
            case COMMITTED:
                c.commits++;
                break;
            case CONFLICT:
                c.conflicts++;
                break;
            default:
                c.stalls++;
                break;
        }
        return status;
    }
}
