package dev.strata;

import org.agrona.DirectBuffer;

/**
 * Writes applied atomically by {@link Store#write}: all or nothing, for readers and after a crash.
 * Made by {@link Store#newBatch()}. The entries are encoded straight into a write-ahead-log record,
 * so committing copies nothing. Entries for the same key apply in the order added. Owned by one
 * thread at a time; reusable after {@link #clear()}; allocates nothing once its buffer has grown.
 * Close it to free its buffer.
 */
public interface WriteBatch extends AutoCloseable {
    /**
     * Adds a put to {@code namespace} (with its default TTL, if any).
     *
     * @throws LimitExceededException if the key or value is too long
     */
    default WriteBatch put(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        return put(namespace, key, keyOffset, keyLength, value, valueOffset, valueLength, 0);
    }

    /**
     * Adds a put whose value expires {@code ttlMillis} after now (0: the namespace default).
     *
     * @throws LimitExceededException if the key or value is too long
     */
    WriteBatch put(Namespace namespace, DirectBuffer key, int keyOffset, int keyLength, DirectBuffer value, int valueOffset,
        int valueLength, long ttlMillis);

    /**
     * Adds a delete of {@code key} in {@code namespace}.
     *
     * @throws LimitExceededException if the key is too long
     */
    WriteBatch delete(Namespace namespace, DirectBuffer key, int keyOffset, int keyLength);

    /** @return the number of entries added since the last {@link #clear()} */
    int size();

    /** Empties the batch for reuse. */
    WriteBatch clear();

    /** Frees the batch's buffer. Idempotent. */
    @Override
    void close();
}
