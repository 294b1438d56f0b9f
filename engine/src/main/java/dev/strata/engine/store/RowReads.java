package dev.strata.engine.store;

import dev.strata.StoreStats;
import dev.strata.StoreStats.Counter;
import dev.strata.engine.cache.RowCache;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The default point read (the newest visible value, as {@code Namespace.get} asks) with the row
 * cache in front: a hit is answered from the cache; a miss takes the visible sequence, reads at it
 * through {@link Reads}, which offers the value it finds to the cache tagged with that sequence.
 * Snapshot reads at older sequences go to {@link Reads} directly and neither use nor fill the cache.
 * Without a row cache this is exactly {@code Reads.get} at the visible sequence. Why a hit can never
 * be stale: see {@link RowCache}; the write side's half is {@link WriteSide}'s invalidation before
 * publishing.
 */
final class RowReads {
    private final Reads reads;
    private final WriteSide writes;
    private final RowCache rows;
    private final StoreStats stats;
    private final Pool<RowFill> fills = new Pool<>(64, RowFill::new);

    /** @param rows the row cache, or {@code null} for none */
    RowReads(final Reads reads, final WriteSide writes, final RowCache rows, final StoreStats stats) {
        this.reads = reads;
        this.writes = writes;
        this.rows = rows;
        this.stats = stats;
    }

    int get(final int ns, final DirectBuffer key, final int keyOffset, final int keyLength, final MutableDirectBuffer dst, final int dstOffset) {
        if (rows == null) {
            return reads.get(ns, key, keyOffset, keyLength, writes.visibleSequence(), dst, dstOffset);
        }
        final int hit = rows.get(ns, key, keyOffset, keyLength, dst, dstOffset);
        if (hit != RowCache.MISS) {
            stats.add(Counter.GETS, 1);
            stats.add(Counter.GET_HITS, 1);
            return hit;
        }
        final long sequence = writes.visibleSequence(); // before the read: the insert is checked against it
        final RowFill fill = fills.acquire().set(rows, ns, key, keyOffset, keyLength, sequence);
        try {
            return reads.get(ns, key, keyOffset, keyLength, sequence, dst, dstOffset, fill);
        } finally {
            fills.release(fill.clear());
        }
    }

    /** @return the row cache, or {@code null} when it is off */
    RowCache rows() {
        return rows;
    }

    void close() {
        fills.close();
    }
}
