package dev.strata.bench.jmh;

import dev.strata.bench.lab.OffHeap;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.GetStatus;
import org.rocksdb.LRUCache;
import org.rocksdb.OptimisticTransactionDB;
import org.rocksdb.OptimisticTransactionOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.Transaction;
import org.rocksdb.TransactionDB;
import org.rocksdb.TransactionDBOptions;
import org.rocksdb.TransactionOptions;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * RocksDB's transactions (rocksdbjni) in the transaction comparison: the benchmarks of
 * {@link TransactionStrataBenchmark}, by name, parameters and workload ({@link TransactionWorkload}).
 *
 * <p>{@code txn} selects the database:
 * <ul>
 *   <li>{@value #OPTIMISTIC}: {@link OptimisticTransactionDB}. Reads are {@code getForUpdate}, so
 *       that commit validates them (a key written by another commit since it was read makes the
 *       commit fail with {@code Busy}): the counterpart of Strata's {@code SERIALIZABLE} point
 *       reads. No snapshot is set (RocksDB's default), so each key is validated from the moment it
 *       was read rather than from the transaction's first read as in Strata.</li>
 *   <li>{@value #PESSIMISTIC}: {@link TransactionDB}. {@code getForUpdate} takes an exclusive
 *       lock on the key until commit; a transfer that waits too long ({@code TimedOut}, RocksDB's
 *       default lock timeout of 1 s) or would close a wait cycle ({@code Busy}: deadlock
 *       detection is turned on, as any application moving money between two accounts locked in
 *       either order must) is rolled back and counted as a conflict.</li>
 * </ul>
 * One operation is one attempt: a conflict is counted ({@link TransactionCounters}) and not
 * retried. Transactions are reused ({@code beginTransaction(writeOptions, txnOptions, old)}); keys
 * and values go through the direct {@link ByteBuffer} overloads of {@code getForUpdate} and
 * {@code put}.
 *
 * <p>Configuration: as {@link StoreRocksDbBenchmark} (default options, 64 MiB LRU block cache,
 * 10-bit bloom filter, WAL on) with {@code WriteOptions.setSync(true)} for
 * {@value TransactionWorkload#EVERY_COMMIT} and {@code setSync(false)} for
 * {@value TransactionWorkload#NEVER}; the accounts are loaded in batches of 1,000 without sync.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class TransactionRocksDbBenchmark {
    static final String ENGINE = "rocksdb";
    static final String OPTIMISTIC = "optimistic";
    static final String PESSIMISTIC = "pessimistic";
    private static final int LOAD_BATCH = 1000;

    /** The database shared by every thread, holding every account. */
    public static class Db extends TransactionBenchState {
        /** {@value #OPTIMISTIC} ({@link OptimisticTransactionDB}) or {@value #PESSIMISTIC} ({@link TransactionDB}). */
        @Param({OPTIMISTIC, PESSIMISTIC})
        public String txn;

        RocksDB db;
        private OptimisticTransactionDB optimistic;
        private TransactionDB pessimistic;
        WriteOptions write;
        ReadOptions read;
        private OptimisticTransactionOptions optimisticOptions;
        private TransactionOptions pessimisticOptions;
        private TransactionDBOptions dbOptions;
        private Options options;
        private LRUCache cache;
        private BloomFilter filter;

        @Setup(Level.Trial)
        public void setUp() throws RocksDBException {
            if (!OPTIMISTIC.equals(txn) && !PESSIMISTIC.equals(txn)) {
                throw new IllegalArgumentException("unknown txn '" + txn + "': use " + OPTIMISTIC + " or " + PESSIMISTIC);
            }
            RocksDB.loadLibrary(); // here, not in a static block of the outer class: JMH and tests may never initialise it
            prepare(ENGINE);
            cache = new LRUCache(StoreRocksDbBenchmark.CACHE_BYTES);
            filter = new BloomFilter(StoreRocksDbBenchmark.BLOOM_BITS_PER_KEY);
            options = new Options().setCreateIfMissing(true)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter));
            write = new WriteOptions().setSync(syncEveryCommit()).setDisableWAL(false);
            read = new ReadOptions();
            if (OPTIMISTIC.equals(txn)) {
                optimisticOptions = new OptimisticTransactionOptions();
                optimistic = OptimisticTransactionDB.open(options, dir.toString());
                db = optimistic;
            } else {
                pessimisticOptions = new TransactionOptions().setDeadlockDetect(true);
                dbOptions = new TransactionDBOptions();
                pessimistic = TransactionDB.open(options, dbOptions, dir.toString());
                db = pessimistic;
            }
            load();
            checkTotal();
        }

        private void load() throws RocksDBException {
            final UnsafeBuffer key = OffHeap.allocate(StoreWorkload.KEY_LENGTH);
            final ByteBuffer keyBuffer = key.byteBuffer();
            final ByteBuffer values = pool.byteBuffer();
            try (WriteBatch batch = new WriteBatch(); WriteOptions noSync = new WriteOptions().setSync(false)) {
                for (int i = 0; i < keys; i++) {
                    StoreWorkload.putKey(key, 0, i);
                    keyBuffer.clear();
                    final int offset = StoreWorkload.valueOffset(i);
                    values.clear().position(offset).limit(offset + StoreWorkload.VALUE_LENGTH);
                    batch.put(keyBuffer, values);
                    if (batch.count() == LOAD_BATCH || i == keys - 1) {
                        db.write(noSync, batch);
                        batch.clear();
                    }
                }
            } finally {
                OffHeap.free(key);
            }
        }

        /** Scans every account: each key once, in order, 100 bytes, and the balances sum to the loaded total. */
        void checkTotal() {
            final UnsafeBuffer buffers = OffHeap.allocate(2 * TransferWorker.VALUE_CAPACITY);
            final ByteBuffer keyOut = buffers.byteBuffer().duplicate();
            final ByteBuffer valueOut = buffers.byteBuffer().duplicate();
            try (RocksIterator it = db.newIterator(read)) {
                long count = 0;
                long total = 0;
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    keyOut.clear().limit(TransferWorker.VALUE_CAPACITY);
                    final int keyLength = it.key(keyOut);
                    valueOut.clear().position(TransferWorker.VALUE_CAPACITY);
                    final int valueLength = it.value(valueOut);
                    total += scannedBalance(ENGINE, StoreWorkload.keyIndex(buffers, 0, keyLength), count, valueLength, buffers,
                        TransferWorker.VALUE_CAPACITY);
                    count++;
                }
                checkTotal(ENGINE, count, total);
            } finally {
                OffHeap.free(buffers);
            }
        }

        /** @return {@code old} begun again (or a new transaction if {@code old} is null) */
        Transaction begin(final Transaction old) {
            if (optimistic != null) {
                return old == null ? optimistic.beginTransaction(write, optimisticOptions) : optimistic.beginTransaction(write, optimisticOptions, old);
            }
            return old == null ? pessimistic.beginTransaction(write, pessimisticOptions) : pessimistic.beginTransaction(write, pessimisticOptions, old);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                closeWorkers();
                if (db != null) {
                    checkTotal();
                }
            } finally {
                try {
                    if (db != null) {
                        db.close();
                        db = null;
                    }
                    for (AbstractNativeReference o : new AbstractNativeReference[] {read, write, optimisticOptions, pessimisticOptions, dbOptions, options, filter, cache}) {
                        if (o != null) {
                            o.close();
                        }
                    }
                } finally {
                    cleanUp();
                }
            }
        }
    }

    /** One thread: its key choice, buffers and reusable transaction. */
    public static class Worker extends TransferWorker {
        Transaction txn;

        @Setup(Level.Trial)
        public void setUp(final Db db, final ThreadParams thread) throws RocksDBException {
            prepare(db, thread.getThreadIndex());
            txn = db.begin(null);
            txn.rollback();
            db.register(this);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }

        @Override
        public void close() {
            if (txn != null) {
                txn.close();
                txn = null;
            }
            super.close();
        }
    }

    @Benchmark
    @Threads(1)
    public int transfer1(final Db db, final Worker w, final TransactionCounters c) throws RocksDBException {
        return transfer(db, w, c);
    }

    @Benchmark
    @Threads(4)
    public int transfer4(final Db db, final Worker w, final TransactionCounters c) throws RocksDBException {
        return transfer(db, w, c);
    }

    @Benchmark
    @Threads(16)
    public int transfer16(final Db db, final Worker w, final TransactionCounters c) throws RocksDBException {
        return transfer(db, w, c);
    }

    /** @return 1 if the transfer committed, 0 if it conflicted */
    static int transfer(final Db db, final Worker w, final TransactionCounters c) throws RocksDBException {
        w.pick();
        final Transaction txn = db.begin(w.txn);
        try {
            read(db, txn, w.fromKeyBuffer, w.fromValueBuffer, w.from);
            read(db, txn, w.toKeyBuffer, w.toValueBuffer, w.to);
            w.move();
            w.fromKeyBuffer.clear();
            w.fromValueBuffer.clear().limit(StoreWorkload.VALUE_LENGTH);
            txn.put(w.fromKeyBuffer, w.fromValueBuffer);
            w.toKeyBuffer.clear();
            w.toValueBuffer.clear().limit(StoreWorkload.VALUE_LENGTH);
            txn.put(w.toKeyBuffer, w.toValueBuffer);
            txn.commit();
        } catch (final RocksDBException e) {
            if (!isConflict(e)) {
                txn.rollback();
                throw e;
            }
            txn.rollback();
            c.conflicts++;
            return 0;
        }
        c.commits++;
        return 1;
    }

    private static void read(final Db db, final Transaction txn, final ByteBuffer key, final ByteBuffer value, final int index)
        throws RocksDBException {
        key.clear();
        value.clear();
        final GetStatus status = txn.getForUpdate(db.read, key, value, true);
        TransferWorker.checkFound(ENGINE, index, status.status.getCode() == Status.Code.Ok ? status.requiredSize : -1);
    }

    /** @return whether the exception is an expected transaction outcome: a validation failure, deadlock or lock timeout */
    static boolean isConflict(final RocksDBException e) {
        final Status status = e.getStatus();
        if (status == null) {
            return false;
        }
        final Status.Code code = status.getCode();
        return code == Status.Code.Busy || code == Status.Code.TryAgain || code == Status.Code.TimedOut;
    }
}
