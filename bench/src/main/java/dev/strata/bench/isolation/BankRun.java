package dev.strata.bench.isolation;

import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.Store;
import dev.strata.Transaction;
import dev.strata.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A short bank-transfer run for the tour: writers move money between accounts in transactions at
 * one isolation level while a reader sums all accounts under read-only snapshots; the total must
 * never change. (The engine's {@code TransactionConcurrencyTest} is the long version.)
 */
public final class BankRun {
    /** What a run did, and the first violation of the invariant, if any. */
    public record Result(long transfers, long retries, long checks, String violation) {
    }

    private BankRun() {
    }

    /**
     * Runs on {@code store}'s default namespace (keys {@code acct-NNN} are overwritten).
     *
     * @return the counts and the first violation (null if none)
     */
    public static Result run(final Store store, final IsolationLevel level, final int accounts, final int writers, final long millis,
        final long seed) throws InterruptedException {
        final long initial = 1_000;
        final UnsafeBuffer[] keys = new UnsafeBuffer[accounts];
        final UnsafeBuffer value = new UnsafeBuffer(new byte[8]);
        for (int i = 0; i < accounts; i++) {
            keys[i] = new UnsafeBuffer(String.format("acct-%03d", i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            value.putLong(0, initial);
            store.put(keys[i], 0, keys[i].capacity(), value, 0, 8);
        }
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        final AtomicLong transfers = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong checks = new AtomicLong();
        final AtomicReference<String> violation = new AtomicReference<>();
        final List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            final SplittableRandom random = new SplittableRandom(seed + w);
            threads.add(new Thread(() -> {
                try (Transaction tx = store.newTransaction()) {
                    final ExpandableArrayBuffer a = new ExpandableArrayBuffer(8);
                    final ExpandableArrayBuffer b = new ExpandableArrayBuffer(8);
                    final UnsafeBuffer out = new UnsafeBuffer(new byte[8]);
                    while (System.nanoTime() < deadline && violation.get() == null) {
                        final UnsafeBuffer from = keys[random.nextInt(accounts)];
                        final UnsafeBuffer to = keys[random.nextInt(accounts)];
                        final long amount = 1 + random.nextInt(50);
                        if (from == to) {
                            continue;
                        }
                        retries.addAndGet(Transactions.run(tx, level, 1_000, t -> {
                            t.get(store, from, 0, from.capacity(), a, 0);
                            t.get(store, to, 0, to.capacity(), b, 0);
                            if (a.getLong(0) >= amount) {
                                out.putLong(0, a.getLong(0) - amount);
                                t.put(store, from, 0, from.capacity(), out, 0, 8);
                                out.putLong(0, b.getLong(0) + amount);
                                t.put(store, to, 0, to.capacity(), out, 0, 8);
                            }
                        }) - 1);
                        transfers.incrementAndGet();
                    }
                }
            }, "bank-writer-" + w));
        }
        threads.add(new Thread(() -> {
            try (Transaction tx = store.newTransaction()) {
                while (System.nanoTime() < deadline && violation.get() == null) {
                    tx.begin(IsolationLevel.SERIALIZABLE, true);
                    long total = 0;
                    final Cursor c = tx.scan(store);
                    c.prefix(new UnsafeBuffer("acct-".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 5);
                    for (boolean ok = c.first(); ok; ok = c.next()) {
                        total += c.value().getLong(0);
                    }
                    tx.commit();
                    if (total != initial * accounts) {
                        violation.compareAndSet(null, "a snapshot at sequence " + tx.commitSequence() + " totals " + total + ", not "
                            + initial * accounts);
                    }
                    checks.incrementAndGet();
                }
            }
        }, "bank-reader"));
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(transfers.get(), retries.get(), checks.get(), violation.get());
    }
}
