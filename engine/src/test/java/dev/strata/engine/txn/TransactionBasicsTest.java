package dev.strata.engine.txn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CommitStatus;
import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.LimitExceededException;
import dev.strata.Namespace;
import dev.strata.NamespaceConfig;
import dev.strata.Store;
import dev.strata.StoreClosedException;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.Transaction;
import dev.strata.TransactionConflictException;
import dev.strata.TransactionStateException;
import dev.strata.Transactions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transaction API, one behaviour per test. */
class TransactionBasicsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    private StoreConfig.Builder small() {
        return StoreConfig.builder(dir).memtableBytes(64 << 10).cacheBytes(1 << 20).targetFileBytes(64 << 10).baseLevelBytes(256 << 10);
    }

    private static List<String> scanAll(final Transaction tx, final Namespace ns) {
        final List<String> out = new ArrayList<>();
        final Cursor c = tx.scan(ns);
        for (boolean ok = c.first(); ok; ok = c.next()) {
            out.add(c.key().getStringWithoutLengthUtf8(0, c.key().capacity()) + "=" + c.value().getStringWithoutLengthUtf8(0, c.value().capacity()));
        }
        return out;
    }

    @Test
    void ownWritesAreVisibleOnlyAfterCommit() {
        try (Store store = Strata.open(small().build()); Transaction tx = store.newTransaction()) {
            store.put("a".getBytes(UTF_8), "1".getBytes(UTF_8));
            tx.begin();
            tx.put(store, "b", "2");
            tx.put(store, "a", "x");
            tx.put(store, "a", "3");
            tx.delete(store, "c".getBytes(UTF_8));
            assertEquals("3", tx.get(store, "a"));
            assertEquals("2", tx.get(store, "b"));
            assertEquals(List.of("a=3", "b=2"), scanAll(tx, store));
            assertNull(store.get("b".getBytes(UTF_8)), "uncommitted writes must not be visible");
            assertEquals(CommitStatus.COMMITTED, tx.commit());
            assertEquals("3", new String(store.get("a".getBytes(UTF_8)), UTF_8));
            assertEquals("2", new String(store.get("b".getBytes(UTF_8)), UTF_8));
            assertEquals(store.lastSequence(), tx.commitSequence());
        }
    }

    @Test
    void ownDeleteHidesCommittedValueInGetAndScan() {
        try (Store store = Strata.open(small().build()); Transaction tx = store.newTransaction()) {
            store.put("a".getBytes(UTF_8), "1".getBytes(UTF_8));
            store.put("b".getBytes(UTF_8), "2".getBytes(UTF_8));
            tx.begin(IsolationLevel.SNAPSHOT, false);
            tx.delete(store, "a".getBytes(UTF_8));
            assertNull(tx.get(store, "a"));
            assertEquals(List.of("b=2"), scanAll(tx, store));
            final Cursor c = tx.scan(store);
            assertTrue(c.last());
            assertEquals("b", c.key().getStringWithoutLengthUtf8(0, c.key().capacity()));
            assertFalse(c.prev());
            tx.rollback();
            assertEquals("1", new String(store.get("a".getBytes(UTF_8)), UTF_8));
        }
    }

    @Test
    void serializableConflictsOnReadKeyChangedByAnotherCommit() {
        try (Store store = Strata.open(small().build()); Transaction t1 = store.newTransaction(); Transaction t2 = store.newTransaction()) {
            store.put("x".getBytes(UTF_8), "0".getBytes(UTF_8));
            t1.begin();
            t2.begin();
            assertEquals("0", t1.get(store, "x"));
            t1.put(store, "y", "1");
            t2.put(store, "x", "5");
            assertEquals(CommitStatus.COMMITTED, t2.commit());
            assertEquals(CommitStatus.CONFLICT, t1.commit());
            assertNull(store.get("y".getBytes(UTF_8)), "a conflicting transaction writes nothing");
        }
    }

    @Test
    void serializableConflictsOnPhantomInScannedRange() {
        try (Store store = Strata.open(small().build()); Transaction t1 = store.newTransaction(); Transaction t2 = store.newTransaction()) {
            t1.begin();
            final Cursor c = t1.scan(store);
            c.bounds(new UnsafeBuffer("k1".getBytes(UTF_8)), 0, 2, new UnsafeBuffer("k5".getBytes(UTF_8)), 0, 2);
            assertFalse(c.first());
            t1.put(store, "other", "1");
            t2.begin();
            t2.put(store, "k9", "outside the range");
            assertEquals(CommitStatus.COMMITTED, t2.commit());
            t2.begin();
            t2.put(store, "k3", "phantom");
            assertEquals(CommitStatus.COMMITTED, t2.commit());
            assertEquals(CommitStatus.CONFLICT, t1.commit());
        }
    }

    @Test
    void snapshotFirstCommitterWinsButWriteSkewCommits() {
        try (Store store = Strata.open(small().build()); Transaction t1 = store.newTransaction(); Transaction t2 = store.newTransaction()) {
            t1.begin(IsolationLevel.SNAPSHOT, false);
            t2.begin(IsolationLevel.SNAPSHOT, false);
            t1.put(store, "k", "1");
            t2.put(store, "k", "2");
            assertEquals(CommitStatus.COMMITTED, t1.commit());
            assertEquals(CommitStatus.CONFLICT, t2.commit());
            t1.begin(IsolationLevel.SNAPSHOT, false);
            t2.begin(IsolationLevel.SNAPSHOT, false);
            t1.get(store, "k");
            t2.get(store, "k");
            t1.put(store, "a", "1");
            t2.put(store, "b", "1");
            assertEquals(CommitStatus.COMMITTED, t1.commit());
            assertEquals(CommitStatus.COMMITTED, t2.commit(), "snapshot isolation allows write skew");
        }
    }

    @Test
    void readOnlyNeverConflictsAndRefusesWrites() {
        try (Store store = Strata.open(small().build()); Transaction ro = store.newTransaction()) {
            store.put("a".getBytes(UTF_8), "1".getBytes(UTF_8));
            ro.begin(IsolationLevel.SERIALIZABLE, true);
            assertEquals("1", ro.get(store, "a"));
            store.put("a".getBytes(UTF_8), "2".getBytes(UTF_8));
            assertEquals("1", ro.get(store, "a"), "reads come from the read point");
            final TransactionStateException e = assertThrows(TransactionStateException.class, () -> ro.put(store, "a", "3"));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
            assertEquals(CommitStatus.COMMITTED, ro.commit());
        }
    }

    @Test
    void misuseIsTypedAndHarmless() {
        try (Store store = Strata.open(small().build())) {
            final Transaction tx = store.newTransaction();
            assertThrows(TransactionStateException.class, () -> tx.get(store, "a"));
            tx.begin();
            assertThrows(TransactionStateException.class, tx::begin);
            tx.put(store, "a", "1");
            assertEquals(CommitStatus.COMMITTED, tx.commit());
            final TransactionStateException twice = assertThrows(TransactionStateException.class, tx::commit);
            assertTrue(twice.getMessage().contains("begin()"), twice.getMessage());
            assertThrows(TransactionStateException.class, () -> tx.put(store, "b", "2"));
            tx.begin();
            tx.put(store, "b", "2");
            assertThrows(TransactionStateException.class, tx::close, "closing an active transaction is misuse");
            assertNull(store.get("b".getBytes(UTF_8)), "its writes were rolled back");
            assertEquals("1", new String(store.get("a".getBytes(UTF_8)), UTF_8));
            assertThrows(TransactionStateException.class, tx::begin, "a closed transaction cannot begin");
            tx.close();
        }
    }

    @Test
    void useAfterStoreCloseIsTyped() {
        final Store store = Strata.open(small().build());
        final Transaction tx = store.newTransaction();
        tx.begin();
        tx.put(store, "a", "1");
        store.close();
        assertThrows(StoreClosedException.class, () -> tx.get(store, "a"));
        assertThrows(StoreClosedException.class, tx::commit);
        tx.close();
    }

    @Test
    void writeSetLimitIsTypedAndKeepsTheTransaction() {
        try (Store store = Strata.open(small().build()); Transaction tx = store.newTransaction(4096)) {
            tx.begin();
            final byte[] value = new byte[1000];
            assertThrows(LimitExceededException.class, () -> {
                for (int i = 0; i < 10; i++) {
                    tx.put(store, ("k" + i).getBytes(UTF_8), value);
                }
            });
            assertTrue(tx.isActive());
            assertEquals(CommitStatus.COMMITTED, tx.commit());
            assertTrue(store.get("k0".getBytes(UTF_8)) != null);
        }
    }

    @Test
    void namespacesAreAtomicTogether() {
        try (Store store = Strata.open(small().namespace(NamespaceConfig.builder("other").build()).build());
            Transaction tx = store.newTransaction()) {
            final Namespace other = store.namespace("other");
            tx.begin();
            tx.put(store, "a", "1");
            tx.put(other, "a", "2");
            assertEquals(List.of("a=2"), scanAll(tx, other));
            assertEquals(CommitStatus.COMMITTED, tx.commit());
            assertEquals("2", new String(other.get("a".getBytes(UTF_8)), UTF_8));
            assertEquals("1", new String(store.get("a".getBytes(UTF_8)), UTF_8));
        }
    }

    @Test
    void retryHelperRetriesConflictsAndGivesUp() {
        try (Store store = Strata.open(small().build()); Transaction tx = store.newTransaction(); Transaction other = store.newTransaction()) {
            store.put("n".getBytes(UTF_8), "0".getBytes(UTF_8));
            final int[] runs = {0};
            final int attempts = Transactions.run(tx, IsolationLevel.SERIALIZABLE, 5, t -> {
                final int n = Integer.parseInt(t.get(store, "n"));
                if (runs[0]++ == 0) { // a concurrent increment lands between read and commit, once
                    other.begin();
                    other.put(store, "n", "100");
                    assertEquals(CommitStatus.COMMITTED, other.commit());
                }
                t.put(store, "n", Integer.toString(n + 1));
            });
            assertEquals(2, attempts);
            assertEquals("101", new String(store.get("n".getBytes(UTF_8)), UTF_8));
            assertThrows(TransactionConflictException.class, () -> Transactions.run(tx, IsolationLevel.SERIALIZABLE, 2, t -> {
                t.get(store, "n");
                other.begin();
                other.put(store, "n", "7");
                other.commit();
                t.put(store, "n", "8");
            }));
            assertEquals("7", new String(store.get("n".getBytes(UTF_8)), UTF_8));
        }
    }

    @Test
    void conflictsAreFoundAfterFlushToSegments() {
        try (Store store = Strata.open(small().build()); Transaction t1 = store.newTransaction(); Transaction t2 = store.newTransaction()) {
            store.put("x".getBytes(UTF_8), "0".getBytes(UTF_8));
            t1.begin();
            assertEquals("0", t1.get(store, "x"));
            t1.scan(store).first();
            t1.put(store, "y", "1");
            t2.begin();
            t2.put(store, "x", "1");
            assertEquals(CommitStatus.COMMITTED, t2.commit());
            store.flush();
            store.compact();
            assertEquals("0", t1.get(store, "x"), "the read point survives flush and compaction");
            assertEquals(CommitStatus.CONFLICT, t1.commit());
        }
    }

    @Test
    void versionsAreKeptOnlyWhileATransactionNeedsThem() {
        try (Store store = Strata.open(small().build()); Transaction tx = store.newTransaction()) {
            store.put("k".getBytes(UTF_8), "v0".getBytes(UTF_8));
            tx.begin(IsolationLevel.SNAPSHOT, false);
            assertEquals("v0", tx.get(store, "k"));
            store.put("k".getBytes(UTF_8), "v1".getBytes(UTF_8));
            final long before = store.stats().get(dev.strata.StoreStats.Counter.COMPACTION_DROPPED);
            store.flush();
            store.compact();
            assertEquals(before, store.stats().get(dev.strata.StoreStats.Counter.COMPACTION_DROPPED), "v0 is needed by the transaction");
            assertEquals("v0", tx.get(store, "k"));
            assertEquals(CommitStatus.COMMITTED, tx.commit());
            store.put("k".getBytes(UTF_8), "v2".getBytes(UTF_8));
            store.flush();
            store.compact();
            assertTrue(store.stats().get(dev.strata.StoreStats.Counter.COMPACTION_DROPPED) >= before + 2,
                "with the transaction ended, v0 and v1 are dropped: " + store.stats());
            assertEquals("v2", new String(store.get("k".getBytes(UTF_8)), UTF_8));
        }
    }
}
