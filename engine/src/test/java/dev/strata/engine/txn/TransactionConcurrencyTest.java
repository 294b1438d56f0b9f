package dev.strata.engine.txn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import dev.strata.Transaction;
import dev.strata.Transactions;
import dev.strata.tier.TestSeeds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariants under concurrent transactions, for a fixed time ({@code -Dstrata.txnSeconds}, default
 * 30 s each, 10× with {@code -Pstress}): a bank (transfers between accounts while readers check the
 * total under snapshots) and a ring (each transaction swaps two neighbours; the links must stay one
 * cycle through every key). Half the writers run SERIALIZABLE, half SNAPSHOT: both must keep these
 * invariants, because every transfer and swap writes what it read. Seeds are printed; replay with
 * {@code -Dstrata.seed=N} (thread interleavings still differ from run to run).
 */
class TransactionConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int READERS = 2;

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    private static long seconds() {
        return Long.getLong("strata.txnSeconds", TestSeeds.stress() ? 300 : 30);
    }

    private static IsolationLevel levelOf(final int writer) {
        return writer % 2 == 0 ? IsolationLevel.SERIALIZABLE : IsolationLevel.SNAPSHOT;
    }

    private static UnsafeBuffer key(final String prefix, final int i) {
        return new UnsafeBuffer(String.format("%s%03d", prefix, i).getBytes(UTF_8));
    }

    @Test
    void bankTransfersKeepTheTotal() throws InterruptedException {
        final long seed = TestSeeds.seed("TransactionConcurrencyTest.bank");
        final int accounts = 16;
        final long initial = 1_000;
        final UnsafeBuffer[] keys = new UnsafeBuffer[accounts];
        for (int i = 0; i < accounts; i++) {
            keys[i] = key("acct-", i);
        }
        final StoreConfig config = StoreConfig.builder(dir).syncPolicy(SyncPolicy.EVERY_COMMIT).memtableBytes(256 << 10)
            .targetFileBytes(64 << 10).build();
        try (Store store = Strata.open(config)) {
            final UnsafeBuffer value = new UnsafeBuffer(new byte[8]);
            for (UnsafeBuffer k : keys) {
                value.putLong(0, initial);
                store.put(k, 0, k.capacity(), value, 0, 8);
            }
            final Runner runner = new Runner(seconds());
            final AtomicLong commits = new AtomicLong();
            final AtomicLong retries = new AtomicLong();
            final AtomicLong checks = new AtomicLong();
            for (int w = 0; w < WRITERS; w++) {
                final SplittableRandom random = new SplittableRandom(seed + w);
                final IsolationLevel level = levelOf(w);
                runner.start("bank-writer-" + w, () -> {
                    try (Transaction tx = store.newTransaction()) {
                        final ExpandableArrayBuffer a = new ExpandableArrayBuffer(8);
                        final ExpandableArrayBuffer b = new ExpandableArrayBuffer(8);
                        final UnsafeBuffer out = new UnsafeBuffer(new byte[8]);
                        while (runner.running()) {
                            final int from = random.nextInt(accounts);
                            final int to = (from + 1 + random.nextInt(accounts - 1)) % accounts;
                            final long amount = 1 + random.nextInt(50);
                            final int attempts = Transactions.run(tx, level, 1_000, t -> {
                                t.get(store, keys[from], 0, keys[from].capacity(), a, 0);
                                t.get(store, keys[to], 0, keys[to].capacity(), b, 0);
                                if (a.getLong(0) >= amount) {
                                    out.putLong(0, a.getLong(0) - amount);
                                    t.put(store, keys[from], 0, keys[from].capacity(), out, 0, 8);
                                    out.putLong(0, b.getLong(0) + amount);
                                    t.put(store, keys[to], 0, keys[to].capacity(), out, 0, 8);
                                }
                            });
                            commits.incrementAndGet();
                            retries.addAndGet(attempts - 1);
                        }
                    }
                });
            }
            for (int r = 0; r < READERS; r++) {
                runner.start("bank-reader-" + r, () -> {
                    try (Transaction tx = store.newTransaction()) {
                        while (runner.running()) {
                            tx.begin(IsolationLevel.SERIALIZABLE, true);
                            long total = 0;
                            int seen = 0;
                            final Cursor c = tx.scan(store);
                            for (boolean ok = c.first(); ok; ok = c.next()) {
                                final long balance = c.value().getLong(0);
                                if (balance < 0) {
                                    runner.violation("negative balance " + balance + " at sequence " + tx.commitSequence());
                                }
                                total += balance;
                                seen++;
                            }
                            tx.commit();
                            if (total != initial * accounts || seen != accounts) {
                                runner.violation("snapshot at sequence " + tx.commitSequence() + " has " + seen + " accounts totalling " + total
                                    + ", expected " + accounts + " totalling " + initial * accounts);
                            }
                            checks.incrementAndGet();
                        }
                    }
                });
            }
            runner.join();
            long total = 0;
            for (UnsafeBuffer k : keys) {
                total += new UnsafeBuffer(store.get(toBytes(k))).getLong(0);
            }
            System.out.printf("bank: %d transfers committed, %d retries after conflicts, %d snapshot checks, seed %d%n", commits.get(),
                retries.get(), checks.get(), seed);
            assertEquals(List.of(), runner.violations());
            assertEquals(initial * accounts, total);
            assertTrue(commits.get() > 100 && checks.get() > 100, "too little progress to mean anything: " + commits + " / " + checks);
        }
    }

    @Test
    void ringSwapsKeepOneCycle() throws InterruptedException {
        final Result r = ring(seconds(), null);
        assertEquals(List.of(), r.violations);
        assertEquals(null, r.finalProblem);
        assertTrue(r.commits > 100 && r.checks > 100, "too little progress to mean anything: " + r.commits + " / " + r.checks);
    }

    /** The negative control: with READ_COMMITTED writers (lost updates allowed), the same checks must find broken rings. */
    @Test
    void readCommittedBreaksTheRing() throws InterruptedException {
        final Result r = ring(3, IsolationLevel.READ_COMMITTED);
        assertTrue(!r.violations.isEmpty() || r.finalProblem != null, "READ_COMMITTED writers left the ring intact: the checks prove nothing");
    }

    private record Result(List<String> violations, String finalProblem, long commits, long checks) {
    }

    /** Runs the ring for {@code seconds} with writers at {@code forced} (or half SERIALIZABLE, half SNAPSHOT if null). */
    private Result ring(final long seconds, final IsolationLevel forced) throws InterruptedException {
        final long seed = TestSeeds.seed("TransactionConcurrencyTest.ring");
        final int n = 64;
        final UnsafeBuffer[] keys = new UnsafeBuffer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key("node-", i);
        }
        // a small memtable, so that validation also finds conflicts in flushed segments
        final StoreConfig config = StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).memtableBytes(64 << 10).targetFileBytes(64 << 10)
            .baseLevelBytes(256 << 10).build();
        try (Store store = Strata.open(config)) {
            final UnsafeBuffer link = new UnsafeBuffer(new byte[4]);
            for (int i = 0; i < n; i++) {
                link.putInt(0, (i + 1) % n);
                store.put(keys[i], 0, keys[i].capacity(), link, 0, 4);
            }
            final Runner runner = new Runner(seconds);
            final AtomicLong commits = new AtomicLong();
            final AtomicLong retries = new AtomicLong();
            final AtomicLong checks = new AtomicLong();
            for (int w = 0; w < WRITERS; w++) {
                final SplittableRandom random = new SplittableRandom(seed + w);
                final IsolationLevel level = forced != null ? forced : levelOf(w);
                runner.start("ring-writer-" + w, () -> {
                    try (Transaction tx = store.newTransaction()) {
                        final ExpandableArrayBuffer v = new ExpandableArrayBuffer(4);
                        final UnsafeBuffer out = new UnsafeBuffer(new byte[4]);
                        while (runner.running()) {
                            final int a = random.nextInt(n);
                            final int attempts = Transactions.run(tx, level, 1_000, t -> {
                                t.get(store, keys[a], 0, keys[a].capacity(), v, 0);
                                final int b = v.getInt(0);
                                t.get(store, keys[b], 0, keys[b].capacity(), v, 0);
                                final int c = v.getInt(0);
                                t.get(store, keys[c], 0, keys[c].capacity(), v, 0);
                                final int d = v.getInt(0);
                                // a -> b -> c -> d becomes a -> c -> b -> d
                                out.putInt(0, c);
                                t.put(store, keys[a], 0, keys[a].capacity(), out, 0, 4);
                                out.putInt(0, b);
                                t.put(store, keys[c], 0, keys[c].capacity(), out, 0, 4);
                                out.putInt(0, d);
                                t.put(store, keys[b], 0, keys[b].capacity(), out, 0, 4);
                            });
                            commits.incrementAndGet();
                            retries.addAndGet(attempts - 1);
                        }
                    }
                });
            }
            for (int r = 0; r < READERS; r++) {
                runner.start("ring-reader-" + r, () -> {
                    try (Transaction tx = store.newTransaction()) {
                        final int[] next = new int[n];
                        while (runner.running()) {
                            tx.begin(IsolationLevel.SNAPSHOT, true);
                            int count = 0;
                            final Cursor c = tx.scan(store);
                            for (boolean ok = c.first(); ok; ok = c.next()) {
                                next[count++] = c.value().getInt(0);
                            }
                            tx.commit();
                            final String problem = count != n ? count + " nodes instead of " + n : checkCycle(next);
                            if (problem != null) {
                                runner.violation("snapshot at sequence " + tx.commitSequence() + ": " + problem);
                            }
                            checks.incrementAndGet();
                        }
                    }
                });
            }
            runner.join();
            final int[] next = new int[n];
            for (int i = 0; i < n; i++) {
                next[i] = new UnsafeBuffer(store.get(toBytes(keys[i]))).getInt(0);
            }
            System.out.printf("ring%s: %d swaps committed, %d retries after conflicts, %d cycle checks, %d violations, %d flushes, seed %d%n",
                forced == null ? "" : " (" + forced + ")", commits.get(), retries.get(), checks.get(), runner.violations().size(),
                store.stats().get(dev.strata.StoreStats.Counter.FLUSHES), seed);
            return new Result(runner.violations(), checkCycle(next), commits.get(), checks.get());
        }
    }

    /** @return null if {@code next} is one cycle through all nodes, else what is wrong */
    static String checkCycle(final int[] next) {
        final boolean[] seen = new boolean[next.length];
        int node = 0;
        for (int steps = 0; steps < next.length; steps++) {
            if (node < 0 || node >= next.length) {
                return "link to " + node + " out of range";
            }
            if (seen[node]) {
                return "a cycle of length " + steps + " (node " + node + " visited twice)";
            }
            seen[node] = true;
            node = next[node];
        }
        return node == 0 ? null : "the walk from node 0 does not return to 0 after " + next.length + " steps";
    }

    private static byte[] toBytes(final UnsafeBuffer b) {
        final byte[] out = new byte[b.capacity()];
        b.getBytes(0, out);
        return out;
    }

    /** Threads that run until a deadline, collecting violations and failures. */
    private static final class Runner {
        private final long deadline;
        private final AtomicBoolean failed = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

        Runner(final long seconds) {
            this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
        }

        boolean running() {
            return !failed.get() && System.nanoTime() < deadline;
        }

        void violation(final String what) {
            if (violations.size() < 20) {
                violations.add(what);
            }
        }

        void start(final String name, final Runnable body) {
            final Thread t = new Thread(() -> {
                try {
                    body.run();
                } catch (final RuntimeException | Error e) {
                    failed.set(true);
                    violation(name + " failed: " + e);
                    e.printStackTrace();
                }
            }, name);
            threads.add(t);
            t.start();
        }

        void join() throws InterruptedException {
            for (Thread t : threads) {
                t.join();
            }
        }

        List<String> violations() {
            return new ArrayList<>(violations);
        }
    }
}
