package dev.strata.bench.jmh;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The workload of the transaction benchmarks ({@code Transaction*Benchmark}), identical for every
 * engine: a transfer between two accounts.
 *
 * <p>Accounts are the keys of {@link StoreWorkload} (16 bytes) with its 100-byte values, all
 * preloaded; an account's balance is the value's first 8 bytes read as a little-endian
 * {@code long}. One transfer reads two distinct accounts (validated reads: Strata's
 * {@code get} under {@code SERIALIZABLE} or {@code SNAPSHOT}, RocksDB's {@code getForUpdate}),
 * moves 1 from the first to the second, writes both values back and commits. Transfers conserve
 * the sum of all balances (modulo 2<sup>64</sup>), whatever commits or aborts: every benchmark's
 * teardown checks that sum, so a lost update or a torn commit fails the run.
 *
 * <p>Key choice, per thread from a seeded {@link java.util.SplittableRandom}:
 * <ul>
 *   <li>{@value #UNIFORM}: both accounts uniform over all keys (almost no contention);</li>
 *   <li>{@value #ZIPF}: both accounts Zipf-distributed with exponent {@value #ZIPF_EXPONENT}
 *       (rank 1 the most frequent, as YCSB's), ranks mapped to keys through a seeded
 *       permutation so that the hot keys are spread over the key space. Over 100,000 keys the
 *       hottest key is in about 8 % of the draws: the contention case.</li>
 * </ul>
 */
final class TransactionWorkload {
    static final String UNIFORM = "uniform";
    static final String ZIPF = "zipf";
    static final double ZIPF_EXPONENT = 0.99;
    static final String EVERY_COMMIT = "EVERY_COMMIT";
    static final String NEVER = "NEVER";
    /** The offset of the balance in a value. */
    static final int BALANCE = 0;

    private TransactionWorkload() {
    }

    /**
     * @return the cumulative distribution of Zipf({@code exponent}) over ranks {@code 0..n-1}
     *     ({@code cdf[i]} = P(rank ≤ i), {@code cdf[n-1]} = 1)
     */
    static double[] zipfCdf(final int n, final double exponent) {
        if (n < 2) {
            throw new IllegalArgumentException("a transfer needs at least 2 keys, got " + n);
        }
        final double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        cdf[n - 1] = 1.0;
        return cdf;
    }

    /** @return the smallest rank whose cumulative probability is above {@code u} (in [0, 1)) */
    static int zipfRank(final double[] cdf, final double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** @return the balance held in a value */
    static long balance(final DirectBuffer value, final int offset) {
        return value.getLong(offset + BALANCE, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** Adds {@code delta} to the balance held in a value. */
    static void addToBalance(final MutableDirectBuffer value, final int offset, final long delta) {
        value.putLong(offset + BALANCE, balance(value, offset) + delta, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @param sync {@value #EVERY_COMMIT} or {@value #NEVER}
     * @return whether every commit is synced
     */
    static boolean syncEveryCommit(final String sync) {
        switch (sync) {
            case EVERY_COMMIT:
                return true;
            case NEVER:
                return false;
            default:
                throw new IllegalArgumentException("unknown sync mode '" + sync + "': use " + EVERY_COMMIT + " or " + NEVER);
        }
    }
}
