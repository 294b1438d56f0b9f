package dev.strata;

import org.agrona.DirectBuffer;

/**
 * An ordered view over one namespace: seek, then step forward with {@link #next()} or backward
 * with {@link #prev()} (either, in any order). Keys come in unsigned-byte order; deleted and
 * expired keys are skipped; each key appears once, with its newest value visible to the cursor's
 * read point.
 *
 * <h2>Read point</h2>
 * A cursor from {@link Namespace#newCursor()} reads the store as of each seek call (later writes
 * appear at the next seek); one from {@link Snapshot#newCursor} reads as of the snapshot. Between
 * seeks it pins the memtables and segments it reads: close it, or seek again, to let them go.
 *
 * <h2>Bounds</h2>
 * {@link #bounds} and {@link #prefix} restrict the range; {@link #first()} and {@link #last()}
 * start at its ends, and steps stop at them.
 *
 * <h2>Views</h2>
 * {@link #key()} and {@link #value()} are views whose {@code capacity()} is the length; they are
 * valid until the next call on this cursor. Copy what you keep.
 *
 * <h2>Threading</h2>
 * One thread at a time. Allocates nothing per step once warm.
 */
public interface Cursor extends AutoCloseable {
    /** Restricts the cursor to {@code lower ≤ key < upper}; a {@code null} buffer means unbounded. Copies the bounds. */
    Cursor bounds(DirectBuffer lower, int lowerOffset, int lowerLength, DirectBuffer upper, int upperOffset, int upperLength);

    /** Restricts the cursor to keys that start with the prefix. Copies it. */
    Cursor prefix(DirectBuffer prefix, int offset, int length);

    /** @return whether the cursor is on a key: positions at the first key in range */
    boolean first();

    /** @return whether the cursor is on a key: positions at the last key in range */
    boolean last();

    /** @return whether the cursor is on a key: positions at the first key ≥ {@code key} */
    boolean seek(DirectBuffer key, int offset, int length);

    /** @return whether the cursor is on a key: positions at the last key ≤ {@code key} */
    boolean seekForPrev(DirectBuffer key, int offset, int length);

    /** @return whether the cursor is on a key: moves to the next key */
    boolean next();

    /** @return whether the cursor is on a key: moves to the previous key */
    boolean prev();

    /** @return whether the cursor is on a key */
    boolean isValid();

    /** @return the current key; valid until the next call on this cursor */
    DirectBuffer key();

    /** @return the current value; valid until the next call on this cursor */
    DirectBuffer value();

    /** Releases what the cursor pins and frees its buffers. Idempotent. */
    @Override
    void close();
}
