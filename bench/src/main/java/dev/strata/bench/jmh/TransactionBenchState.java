package dev.strata.bench.jmh;

import dev.strata.bench.lab.OffHeap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What every engine's shared state in the transaction benchmarks has in common: the parameters,
 * the data ({@link TransactionWorkload}), the key distribution, and the workers to close before
 * the database. Engines differ only in their calls ({@code TransactionStrataBenchmark},
 * {@code TransactionRocksDbBenchmark}).
 */
@State(Scope.Benchmark)
public abstract class TransactionBenchState {
    /** Number of accounts (keys), all loaded before the first transfer. */
    @Param("100000")
    public int keys;

    /** How transfers pick their two accounts: {@value TransactionWorkload#UNIFORM} or {@value TransactionWorkload#ZIPF}. */
    @Param({TransactionWorkload.UNIFORM, TransactionWorkload.ZIPF})
    public String dist;

    /** {@value TransactionWorkload#EVERY_COMMIT}: every commit is synced; {@value TransactionWorkload#NEVER}: none is (the WAL is written). */
    @Param({TransactionWorkload.EVERY_COMMIT, TransactionWorkload.NEVER})
    public String sync;

    /** Base seed of the workers' key choices (worker {@code t} uses {@code seed + t}); tests set their own. */
    long seed = StoreWorkload.SEED;

    protected Path dir;
    /** The value pool of {@link StoreWorkload}: the initial value of key {@code i} is at {@link StoreWorkload#valueOffset}. */
    protected UnsafeBuffer pool;
    /** Zipf rank → key (a seeded permutation). */
    int[] rankToKey;
    /** The Zipf distribution's cumulative probabilities, or null for {@value TransactionWorkload#UNIFORM}. */
    double[] zipfCdf;
    /** The sum of all balances after the load, which every transfer preserves. */
    protected long expectedTotal;

    private final List<TransferWorker> workers = new ArrayList<>();

    /** Creates the data directory, the values and the distribution; call first from the engine's trial setup. */
    protected void prepare(final String engine) {
        if (keys < 2) {
            throw new IllegalArgumentException("keys must be at least 2 (a transfer needs two accounts), got " + keys);
        }
        TransactionWorkload.syncEveryCommit(sync); // fails on an unknown value before anything is created
        switch (dist) {
            case TransactionWorkload.UNIFORM:
                zipfCdf = null;
                break;
            case TransactionWorkload.ZIPF:
                zipfCdf = TransactionWorkload.zipfCdf(keys, TransactionWorkload.ZIPF_EXPONENT);
                break;
            default:
                throw new IllegalArgumentException("unknown dist '" + dist + "': use " + TransactionWorkload.UNIFORM + " or "
                    + TransactionWorkload.ZIPF);
        }
        rankToKey = StoreWorkload.order(StoreWorkload.RANDOM, keys);
        dir = TierSetup.freshDirectory("txn-" + engine);
        pool = StoreWorkload.newValuePool();
        long total = 0;
        for (int i = 0; i < keys; i++) {
            total += TransactionWorkload.balance(pool, StoreWorkload.valueOffset(i));
        }
        expectedTotal = total;
    }

    /** @return whether every commit is synced */
    protected final boolean syncEveryCommit() {
        return TransactionWorkload.syncEveryCommit(sync);
    }

    /** Registers a worker to close (if it has not closed itself) before the database closes. */
    final synchronized void register(final TransferWorker worker) {
        workers.add(worker);
    }

    /** Closes every registered worker; call from the engine's trial teardown before closing the database. */
    protected final synchronized void closeWorkers() {
        RuntimeException first = null;
        for (TransferWorker w : workers) {
            try {
                w.close();
            } catch (final RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        workers.clear();
        if (first != null) {
            throw first;
        }
    }

    /**
     * Checks one account read back from a full scan: {@code index} must be the expected next key
     * and the value 100 bytes long.
     *
     * @return its balance
     * @throws IllegalStateException naming the engine if not
     */
    static long scannedBalance(final String engine, final long index, final long expected, final int valueLength, final DirectBuffer value,
        final int offset) {
        if (index != expected) {
            throw new IllegalStateException(engine + ": scan found key " + index + " where key " + expected + " was expected");
        }
        if (valueLength != StoreWorkload.VALUE_LENGTH) {
            throw new IllegalStateException(engine + ": key " + index + " holds " + valueLength + " bytes, expected "
                + StoreWorkload.VALUE_LENGTH);
        }
        return TransactionWorkload.balance(value, offset);
    }

    /**
     * @param count the number of keys the scan found
     * @param total the sum of their balances
     * @throws IllegalStateException naming the engine if a key is missing or money was created or lost
     */
    protected final void checkTotal(final String engine, final long count, final long total) {
        if (count != keys) {
            throw new IllegalStateException(engine + ": scan found " + count + " accounts, expected " + keys);
        }
        if (total != expectedTotal) {
            throw new IllegalStateException(engine + ": the balances sum to " + total + " instead of " + expectedTotal
                + ": a transfer was lost or applied in part");
        }
    }

    /** Frees the values and deletes the data directory; call last from the engine's trial teardown. */
    protected void cleanUp() {
        if (pool != null) {
            OffHeap.free(pool);
            pool = null;
        }
        if (dir != null) {
            TierSetup.deleteRecursively(dir);
            dir = null;
        }
    }
}
