package dev.strata;

import org.agrona.DirectBuffer;

/**
 * The store as of one sequence number: reads through it see every write with a sequence number up
 * to {@link #sequence()} and nothing later, in every namespace. Compaction keeps the versions a
 * live snapshot needs, so close snapshots you no longer use.
 *
 * <p>One thread at a time. {@link #value()} is a view valid until the next call on this snapshot.
 */
public interface Snapshot extends AutoCloseable {
    /** @return the sequence number this snapshot reads at */
    long sequence();

    /** @return whether the key had a live value as of the snapshot; if so {@link #value()} views it */
    boolean get(Namespace namespace, DirectBuffer key, int keyOffset, int keyLength);

    /** @return the value found by the last successful {@link #get}; capacity = length */
    DirectBuffer value();

    /** @return a cursor that reads as of this snapshot; close it before the snapshot */
    Cursor newCursor(Namespace namespace);

    /** Releases the snapshot. Idempotent. */
    @Override
    void close();
}
