package dev.strata;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A keyspace in a store (like a RocksDB column family): its own codec, default TTL and cache
 * share, sharing the store's write-ahead log and sequence numbers, so a {@link WriteBatch} can
 * span namespaces atomically. {@link Store} itself is the {@code "default"} namespace.
 *
 * <h2>Keys and values</h2>
 * Keys are 1 to {@link Store#MAX_KEY_LENGTH} bytes and sort as unsigned bytes. Values are 0 to
 * {@link StoreConfig#maxValueLength()} bytes. The {@code DirectBuffer} methods allocate nothing
 * once the store is warm; the {@code byte[]} conveniences allocate their results and say so.
 *
 * <h2>Results</h2>
 * Writes return the sequence number of the commit (positive), or {@link #BACK_PRESSURED} when the
 * store's write stall exceeded {@link StoreConfig.Builder#maxWriteStallMillis} (nothing was
 * written). Reads return {@link #NOT_FOUND} for an absent, deleted or expired key. Misuse, I/O
 * failure and corruption are exceptions ({@link StrataException} and its subclasses).
 *
 * <h2>Threading</h2>
 * Thread-safe. Cursors it creates are owned by one thread at a time.
 */
public interface Namespace {
    /** {@link #get} result: no live value for the key. */
    int NOT_FOUND = -1;
    /**
     * Write result: the write waited longer than the configured maximum stall for a memtable flush
     * to free room and was not applied. Retry later, or give flushes more room (larger memtable,
     * faster tier).
     */
    long BACK_PRESSURED = -2;

    /** @return the namespace's name */
    String name();

    /**
     * Reads the newest value of a key, copying it into {@code dst} at {@code dstOffset} if it fits
     * (an expandable {@code dst} grows to fit).
     *
     * @return the value's length (copied only if {@code dst} had room for all of it), or {@link #NOT_FOUND}
     */
    int get(DirectBuffer key, int keyOffset, int keyLength, MutableDirectBuffer dst, int dstOffset);

    /** Stores a value (replacing any older one), with the namespace's default TTL if it has one. */
    long put(DirectBuffer key, int keyOffset, int keyLength, DirectBuffer value, int valueOffset, int valueLength);

    /**
     * Stores a value that expires {@code ttlMillis} after now (the store's clock); an expired value
     * reads as absent and compaction drops it.
     */
    long put(DirectBuffer key, int keyOffset, int keyLength, DirectBuffer value, int valueOffset, int valueLength, long ttlMillis);

    /** Deletes a key (a tombstone; absent keys may be deleted too). */
    long delete(DirectBuffer key, int keyOffset, int keyLength);

    /**
     * @return a new cursor over this namespace that reads the newest data as of each {@code seek};
     *     close it (it pins the segments it reads)
     */
    Cursor newCursor();

    /** Convenience that allocates the result. @return the value, or {@code null} if absent */
    byte[] get(byte[] key);

    /** Convenience that wraps the arrays (allocates two small views). */
    long put(byte[] key, byte[] value);

    /** Convenience that wraps the array (allocates a small view). */
    long delete(byte[] key);
}
