package dev.strata.engine.store;

import dev.strata.engine.cache.RowCache;
import org.agrona.DirectBuffer;

/**
 * One point read's offer to the row cache: the key and the sequence the read ran at, so that
 * {@link Reads} can hand the value it finds (with its expiry) straight from the memtable or the
 * block to {@link RowCache#insert}. Pooled by {@link RowReads}; lent to one read at a time.
 */
final class RowFill implements AutoCloseable {
    private RowCache rows;
    private int namespace;
    private DirectBuffer key;
    private int keyOffset;
    private int keyLength;
    private long sequence;

    RowFill set(final RowCache cache, final int ns, final DirectBuffer k, final int offset, final int length, final long readSequence) {
        this.rows = cache;
        this.namespace = ns;
        this.key = k;
        this.keyOffset = offset;
        this.keyLength = length;
        this.sequence = readSequence;
        return this;
    }

    /** The read found this live value, the key's newest version at the read's sequence. */
    void offer(final DirectBuffer value, final int offset, final int length, final long expiry) {
        rows.insert(namespace, key, keyOffset, keyLength, sequence, value, offset, length, expiry);
    }

    /** Forgets the caller's buffers before going back to the pool. */
    RowFill clear() {
        key = null;
        return this;
    }

    @Override
    public void close() {
        clear();
    }
}
