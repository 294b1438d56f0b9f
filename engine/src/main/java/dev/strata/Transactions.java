package dev.strata;

/** Runs units of work in transactions, retrying on conflict. */
public final class Transactions {
    /** A unit of work: reads and writes through the transaction it is given (begun by the caller). */
    @FunctionalInterface
    public interface Work {
        void run(Transaction tx);
    }

    private Transactions() {
    }

    /**
     * Begins {@code tx} at {@code level}, runs {@code work} and commits, again from the start while
     * the commit ends in {@link CommitStatus#CONFLICT} or {@link CommitStatus#BACK_PRESSURED}, up to
     * {@code maxAttempts} times, with a short randomised back-off between attempts. If {@code work}
     * throws, the transaction is rolled back and the exception propagates. Allocates nothing itself.
     *
     * @return the number of attempts the commit took (1 if it committed at once)
     * @throws TransactionConflictException if no attempt committed
     * @throws IllegalArgumentException     if {@code maxAttempts < 1}
     */
    public static int run(final Transaction tx, final IsolationLevel level, final int maxAttempts, final Work work) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        CommitStatus last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            tx.begin(level, false);
            try {
                work.run(tx);
            } catch (final RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
            last = tx.isActive() ? tx.commit() : CommitStatus.COMMITTED;
            if (last == CommitStatus.COMMITTED) {
                return attempt;
            }
            backOff(attempt);
        }
        throw new TransactionConflictException("the transaction did not commit in " + maxAttempts + " attempts (last outcome " + last
            + "); contention is high: retry later, allow more attempts, or shorten the transaction");
    }

    private static void backOff(final int attempt) {
        final int spins = java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << Math.min(attempt, 10));
        if (attempt < 4) {
            for (int i = 0; i < spins; i++) {
                Thread.onSpinWait();
            }
        } else {
            java.util.concurrent.locks.LockSupport.parkNanos(spins * 1_000L);
        }
    }
}
