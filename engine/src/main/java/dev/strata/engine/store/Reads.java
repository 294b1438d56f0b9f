package dev.strata.engine.store;

import dev.strata.Namespace;
import dev.strata.StoreStats;
import dev.strata.StoreStats.Counter;
import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import dev.strata.engine.cache.AccessTraceRecorder;
import dev.strata.engine.memtable.Memtable;
import dev.strata.engine.memtable.MemtableNodeDescriptor;
import dev.strata.engine.sst.DataBlockCursor;
import dev.strata.engine.sst.SstReadContext;
import dev.strata.engine.wal.WalRecordBuilder;
import java.nio.ByteOrder;
import java.time.Clock;
import dev.strata.engine.DirectBuffers;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Point reads: the newest version of a key visible at a sequence number, searched in the active
 * memtable, the full ones (newest first), level-0 segments (newest first) and then one segment
 * per deeper level, skipping segments by key range and bloom filter. The first version found
 * decides: a value is copied out, a tombstone or an expired value means {@link Namespace#NOT_FOUND}.
 * Allocates nothing: the read context comes from a pool and goes back.
 */
final class Reads {
    private static final int CONTINUE = -3;

    private final VersionSet versions;
    private final Pool<SstReadContext> contexts;
    private final StoreStats stats;
    private final Clock clock;
    private final CachePartitions caches;
    /** The eviction lab's capture hook ({@code strata lab eviction --capture}); null when not capturing. */
    private volatile AccessTraceRecorder accessTrace;

    Reads(final VersionSet versions, final Pool<SstReadContext> contexts, final StoreStats stats, final Clock clock,
        final CachePartitions caches) {
        this.caches = caches;
        this.versions = versions;
        this.contexts = contexts;
        this.stats = stats;
        this.clock = clock;
    }

    int get(final int ns, final DirectBuffer key, final int keyOffset, final int keyLength, final long sequence,
        final MutableDirectBuffer dst, final int dstOffset) {
        return get(ns, key, keyOffset, keyLength, sequence, dst, dstOffset, null);
    }

    /** As {@link #get}, offering the value found to {@code fill} (the row cache), if not null; see {@link RowReads}. */
    int get(final int ns, final DirectBuffer key, final int keyOffset, final int keyLength, final long sequence,
        final MutableDirectBuffer dst, final int dstOffset, final RowFill fill) {
        stats.add(Counter.GETS, 1);
        final AccessTraceRecorder trace = accessTrace;
        if (trace != null) {
            trace.record(key, keyOffset, keyLength);
        }
        final long trailer = Trailer.seekTrailer(sequence);
        final Version v = versions.acquire();
        try {
            int r = fromMemtable(v.active.table, ns, key, keyOffset, keyLength, trailer, dst, dstOffset, fill);
            for (int i = 0; r == CONTINUE && i < v.immutables.length; i++) {
                r = fromMemtable(v.immutables[i].table, ns, key, keyOffset, keyLength, trailer, dst, dstOffset, fill);
            }
            if (r != CONTINUE) {
                stats.add(Counter.MEMTABLE_HITS, 1);
                return counted(r);
            }
            final SstReadContext ctx = contexts.acquire().cache(caches.forNamespace(ns));
            try {
                return counted(fromTree(v.trees[ns], ctx, key, keyOffset, keyLength, trailer, dst, dstOffset, fill));
            } finally {
                contexts.release(ctx.cache(null));
            }
        } finally {
            v.unref();
        }
    }

    /** Starts (a recorder) or stops (null) recording the keys of point reads. */
    void accessTrace(final AccessTraceRecorder recorder) {
        accessTrace = recorder;
    }

    private int counted(final int result) {
        if (result >= 0) {
            stats.add(Counter.GET_HITS, 1);
        }
        return result == CONTINUE ? Namespace.NOT_FOUND : result;
    }

    private int fromMemtable(final Memtable table, final int ns, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long trailer, final MutableDirectBuffer dst, final int dstOffset, final RowFill fill) {
        final int node = table.seek(ns, key, keyOffset, keyLength, trailer);
        if (node == MemtableNodeDescriptor.NULL || table.namespace(node) != ns
            || KeyComparator.compareKeys(table.arena(), table.keyOffset(node), table.keyLength(node), key, keyOffset, keyLength) != 0) {
            return CONTINUE;
        }
        return resolve(table.trailer(node), table.arena(), table.valueOffset(node), table.valueLength(node), dst, dstOffset, fill);
    }

    private int fromTree(final Tree tree, final SstReadContext ctx, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long trailer, final MutableDirectBuffer dst, final int dstOffset, final RowFill fill) {
        for (SstFile f : tree.levels[0]) {
            final int r = fromSegment(f, 0, ctx, key, keyOffset, keyLength, trailer, dst, dstOffset, fill);
            if (r != CONTINUE) {
                return r;
            }
        }
        for (int level = 1; level < tree.levels.length; level++) {
            final int i = tree.find(level, key, keyOffset, keyLength);
            if (i >= 0) {
                final int r = fromSegment(tree.levels[level][i], level, ctx, key, keyOffset, keyLength, trailer, dst, dstOffset, fill);
                if (r != CONTINUE) {
                    return r;
                }
            }
        }
        return CONTINUE;
    }

    private int fromSegment(final SstFile f, final int level, final SstReadContext ctx, final DirectBuffer key, final int keyOffset,
        final int keyLength, final long trailer, final MutableDirectBuffer dst, final int dstOffset, final RowFill fill) {
        if (!f.mayContain(key, keyOffset, keyLength) || !f.reader.mightContain(key, keyOffset, keyLength)
            || !f.reader.seek(ctx, key, keyOffset, keyLength, trailer)) {
            return CONTINUE;
        }
        final DataBlockCursor c = ctx.block();
        if (KeyComparator.compareKeys(c.key(), 0, c.keyLength(), key, keyOffset, keyLength) != 0) {
            return CONTINUE;
        }
        stats.levelHit(level);
        return resolve(c.trailer(), c.value(), c.valueOffset(), c.valueLength(), dst, dstOffset, fill);
    }

    /** @return the value length (copied if it fits), or NOT_FOUND for a tombstone or an expired value */
    private int resolve(final long trailer, final DirectBuffer value, final int offset, final int length, final MutableDirectBuffer dst,
        final int dstOffset, final RowFill fill) {
        final int kind = Trailer.kindCode(trailer);
        int from = offset;
        int n = length;
        if (kind == EntryKind.DELETE.code()) {
            return Namespace.NOT_FOUND;
        }
        long expiry = 0;
        if (kind == EntryKind.PUT_TTL.code()) {
            expiry = value.getLong(offset, ByteOrder.LITTLE_ENDIAN);
            if (expiry <= clock.millis()) {
                return Namespace.NOT_FOUND;
            }
            from += WalRecordBuilder.EXPIRY_LENGTH;
            n -= WalRecordBuilder.EXPIRY_LENGTH;
        }
        if (fill != null) {
            fill.offer(value, from, n, expiry);
        }
        if (dst instanceof ExpandableDirectByteBuffer) {
            // grow it here, freeing the replaced memory at once rather than at the next GC
            DirectBuffers.ensureCapacity((ExpandableDirectByteBuffer)dst, dstOffset + n);
        }
        if (dst.isExpandable() || dst.capacity() - dstOffset >= n) {
            dst.putBytes(dstOffset, value, from, n);
        }
        return n;
    }

    // ---- transactions

    /**
     * A read of a transaction's own write set.
     *
     * @return the value length, {@link Namespace#NOT_FOUND} for its own delete, or {@link #ABSENT} if it did not write the key
     */
    int fromWriteSet(final Memtable writeSet, final int ns, final DirectBuffer key, final int keyOffset, final int keyLength,
        final MutableDirectBuffer dst, final int dstOffset) {
        final int r = fromMemtable(writeSet, ns, key, keyOffset, keyLength, Trailer.seekTrailer(Trailer.MAX_SEQUENCE), dst, dstOffset, null);
        return r == CONTINUE ? ABSENT : r;
    }

    /** {@link #fromWriteSet} result: the transaction did not write the key. */
    static final int ABSENT = CONTINUE;

    /**
     * Whether a version of a key newer than {@code sequence} exists in {@code v} (commit-time
     * validation). Only sources holding a sequence above {@code sequence} are searched.
     */
    boolean changedSince(final Version v, final int ns, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long sequence) {
        final long newest = Trailer.seekTrailer(Trailer.MAX_SEQUENCE);
        if (newerIn(v.active.table, ns, key, keyOffset, keyLength, newest, sequence)) {
            return true;
        }
        for (MemtableRef m : v.immutables) {
            if (m.largestSequence > sequence && newerIn(m.table, ns, key, keyOffset, keyLength, newest, sequence)) {
                return true;
            }
        }
        final Tree tree = v.trees[ns];
        final SstReadContext ctx = contexts.acquire().cache(caches.forNamespace(ns));
        try {
            for (int level = 0; level < tree.levels.length; level++) {
                for (SstFile f : tree.levels[level]) {
                    if (f.largestSequence > sequence && f.mayContain(key, keyOffset, keyLength)
                        && f.reader.mightContain(key, keyOffset, keyLength) && f.reader.seek(ctx, key, keyOffset, keyLength, newest)) {
                        final DataBlockCursor c = ctx.block();
                        if (KeyComparator.compareKeys(c.key(), 0, c.keyLength(), key, keyOffset, keyLength) == 0
                            && Trailer.sequence(c.trailer()) > sequence) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } finally {
            contexts.release(ctx.cache(null));
        }
    }

    private static boolean newerIn(final Memtable table, final int ns, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long newest, final long sequence) {
        final int node = table.seek(ns, key, keyOffset, keyLength, newest);
        return node != MemtableNodeDescriptor.NULL && table.namespace(node) == ns
            && KeyComparator.compareKeys(table.arena(), table.keyOffset(node), table.keyLength(node), key, keyOffset, keyLength) == 0
            && Trailer.sequence(table.trailer(node)) > sequence;
    }

    /**
     * Whether any version newer than {@code sequence} of any key in {@code [lower, upper)} exists in
     * {@code v} (a scanned range, for commit-time validation: phantoms included). Walks the range in
     * every source holding a sequence above {@code sequence}; the iterators are the caller's.
     *
     * @param lowerLength the lower bound's length, or -1 for none
     * @param upperLength the upper bound's length, or -1 for none
     */
    boolean rangeChangedSince(final Version v, final int ns, final DirectBuffer lower, final int lowerLength, final DirectBuffer upper,
        final int upperLength, final long sequence, final MemtableIterator mem, final SstIterator sst) {
        if (rangeNewerIn(mem.reset(v.active.table, ns), lower, lowerLength, upper, upperLength, sequence)) {
            return true;
        }
        for (MemtableRef m : v.immutables) {
            if (m.largestSequence > sequence && rangeNewerIn(mem.reset(m.table, ns), lower, lowerLength, upper, upperLength, sequence)) {
                return true;
            }
        }
        sst.cache(caches.forNamespace(ns));
        for (SstFile[] level : v.trees[ns].levels) {
            for (SstFile f : level) {
                if (f.largestSequence > sequence && (lowerLength < 0 || KeyComparator.compareKeys(f.largest, 0, f.largest.capacity(), lower, 0,
                    lowerLength) >= 0) && (upperLength < 0 || KeyComparator.compareKeys(f.smallest, 0, f.smallest.capacity(), upper, 0,
                    upperLength) < 0) && rangeNewerIn(sst.reset(f.reader), lower, lowerLength, upper, upperLength, sequence)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean rangeNewerIn(final InternalIterator it, final DirectBuffer lower, final int lowerLength, final DirectBuffer upper,
        final int upperLength, final long sequence) {
        if (lowerLength >= 0) {
            it.seek(lower, 0, lowerLength, InternalIterator.FIRST_TRAILER);
        } else {
            it.seekToFirst();
        }
        for (; it.valid(); it.next()) {
            if (upperLength >= 0 && KeyComparator.compareKeys(it.key(), it.keyOffset(), it.keyLength(), upper, 0, upperLength) >= 0) {
                return false;
            }
            if (Trailer.sequence(it.trailer()) > sequence) {
                return true;
            }
        }
        return false;
    }
}
