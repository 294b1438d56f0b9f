package dev.strata.engine.store;

import org.agrona.DirectBuffer;

/**
 * Walks internal keys (user key, then sequence descending) of one source: a memtable, a segment,
 * a level, or a merge of those. Views are valid until the iterator moves. Positioning methods
 * leave it invalid if there is no such entry. Single-threaded, allocation-free.
 */
interface InternalIterator {
    /** Sorts before every real trailer of a key: use with {@link #seek} to land on a key's newest version. */
    long FIRST_TRAILER = -1L;
    /** Sorts after every real trailer of a key (sequence numbers start at 1). */
    long LAST_TRAILER = 0L;

    boolean valid();

    /** First entry ≥ {@code (key, trailer)}. */
    void seek(DirectBuffer key, int offset, int length, long trailer);

    /** Last entry &lt; {@code (key, trailer)}. */
    void seekBefore(DirectBuffer key, int offset, int length, long trailer);

    void seekToFirst();

    void seekToLast();

    void next();

    void prev();

    DirectBuffer key();

    int keyOffset();

    int keyLength();

    long trailer();

    DirectBuffer value();

    int valueOffset();

    int valueLength();
}
