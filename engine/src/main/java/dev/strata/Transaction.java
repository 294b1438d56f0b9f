package dev.strata;

import java.nio.charset.StandardCharsets;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A multi-key ACID transaction over one store's namespaces, made by {@link Store#newTransaction()}
 * and reusable: {@link #begin} → reads and writes → {@link #commit()} or {@link #rollback()} →
 * {@link #begin} again. Close it when done to free its buffers.
 *
 * <h2>Semantics</h2>
 * Writes are buffered in the transaction (they are visible to its own reads and scans) and applied
 * at commit as one write-ahead-log record: all or nothing, for readers and after a crash. Reads
 * never block and never see uncommitted data. What else a transaction sees, and what
 * {@link #commit()} checks, depends on its {@link IsolationLevel}; under {@code SNAPSHOT} and
 * {@code SERIALIZABLE} the read point is taken at the first operation after {@code begin}, and the
 * store keeps the versions it needs until the transaction ends. A conflict is an expected outcome:
 * {@link #commit()} returns {@link CommitStatus#CONFLICT} and nothing is written; retry the whole
 * unit of work ({@link Transactions#run} does).
 *
 * <h2>Allocation</h2>
 * Once warm (buffers grown, cursors created), a transaction with a small read and write set
 * allocates nothing: keys and values go through caller buffers and off-heap buffers the transaction
 * owns. The {@code byte[]} conveniences allocate.
 *
 * <h2>Threading and misuse</h2>
 * One thread at a time. Operating with no transaction begun (after commit or rollback), beginning
 * twice, writing in a read-only transaction, or closing an active transaction throws
 * {@link TransactionStateException}; nothing stored is affected. After {@link Store#close()} every
 * operation throws {@link StoreClosedException}.
 *
 * <h2>Limits</h2>
 * The write set is bounded by the size given to {@link Store#newTransaction(int)} (default 1 MiB);
 * a write that does not fit throws {@link LimitExceededException} and the transaction stays
 * active. Keys and values follow the store's limits.
 */
public interface Transaction extends AutoCloseable {
    /** Begins a {@link IsolationLevel#SERIALIZABLE} read-write transaction. */
    default Transaction begin() {
        return begin(IsolationLevel.SERIALIZABLE, false);
    }

    /**
     * Begins a transaction.
     *
     * @param level    the isolation level
     * @param readOnly whether writes are refused; a read-only transaction never conflicts
     * @return this
     * @throws TransactionStateException if a transaction is active on this object
     */
    Transaction begin(IsolationLevel level, boolean readOnly);

    /** @return whether a transaction is begun and not yet committed or rolled back */
    boolean isActive();

    /** @return the level of the current (or last) transaction */
    IsolationLevel isolationLevel();

    /**
     * Reads a key as this transaction sees it (its own writes first), copying the value into
     * {@code dst} at {@code dstOffset} (an expandable buffer grows; otherwise, if it does not fit,
     * nothing is copied and the length is still returned).
     *
     * @return the value's length, or {@link Namespace#NOT_FOUND}
     */
    int get(Namespace namespace, DirectBuffer key, int keyOffset, int keyLength, MutableDirectBuffer dst, int dstOffset);

    /** Buffers a put (with the namespace's default TTL, if any). */
    void put(Namespace namespace, DirectBuffer key, int keyOffset, int keyLength, DirectBuffer value, int valueOffset, int valueLength);

    /** Buffers a delete. */
    void delete(Namespace namespace, DirectBuffer key, int keyOffset, int keyLength);

    /**
     * Starts an ordered scan of {@code namespace} as this transaction sees it (its own writes merged
     * in). Set bounds or a prefix on the returned cursor, then position it. The cursor belongs to the
     * transaction: one per namespace, reused by the next {@code scan} of that namespace, valid until
     * then or until commit or rollback; closing it is not needed (and does nothing). Under
     * {@code SERIALIZABLE} every positioning records the cursor's whole bounded range as read, so a
     * concurrent insert anywhere in it (a phantom) makes the commit conflict: set bounds to what
     * you need.
     */
    Cursor scan(Namespace namespace);

    /**
     * Validates (per the isolation level) and applies the writes atomically, durable as the sync
     * policy says. The transaction ends whatever the outcome; if this throws (store closed or
     * failed), nothing was written.
     *
     * @return {@link CommitStatus#COMMITTED}, or {@link CommitStatus#CONFLICT} or
     *     {@link CommitStatus#BACK_PRESSURED} with nothing written
     */
    CommitStatus commit();

    /** @return the sequence number of the last commit (its writes), or its read point if it wrote nothing */
    long commitSequence();

    /** Drops the buffered writes and ends the transaction. */
    void rollback();

    /** Frees the buffers. An active transaction is rolled back and {@link TransactionStateException} thrown. */
    @Override
    void close();

    /** Allocating convenience: {@link #get(Namespace, DirectBuffer, int, int, MutableDirectBuffer, int)} into a new array, or null. */
    default byte[] get(final Namespace namespace, final byte[] key) {
        final org.agrona.ExpandableArrayBuffer dst = new org.agrona.ExpandableArrayBuffer(64);
        final int n = get(namespace, new UnsafeBuffer(key), 0, key.length, dst, 0);
        if (n < 0) {
            return null;
        }
        final byte[] out = new byte[n];
        dst.getBytes(0, out);
        return out;
    }

    /** Allocating convenience for {@link #put(Namespace, DirectBuffer, int, int, DirectBuffer, int, int)}. */
    default void put(final Namespace namespace, final byte[] key, final byte[] value) {
        put(namespace, new UnsafeBuffer(key), 0, key.length, new UnsafeBuffer(value), 0, value.length);
    }

    /** Allocating convenience for {@link #delete(Namespace, DirectBuffer, int, int)}. */
    default void delete(final Namespace namespace, final byte[] key) {
        delete(namespace, new UnsafeBuffer(key), 0, key.length);
    }

    /** Allocating convenience: UTF-8 strings. */
    default String get(final Namespace namespace, final String key) {
        final byte[] v = get(namespace, key.getBytes(StandardCharsets.UTF_8));
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** Allocating convenience: UTF-8 strings. */
    default void put(final Namespace namespace, final String key, final String value) {
        put(namespace, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }
}
