package dev.strata;

import dev.strata.engine.EntryKind;
import dev.strata.engine.store.CommitSlot;
import org.agrona.DirectBuffer;

/**
 * Writes applied atomically by {@link Store#write}: all or nothing, for readers and after a crash.
 * The entries are encoded straight into a write-ahead-log record, so committing copies nothing.
 * Entries for the same key apply in the order added. Owned by one thread at a time; reusable after
 * {@link #clear()}; allocates nothing once its buffer has grown. Close it to free its buffer.
 */
public final class WriteBatch implements AutoCloseable {
    private final BatchTarget target;
    private final CommitSlot slot;

    /** What a batch needs from the store: key checks and the TTL clock. Internal. */
    public interface BatchTarget {
        /** @return the namespace id, after checking that the namespace belongs to this store */
        int namespaceId(Namespace namespace);

        /** @throws LimitExceededException if the key or value is too long */
        void checkLimits(int keyLength, int valueLength);

        /** @return the absolute expiry for a value written now with {@code ttlMillis}, 0 for none */
        long expiryFor(Namespace namespace, long ttlMillis);
    }

    /** Created by {@link Store#newBatch()}. */
    public WriteBatch(final BatchTarget target, final CommitSlot slot) {
        this.target = target;
        this.slot = slot;
    }

    /** Adds a put to {@code namespace} (with its default TTL, if any). */
    public WriteBatch put(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        return put(namespace, key, keyOffset, keyLength, value, valueOffset, valueLength, 0);
    }

    /** Adds a put whose value expires {@code ttlMillis} after now (0: the namespace default). */
    public WriteBatch put(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength, final long ttlMillis) {
        target.checkLimits(keyLength, valueLength);
        final int ns = target.namespaceId(namespace);
        final long expiry = target.expiryFor(namespace, ttlMillis);
        if (expiry == 0) {
            slot.builder().add(EntryKind.PUT, ns, key, keyOffset, keyLength, value, valueOffset, valueLength);
        } else {
            slot.builder().addExpiring(ns, key, keyOffset, keyLength, expiry, value, valueOffset, valueLength);
        }
        return this;
    }

    /** Adds a delete of {@code key} in {@code namespace}. */
    public WriteBatch delete(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength) {
        target.checkLimits(keyLength, 0);
        slot.builder().add(EntryKind.DELETE, target.namespaceId(namespace), key, keyOffset, keyLength, key, keyOffset, 0);
        return this;
    }

    /** @return the number of entries added since the last {@link #clear()} */
    public int size() {
        return slot.builder().count();
    }

    /** Empties the batch for reuse. */
    public WriteBatch clear() {
        slot.builder().reset();
        return this;
    }

    /** Internal: the commit slot the store queues. */
    public CommitSlot slot() {
        return slot;
    }

    /** Frees the batch's buffer. Idempotent. */
    @Override
    public void close() {
        slot.close();
    }
}
