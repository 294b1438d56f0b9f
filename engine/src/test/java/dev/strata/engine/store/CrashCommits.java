package dev.strata.engine.store;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CommitStatus;
import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.Transaction;
import dev.strata.Store;
import dev.strata.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The crash tests' workload: commit {@code i} is one batch of 2 to 4 writes (new keys, a delete of
 * an older key every tenth commit, and the key {@code last} set to {@code i}). Even commits are
 * write batches; odd ones are multi-key SERIALIZABLE transactions that first read {@code last}
 * and check it is {@code i - 1}. After a crash the
 * store must hold exactly the first {@code P} commits for some {@code P} — no hole, no half batch —
 * with {@code P} at least the number of commits acknowledged as durable.
 */
final class CrashCommits {
    static final String LAST = "last";

    private CrashCommits() {
    }

    static String key(final int commit, final int entry) {
        return String.format("c%05d-%d", commit, entry);
    }

    static String value(final int commit, final int entry) {
        final int length = 200 + (commit * 7 + entry * 13) % 700;
        final StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            s.append(commit).append('.').append(entry).append(';');
        }
        return s.substring(0, length);
    }

    /** Applies commit {@code i} to the store, atomically: a batch for even {@code i}, a transaction for odd. */
    static long apply(final Store store, final WriteBatch batch, final Transaction tx, final int i) {
        if (i % 2 == 1) {
            return applyInTransaction(store, tx, i);
        }
        batch.clear();
        for (int j = 0; j <= i % 3; j++) {
            final UnsafeBuffer k = buf(key(i, j));
            final UnsafeBuffer v = buf(value(i, j));
            batch.put(store, k, 0, k.capacity(), v, 0, v.capacity());
        }
        if (i % 10 == 9) {
            final UnsafeBuffer k = buf(key(i - 5, 0));
            batch.delete(store, k, 0, k.capacity());
        }
        final UnsafeBuffer last = buf(LAST);
        final UnsafeBuffer n = buf(Integer.toString(i));
        batch.put(store, last, 0, last.capacity(), n, 0, n.capacity());
        return store.write(batch);
    }

    private static long applyInTransaction(final Store store, final Transaction tx, final int i) {
        tx.begin(IsolationLevel.SERIALIZABLE, false);
        final String previous = tx.get(store, LAST);
        if (!Integer.toString(i - 1).equals(previous)) {
            tx.rollback();
            throw new IllegalStateException("commit " + i + " read last=" + previous + ", expected " + (i - 1));
        }
        for (int j = 0; j <= i % 3; j++) {
            tx.put(store, key(i, j), value(i, j));
        }
        if (i % 10 == 9) {
            tx.delete(store, key(i - 5, 0).getBytes(ISO_8859_1));
        }
        tx.put(store, LAST, Integer.toString(i));
        final CommitStatus status = tx.commit();
        if (status != CommitStatus.COMMITTED) {
            throw new IllegalStateException("commit " + i + " ended " + status + " with a single writer");
        }
        return tx.commitSequence();
    }

    /** @return the store's contents after the first {@code commits} commits */
    static TreeMap<String, String> model(final int commits) {
        final TreeMap<String, String> m = new TreeMap<>();
        for (int i = 0; i < commits; i++) {
            for (int j = 0; j <= i % 3; j++) {
                m.put(key(i, j), value(i, j));
            }
            if (i % 10 == 9) {
                m.remove(key(i - 5, 0));
            }
            m.put(LAST, Integer.toString(i));
        }
        return m;
    }

    /**
     * Checks the store holds exactly a prefix of the commits, of at least {@code acknowledged} and at
     * most {@code attempted} commits.
     *
     * @return the number of commits present
     */
    static int verify(final Store store, final int acknowledged, final int attempted, final String where) {
        final byte[] last = store.get(LAST.getBytes(ISO_8859_1));
        final int present = last == null ? 0 : Integer.parseInt(new String(last, ISO_8859_1)) + 1;
        assertTrue(present >= acknowledged, where + ": " + acknowledged + " commits were acknowledged as durable but only " + present
            + " survived");
        assertTrue(present <= attempted, where + ": " + present + " commits present but only " + attempted + " were attempted");
        final List<String> expected = new ArrayList<>();
        for (Map.Entry<String, String> e : model(present).entrySet()) {
            expected.add(e.getKey() + "=" + e.getValue());
        }
        final List<String> actual = new ArrayList<>();
        try (Cursor c = store.newCursor()) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                actual.add(c.key().getStringWithoutLengthAscii(0, c.key().capacity()) + "="
                    + c.value().getStringWithoutLengthAscii(0, c.value().capacity()));
            }
        }
        if (!expected.equals(actual)) {
            assertEquals(String.join("\n", expected), String.join("\n", actual), where + ": the store is not exactly the first " + present
                + " commits (a hole, a half-applied batch or a lost write)");
        }
        return present;
    }

    private static UnsafeBuffer buf(final String s) {
        return new UnsafeBuffer(s.getBytes(ISO_8859_1));
    }
}
