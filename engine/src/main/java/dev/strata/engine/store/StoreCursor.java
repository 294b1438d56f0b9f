package dev.strata.engine.store;

import dev.strata.Cursor;
import dev.strata.StoreClosedException;
import dev.strata.StoreStats.Counter;
import dev.strata.engine.DirectBuffers;
import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import dev.strata.engine.sst.SstReadContext;
import dev.strata.engine.wal.WalRecordBuilder;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The user-level cursor over one namespace: a {@link MergingIterator} of every source in a
 * version, reduced to the newest visible version of each key, with tombstones and expired values
 * skipped and bounds applied.
 *
 * <p>Forward: the merge yields a key's versions newest first, so the first one at or below the
 * read point decides and the rest are skipped. Backward: versions come oldest first, so the cursor
 * gathers a key's versions and keeps the newest visible one (copied, because the merge has moved
 * on). A direction change re-seeks around the current key.
 */
final class StoreCursor implements Cursor {
    private final StoreImpl store;
    private final int namespace;
    private long fixedSequence;
    /** A transaction's write set, merged in front of the store (its entries are always visible); or null. */
    private final dev.strata.engine.memtable.Memtable overlay;
    private final MemtableIterator overlayIterator;
    /** Told the range of every positioning (a serializable transaction's scan set); or null. */
    private final RangeListener listener;
    /** A transaction's cursor: {@link #close()} is ignored, the transaction closes it. */
    private final boolean owned;
    private final MergingIterator merge = new MergingIterator();
    private final List<MemtableIterator> memIterators = new ArrayList<>();
    private final List<SstIterator> sstIterators = new ArrayList<>();
    private final List<LevelIterator> levelIterators = new ArrayList<>();
    private final ExpandableDirectByteBuffer currentKey = new ExpandableDirectByteBuffer(64);
    private final ExpandableDirectByteBuffer reverseValue = new ExpandableDirectByteBuffer(64);
    private final ExpandableDirectByteBuffer lower = new ExpandableDirectByteBuffer(16);
    private final ExpandableDirectByteBuffer upper = new ExpandableDirectByteBuffer(16);
    private final UnsafeBuffer keyView = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer valueView = new UnsafeBuffer(0, 0);
    private int lowerLength = -1;
    private int upperLength = -1;
    private int currentKeyLength;
    private Version version;
    private long sequence;
    private boolean valid;
    private boolean forward;
    private boolean closed;

    /** What a transaction learns from its cursor: the key range each positioning may read. */
    interface RangeListener {
        /**
         * @param lower the inclusive lower bound ({@code lowerLength} bytes), or none if {@code lowerLength < 0}
         * @param upper the exclusive upper bound, or none if {@code upperLength < 0}
         */
        void scanned(int namespace, DirectBuffer lower, int lowerLength, DirectBuffer upper, int upperLength);
    }

    StoreCursor(final StoreImpl store, final int namespace, final long fixedSequence) {
        this(store, namespace, fixedSequence, null, null);
    }

    /** A transaction's cursor over {@code overlay} (its write set) and the store. */
    StoreCursor(final StoreImpl store, final int namespace, final long fixedSequence, final dev.strata.engine.memtable.Memtable overlay,
        final RangeListener listener) {
        this.store = store;
        this.namespace = namespace;
        this.fixedSequence = fixedSequence;
        this.overlay = overlay;
        this.overlayIterator = overlay == null ? null : new MemtableIterator();
        this.listener = listener;
        this.owned = overlay != null;
    }

    /** Starts a new scan for a transaction: read point {@code sequence} ({@code -1}: the latest at each positioning), no bounds. */
    StoreCursor restart(final long sequence) {
        fixedSequence = sequence;
        lowerLength = -1;
        upperLength = -1;
        valid = false;
        return this;
    }

    private void positioned() {
        if (listener != null) {
            listener.scanned(namespace, lower, lowerLength, upper, upperLength);
        }
    }

    @Override
    public Cursor bounds(final DirectBuffer lo, final int loOffset, final int loLength, final DirectBuffer hi, final int hiOffset,
        final int hiLength) {
        lowerLength = copy(lower, lo, loOffset, loLength);
        upperLength = copy(upper, hi, hiOffset, hiLength);
        valid = false;
        return this;
    }

    @Override
    public Cursor prefix(final DirectBuffer prefix, final int offset, final int length) {
        lowerLength = copy(lower, prefix, offset, length);
        upperLength = copy(upper, prefix, offset, length);
        while (upperLength > 0 && upper.getByte(upperLength - 1) == (byte)0xFF) {
            upperLength--;
        }
        if (upperLength == 0) {
            upperLength = -1;
        } else {
            upper.putByte(upperLength - 1, (byte)(upper.getByte(upperLength - 1) + 1));
        }
        valid = false;
        return this;
    }

    private static int copy(final ExpandableDirectByteBuffer to, final DirectBuffer from, final int offset, final int length) {
        if (from == null) {
            return -1;
        }
        DirectBuffers.ensureCapacity(to, length);
        to.putBytes(0, from, offset, length);
        return length;
    }

    @Override
    public boolean first() {
        refresh();
        positioned();
        if (lowerLength >= 0) {
            merge.seek(lower, 0, lowerLength, InternalIterator.FIRST_TRAILER);
        } else {
            merge.seekToFirst();
        }
        return findForward(false);
    }

    @Override
    public boolean last() {
        refresh();
        positioned();
        if (upperLength >= 0) {
            merge.seekBefore(upper, 0, upperLength, InternalIterator.FIRST_TRAILER);
        } else {
            merge.seekToLast();
        }
        return findBackward();
    }

    @Override
    public boolean seek(final DirectBuffer key, final int offset, final int length) {
        if (lowerLength >= 0 && KeyComparator.compareKeys(key, offset, length, lower, 0, lowerLength) < 0) {
            return first();
        }
        refresh();
        positioned();
        merge.seek(key, offset, length, InternalIterator.FIRST_TRAILER);
        return findForward(false);
    }

    @Override
    public boolean seekForPrev(final DirectBuffer key, final int offset, final int length) {
        if (upperLength >= 0 && KeyComparator.compareKeys(key, offset, length, upper, 0, upperLength) >= 0) {
            return last();
        }
        refresh();
        positioned();
        merge.seekBefore(key, offset, length, InternalIterator.LAST_TRAILER);
        return findBackward();
    }

    @Override
    public boolean next() {
        checkPositioned();
        if (!forward) {
            merge.seek(currentKey, 0, currentKeyLength, InternalIterator.LAST_TRAILER);
            return findForward(false);
        }
        merge.next();
        return findForward(true);
    }

    @Override
    public boolean prev() {
        checkPositioned();
        if (forward) {
            merge.seekBefore(currentKey, 0, currentKeyLength, InternalIterator.FIRST_TRAILER);
        }
        return findBackward();
    }

    private void checkPositioned() {
        if (closed) {
            throw new StoreClosedException("the cursor is closed");
        }
        if (!valid) {
            throw new IllegalStateException("the cursor is not on a key: call first(), last(), seek() or seekForPrev() and check the result");
        }
    }

    /** @param skipCurrent whether entries of {@link #currentKey} are older versions to skip */
    private boolean findForward(final boolean skipCurrent) {
        forward = true;
        boolean skip = skipCurrent;
        while (merge.valid()) {
            final long trailer = merge.trailer();
            if (!Trailer.visibleAt(trailer, sequence)
                || skip && KeyComparator.compareKeys(merge.key(), merge.keyOffset(), merge.keyLength(), currentKey, 0, currentKeyLength) == 0) {
                merge.next();
                continue;
            }
            if (upperLength >= 0 && KeyComparator.compareKeys(merge.key(), merge.keyOffset(), merge.keyLength(), upper, 0, upperLength) >= 0) {
                break;
            }
            setCurrentKey(merge.key(), merge.keyOffset(), merge.keyLength());
            skip = true;
            if (live(trailer, merge.value(), merge.valueOffset())) {
                wrapValue(trailer, merge.value(), merge.valueOffset(), merge.valueLength());
                return found();
            }
            merge.next();
        }
        valid = false;
        return false;
    }

    private boolean findBackward() {
        forward = false;
        while (merge.valid()) {
            if (lowerLength >= 0 && KeyComparator.compareKeys(merge.key(), merge.keyOffset(), merge.keyLength(), lower, 0, lowerLength) < 0) {
                break;
            }
            setCurrentKey(merge.key(), merge.keyOffset(), merge.keyLength());
            long best = -1;
            int bestLength = 0;
            while (merge.valid()
                && KeyComparator.compareKeys(merge.key(), merge.keyOffset(), merge.keyLength(), currentKey, 0, currentKeyLength) == 0) {
                final long trailer = merge.trailer();
                if (Trailer.visibleAt(trailer, sequence)) {
                    best = trailer;
                    bestLength = merge.valueLength();
                    DirectBuffers.ensureCapacity(reverseValue, bestLength);
                    reverseValue.putBytes(0, merge.value(), merge.valueOffset(), bestLength);
                }
                merge.prev();
            }
            if (best != -1 && live(best, reverseValue, 0)) {
                wrapValue(best, reverseValue, 0, bestLength);
                return found();
            }
        }
        valid = false;
        return false;
    }

    private boolean found() {
        keyView.wrap(currentKey, 0, currentKeyLength);
        store.stats().add(Counter.SCAN_STEPS, 1);
        valid = true;
        return true;
    }

    private void setCurrentKey(final DirectBuffer key, final int offset, final int length) {
        DirectBuffers.ensureCapacity(currentKey, length);
        currentKey.putBytes(0, key, offset, length);
        currentKeyLength = length;
    }

    private boolean live(final long trailer, final DirectBuffer value, final int offset) {
        final int kind = Trailer.kindCode(trailer);
        return kind == EntryKind.PUT.code()
            || kind == EntryKind.PUT_TTL.code() && value.getLong(offset, ByteOrder.LITTLE_ENDIAN) > store.clock().millis();
    }

    private void wrapValue(final long trailer, final DirectBuffer value, final int offset, final int length) {
        final int skip = Trailer.kindCode(trailer) == EntryKind.PUT_TTL.code() ? WalRecordBuilder.EXPIRY_LENGTH : 0;
        valueView.wrap(value, offset + skip, length - skip);
    }

    /** Takes the store's current version and read point, and rebuilds the merge over it. */
    private void refresh() {
        if (closed) {
            throw new StoreClosedException("the cursor is closed");
        }
        store.checkOpen();
        releaseVersion();
        sequence = fixedSequence >= 0 ? fixedSequence : store.lastSequence();
        version = store.versions().acquire();
        merge.clear();
        if (overlay != null) {
            merge.add(overlayIterator.reset(overlay, namespace));
        }
        int mem = 0;
        merge.add(memIterator(mem++).reset(version.active.table, namespace));
        for (MemtableRef m : version.immutables) {
            merge.add(memIterator(mem++).reset(m.table, namespace));
        }
        final Tree tree = version.trees[namespace];
        int sst = 0;
        for (SstFile f : tree.levels[0]) {
            if (sst == sstIterators.size()) {
                sstIterators.add(new SstIterator(new SstReadContext()));
            }
            merge.add(sstIterators.get(sst++).cache(store.cache(namespace)).reset(f.reader));
        }
        int lvl = 0;
        for (int l = 1; l < tree.levels.length; l++) {
            if (tree.levels[l].length > 0) {
                if (lvl == levelIterators.size()) {
                    levelIterators.add(new LevelIterator());
                }
                merge.add(levelIterators.get(lvl++).cache(store.cache(namespace)).reset(tree.levels[l]));
            }
        }
    }

    private MemtableIterator memIterator(final int i) {
        if (i == memIterators.size()) {
            memIterators.add(new MemtableIterator());
        }
        return memIterators.get(i);
    }

    private void releaseVersion() {
        if (version != null) {
            merge.clear();
            version.unref();
            version = null;
        }
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public DirectBuffer key() {
        return keyView;
    }

    @Override
    public DirectBuffer value() {
        return valueView;
    }

    @Override
    public void close() {
        if (!owned) {
            closeNow();
        }
    }

    /** Closes even a transaction's cursor. */
    void closeNow() {
        if (!closed) {
            closed = true;
            valid = false;
            releaseVersion();
            for (SstIterator it : sstIterators) {
                it.close();
            }
            for (LevelIterator it : levelIterators) {
                it.close();
            }
            DirectBuffers.free(currentKey);
            DirectBuffers.free(reverseValue);
            DirectBuffers.free(lower);
            DirectBuffers.free(upper);
        }
    }
}
