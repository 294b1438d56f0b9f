package dev.strata.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CommitStatus;
import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.Transaction;
import dev.strata.Namespace;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot path allocates nothing once warm: 100,000 puts (5,000 with a sync each), gets (from the memtable and from
 * sorted segments through the block cache), deletes and cursor steps, each measured with
 * {@code ThreadMXBean#getCurrentThreadAllocatedBytes} on this thread. The bar is under 0.1 byte
 * per operation after {@link #SLACK_BYTES} (the JVM's own occasional safepoint allocations; see
 * the compression module's ZeroAllocationTest).
 */
class StoreZeroAllocationTest {
    private static final int OPS = 100_000;
    private static final int KEYS = 50_000;
    private static final long SLACK_BYTES = 4096;
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[100]);
    private final UnsafeBuffer dst = new UnsafeBuffer(new byte[256]);

    @BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    private UnsafeBuffer key(final long i) {
        return key(key, i);
    }

    /** Writes the 16-byte key number {@code i} into {@code key} (also used by {@link RowCacheZeroAllocationTest}). */
    static UnsafeBuffer key(final UnsafeBuffer key, final long i) {
        key.putLong(0, 0x6B6579L, ByteOrder.BIG_ENDIAN);
        key.putLong(8, i, ByteOrder.BIG_ENDIAN);
        return key;
    }

    private void put(final Store store, final long i) {
        value.putLong(0, i);
        store.put(key(i % KEYS), 0, 16, value, 0, 100);
    }

    @Test
    void putGetDeleteAndScanStepAllocateNothing() {
        final StoreConfig config = StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).memtableBytes(128 << 20).build();
        try (Store store = Strata.open(config)) {
            measure("put (memtable)", () -> {
                for (int i = 0; i < OPS; i++) {
                    put(store, i);
                }
            });
            measure("get (memtable)", () -> {
                for (int i = 0; i < OPS; i++) {
                    check(store.get(key(i % KEYS), 0, 16, dst, 0) == 100);
                }
            });
            store.flush();
            store.compact();
            measure("get (segments, block cache)", () -> {
                for (int i = 0; i < OPS; i++) {
                    check(store.get(key((i * 7919L) % KEYS), 0, 16, dst, 0) == 100);
                }
            });
            try (Cursor cursor = store.newCursor()) {
                measure("cursor next", () -> {
                    int steps = 0;
                    while (steps < OPS) {
                        for (boolean ok = cursor.first(); ok && steps < OPS; ok = cursor.next()) {
                            steps++;
                        }
                    }
                });
            }
            measure("delete", () -> {
                for (int i = 0; i < OPS; i++) {
                    store.delete(key(i % KEYS), 0, 16);
                }
            });
            assertEquals(Namespace.NOT_FOUND, store.get(key(1), 0, 16, dst, 0));
        }
    }

    @Test
    void durablePutAllocatesNothing() {
        final StoreConfig config = StoreConfig.builder(dir).syncPolicy(SyncPolicy.EVERY_COMMIT).memtableBytes(16 << 20).build();
        try (Store store = Strata.open(config)) {
            measure("put (sync every commit)", OPS / 20, () -> {
                for (int i = 0; i < OPS / 20; i++) {
                    put(store, i);
                }
            });
        }
    }

    @Test
    void smallTransactionsAllocateNothing() {
        final StoreConfig config = StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).memtableBytes(64 << 20).build();
        try (Store store = Strata.open(config); Transaction tx = store.newTransaction()) {
            for (int i = 0; i < KEYS; i++) {
                put(store, i);
            }
            for (IsolationLevel level : IsolationLevel.values()) {
                measure("transaction 2 gets + 2 puts, " + level, OPS / 5, () -> {
                    for (int i = 0; i < OPS / 5; i++) {
                        tx.begin(level, false);
                        check(tx.get(store, key(i % KEYS), 0, 16, dst, 0) == 100);
                        check(tx.get(store, key((i + 1) % KEYS), 0, 16, dst, 0) == 100);
                        value.putLong(0, i);
                        tx.put(store, key(i % KEYS), 0, 16, value, 0, 100);
                        tx.put(store, key((i + 1) % KEYS), 0, 16, value, 0, 100);
                        check(tx.commit() == CommitStatus.COMMITTED);
                    }
                });
            }
            measure("read-only transaction, 10-key scan", OPS / 5, () -> {
                for (int i = 0; i < OPS / 5; i++) {
                    tx.begin(IsolationLevel.SERIALIZABLE, true);
                    final Cursor c = tx.scan(store);
                    int n = 0;
                    for (boolean ok = c.seek(key(i % KEYS), 0, 16); ok && n < 10; ok = c.next()) {
                        n++;
                    }
                    check(n > 0);
                    check(tx.commit() == CommitStatus.COMMITTED);
                }
            });
        }
    }

    private static void check(final boolean ok) {
        if (!ok) {
            throw new AssertionError("unexpected read result");
        }
    }

    private static void measure(final String what, final Runnable ops) {
        measure(what, OPS, ops);
    }

    /**
     * Runs {@code ops} once to warm up, then again measured on this thread; fails above the bar
     * (0.1 byte per operation after {@link #SLACK_BYTES}). Shared by the store's zero-allocation tests.
     */
    static void measure(final String what, final int count, final Runnable ops) {
        ops.run();
        THREADS.getCurrentThreadAllocatedBytes();
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        ops.run();
        final long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("[allocation] %-50s %8d bytes in %d operations = %.4f bytes per operation%n", what, allocated, count,
            (double)allocated / count);
        assertTrue(allocated <= SLACK_BYTES || (allocated - SLACK_BYTES) / (double)count < 0.1,
            what + " allocated " + allocated + " bytes in " + count + " warm operations");
    }
}
