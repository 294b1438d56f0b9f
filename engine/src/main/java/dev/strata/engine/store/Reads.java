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
        stats.add(Counter.GETS, 1);
        final AccessTraceRecorder trace = accessTrace;
        if (trace != null) {
            trace.record(key, keyOffset, keyLength);
        }
        final long trailer = Trailer.seekTrailer(sequence);
        final Version v = versions.acquire();
        try {
            int r = fromMemtable(v.active.table, ns, key, keyOffset, keyLength, trailer, dst, dstOffset);
            for (int i = 0; r == CONTINUE && i < v.immutables.length; i++) {
                r = fromMemtable(v.immutables[i].table, ns, key, keyOffset, keyLength, trailer, dst, dstOffset);
            }
            if (r != CONTINUE) {
                stats.add(Counter.MEMTABLE_HITS, 1);
                return counted(r);
            }
            final SstReadContext ctx = contexts.acquire().cache(caches.forNamespace(ns));
            try {
                return counted(fromTree(v.trees[ns], ctx, key, keyOffset, keyLength, trailer, dst, dstOffset));
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
        final long trailer, final MutableDirectBuffer dst, final int dstOffset) {
        final int node = table.seek(ns, key, keyOffset, keyLength, trailer);
        if (node == MemtableNodeDescriptor.NULL || table.namespace(node) != ns
            || KeyComparator.compareKeys(table.arena(), table.keyOffset(node), table.keyLength(node), key, keyOffset, keyLength) != 0) {
            return CONTINUE;
        }
        return resolve(table.trailer(node), table.arena(), table.valueOffset(node), table.valueLength(node), dst, dstOffset);
    }

    private int fromTree(final Tree tree, final SstReadContext ctx, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long trailer, final MutableDirectBuffer dst, final int dstOffset) {
        for (SstFile f : tree.levels[0]) {
            final int r = fromSegment(f, 0, ctx, key, keyOffset, keyLength, trailer, dst, dstOffset);
            if (r != CONTINUE) {
                return r;
            }
        }
        for (int level = 1; level < tree.levels.length; level++) {
            final int i = tree.find(level, key, keyOffset, keyLength);
            if (i >= 0) {
                final int r = fromSegment(tree.levels[level][i], level, ctx, key, keyOffset, keyLength, trailer, dst, dstOffset);
                if (r != CONTINUE) {
                    return r;
                }
            }
        }
        return CONTINUE;
    }

    private int fromSegment(final SstFile f, final int level, final SstReadContext ctx, final DirectBuffer key, final int keyOffset,
        final int keyLength, final long trailer, final MutableDirectBuffer dst, final int dstOffset) {
        if (!f.mayContain(key, keyOffset, keyLength) || !f.reader.mightContain(key, keyOffset, keyLength)
            || !f.reader.seek(ctx, key, keyOffset, keyLength, trailer)) {
            return CONTINUE;
        }
        final DataBlockCursor c = ctx.block();
        if (KeyComparator.compareKeys(c.key(), 0, c.keyLength(), key, keyOffset, keyLength) != 0) {
            return CONTINUE;
        }
        stats.levelHit(level);
        return resolve(c.trailer(), c.value(), c.valueOffset(), c.valueLength(), dst, dstOffset);
    }

    /** @return the value length (copied if it fits), or NOT_FOUND for a tombstone or an expired value */
    private int resolve(final long trailer, final DirectBuffer value, final int offset, final int length, final MutableDirectBuffer dst,
        final int dstOffset) {
        final int kind = Trailer.kindCode(trailer);
        int from = offset;
        int n = length;
        if (kind == EntryKind.DELETE.code()) {
            return Namespace.NOT_FOUND;
        }
        if (kind == EntryKind.PUT_TTL.code()) {
            if (value.getLong(offset, ByteOrder.LITTLE_ENDIAN) <= clock.millis()) {
                return Namespace.NOT_FOUND;
            }
            from += WalRecordBuilder.EXPIRY_LENGTH;
            n -= WalRecordBuilder.EXPIRY_LENGTH;
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
}
