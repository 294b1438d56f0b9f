package dev.strata.bench.isolation;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.strata.CommitStatus;
import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.Store;
import dev.strata.Transaction;
import dev.strata.WriteBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A harness for the isolation-anomaly scripts of {@code shared/spec/hermitage.md}: keys 1..4 with
 * integer values, the store reset to {1:10, 2:20} before each script; each transaction runs on its
 * own thread; steps are submitted in the listed order; a step that has not returned within
 * {@link #BLOCK_MILLIS} is recorded as blocked and the script moves on (its transaction's later
 * steps queue behind it); at the end everything is awaited with a hard timeout, and a hang fails.
 * "X" steps run in a fresh read-only transaction. The outcome of a script is judged by its anomaly
 * predicate, which looks at the results, not the mechanism.
 */
public final class Hermitage {
    static final long BLOCK_MILLIS = 300;
    static final long HANG_MILLIS = 10_000;
    /** A step's result when it did not return within {@link #BLOCK_MILLIS}. */
    static final String BLOCKED = "BLOCKED";

    /** One step: which transaction (0 = X), what it does, and the name its result is kept under (or null). */
    record Step(int txn, String text, Action action, String name) {
    }

    @FunctionalInterface
    interface Action {
        Object run(Transaction tx, Store store, IsolationLevel level);
    }

    /** A script: its steps and the predicate that says whether the anomaly occurred. */
    static final class Script {
        final String name;
        final List<Step> steps = new ArrayList<>();
        Predicate<Outcome> anomaly;

        Script(final String name) {
            this.name = name;
        }

        Script step(final int txn, final String text, final Action action) {
            steps.add(new Step(txn, text, action, null));
            return this;
        }

        /** Names the result of the last step. */
        Script as(final String name) {
            final Step last = steps.remove(steps.size() - 1);
            steps.add(new Step(last.txn, last.text, last.action, name));
            return this;
        }

        Script begin(final int txn) {
            return step(txn, "T" + txn + " begin", (tx, s, level) -> {
                tx.begin(level, false);
                return "ok";
            });
        }

        Script get(final int txn, final int key) {
            return step(txn, "T" + txn + " get " + key, (tx, s, level) -> read(tx, s, key));
        }

        Script put(final int txn, final int key, final int value) {
            return step(txn, "T" + txn + " put " + key + " " + value, (tx, s, level) -> {
                write(tx, s, key, value);
                return "ok";
            });
        }

        Script scan(final int txn, final String predicate, final IntPredicate p) {
            return step(txn, "T" + txn + " scan " + predicate, (tx, s, level) -> format(scanWhere(tx, s, p)));
        }

        Script updWhere(final int txn, final String predicate, final IntPredicate p, final IntUnaryOperator f) {
            return step(txn, "T" + txn + " updWhere " + predicate, (tx, s, level) -> {
                final Map<Integer, Integer> rows = scanWhere(tx, s, p);
                rows.forEach((k, v) -> write(tx, s, k, f.applyAsInt(v)));
                return format(rows);
            });
        }

        Script delWhere(final int txn, final String predicate, final IntPredicate p) {
            return step(txn, "T" + txn + " delWhere " + predicate, (tx, s, level) -> {
                final Map<Integer, Integer> rows = scanWhere(tx, s, p);
                rows.keySet().forEach(k -> tx.delete(s, key(k)));
                return format(rows);
            });
        }

        /** Each transaction puts what it read plus one (P4's detectable variant). */
        Script increment(final int txn, final int key) {
            return step(txn, "T" + txn + " put " + key + " read+1", (tx, s, level) -> {
                final Integer v = read(tx, s, key);
                write(tx, s, key, v + 1);
                return v;
            });
        }

        Script commit(final int txn) {
            return step(txn, "T" + txn + " commit", (tx, s, level) -> tx.commit()).as("commit" + txn);
        }

        Script abort(final int txn) {
            return step(txn, "T" + txn + " abort", (tx, s, level) -> {
                tx.rollback();
                return "aborted";
            });
        }

        /** A fresh read-only transaction scans with a predicate. */
        Script scanX(final String predicate, final IntPredicate p) {
            return step(0, "X scan " + predicate, (tx, s, level) -> {
                tx.begin(IsolationLevel.SERIALIZABLE, true);
                final String r = format(scanWhere(tx, s, p));
                tx.commit();
                return r;
            });
        }

        Script anomalyIf(final Predicate<Outcome> p) {
            this.anomaly = p;
            return this;
        }
    }

    /** What a run produced: named results and commit outcomes. */
    static final class Outcome {
        final IsolationLevel level;
        final Map<String, Object> named = new HashMap<>();
        final List<String> log = new ArrayList<>();

        Outcome(final IsolationLevel level) {
            this.level = level;
        }

        Object get(final String name) {
            if (!named.containsKey(name)) {
                throw new IllegalArgumentException("no step result named " + name + " in " + named.keySet());
            }
            return named.get(name);
        }

        boolean committed(final int txn) {
            return get("commit" + txn) == CommitStatus.COMMITTED;
        }

        boolean is(final String name, final Object expected) {
            return expected.equals(get(name));
        }
    }

    private Hermitage() {
    }

    static byte[] key(final int k) {
        return Integer.toString(k).getBytes(UTF_8);
    }

    static Integer read(final Transaction tx, final Store s, final int key) {
        final String v = tx.get(s, Integer.toString(key));
        return v == null ? null : Integer.valueOf(v);
    }

    static void write(final Transaction tx, final Store s, final int key, final int value) {
        tx.put(s, Integer.toString(key), Integer.toString(value));
    }

    static Map<Integer, Integer> scanWhere(final Transaction tx, final Store s, final IntPredicate p) {
        final Map<Integer, Integer> out = new TreeMap<>();
        final Cursor c = tx.scan(s);
        for (boolean ok = c.first(); ok; ok = c.next()) {
            final int v = Integer.parseInt(c.value().getStringWithoutLengthUtf8(0, c.value().capacity()));
            if (p.test(v)) {
                out.put(Integer.parseInt(c.key().getStringWithoutLengthUtf8(0, c.key().capacity())), v);
            }
        }
        return out;
    }

    static String format(final Map<Integer, Integer> rows) {
        final StringBuilder b = new StringBuilder("{");
        rows.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(k).append(':').append(v));
        return b.append('}').toString();
    }

    /** Resets the store to {1:10, 2:20}. */
    static void reset(final Store store) {
        try (WriteBatch b = store.newBatch()) {
            for (int k = 1; k <= 4; k++) {
                final UnsafeBuffer key = new UnsafeBuffer(key(k));
                b.delete(store, key, 0, key.capacity());
            }
            put(b, store, 1, 10);
            put(b, store, 2, 20);
            store.write(b);
        }
    }

    private static void put(final WriteBatch b, final Store store, final int k, final int v) {
        final UnsafeBuffer key = new UnsafeBuffer(key(k));
        final UnsafeBuffer value = new UnsafeBuffer(Integer.toString(v).getBytes(UTF_8));
        b.put(store, key, 0, key.capacity(), value, 0, value.capacity());
    }

    /**
     * Runs a script at a level on a store already reset.
     *
     * @throws IllegalStateException if a step hangs past {@link #HANG_MILLIS} or throws
     */
    static Outcome run(final Script script, final Store store, final IsolationLevel level) throws InterruptedException {
        final Outcome out = new Outcome(level);
        final ExecutorService[] threads = new ExecutorService[4];
        final Transaction[] txns = new Transaction[4];
        final List<Future<Object>> pending = new ArrayList<>();
        final List<Step> pendingSteps = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                final int id = t;
                threads[t] = Executors.newSingleThreadExecutor(r -> new Thread(r, "hermitage-" + (id == 0 ? "X" : "T" + id)));
                txns[t] = store.newTransaction();
            }
            for (Step step : script.steps) {
                final Transaction tx = txns[step.txn];
                final Future<Object> f = threads[step.txn].submit(() -> step.action.run(tx, store, level));
                pending.add(f);
                pendingSteps.add(step);
                Object result;
                try {
                    result = f.get(BLOCK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (final TimeoutException e) {
                    result = BLOCKED;
                } catch (final java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(script.name + " at " + level + ": step '" + step.text + "' threw " + e.getCause(), e.getCause());
                }
                out.log.add(step.text + " => " + result);
                if (step.name != null) {
                    out.named.put(step.name, result);
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                final Object result;
                try {
                    result = pending.get(i).get(HANG_MILLIS, TimeUnit.MILLISECONDS);
                } catch (final TimeoutException e) {
                    throw new IllegalStateException(script.name + " at " + level + ": step '" + pendingSteps.get(i).text + "' hung (no result in "
                        + HANG_MILLIS + " ms)");
                } catch (final java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(script.name + " at " + level + ": step '" + pendingSteps.get(i).text + "' threw " + e.getCause(),
                        e.getCause());
                }
                if (pendingSteps.get(i).name != null && BLOCKED.equals(out.named.get(pendingSteps.get(i).name))) {
                    out.named.put(pendingSteps.get(i).name, result); // a blocked step's eventual result
                }
            }
            return out;
        } finally {
            for (int t = 0; t < 4; t++) {
                if (threads[t] != null) {
                    final Transaction tx = txns[t];
                    if (tx != null) {
                        threads[t].submit(() -> {
                            if (tx.isActive()) {
                                tx.rollback();
                            }
                            tx.close();
                        });
                    }
                    threads[t].shutdown();
                    if (!threads[t].awaitTermination(HANG_MILLIS, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException(script.name + " at " + level + ": a transaction thread did not finish");
                    }
                }
            }
        }
    }
}
