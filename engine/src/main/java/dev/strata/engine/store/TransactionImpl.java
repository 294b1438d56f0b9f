package dev.strata.engine.store;

import dev.strata.CommitStatus;
import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.LimitExceededException;
import dev.strata.Namespace;
import dev.strata.StoreStats.Counter;
import dev.strata.Transaction;
import dev.strata.TransactionStateException;
import dev.strata.engine.DirectBuffers;
import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import dev.strata.engine.memtable.Memtable;
import dev.strata.engine.memtable.MemtableNodeDescriptor;
import dev.strata.engine.sst.SstReadContext;
import dev.strata.engine.wal.WalEntryCursor;
import dev.strata.engine.wal.WalRecordBuilder;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Optimistic multi-version transactions on the store's sequence numbers.
 *
 * <h2>Reads and writes</h2>
 * Writes go into a private off-heap {@link Memtable} (the write set) with sequence numbers from
 * {@link Trailer#OVERLAY_BASE} up, so that they are newer than every committed version and never
 * hidden by a read point: point reads look there first, and scans merge it in front of the store
 * ({@link StoreCursor} with an overlay). Under SNAPSHOT and SERIALIZABLE the read point is taken at
 * the first operation and registered with the {@link VersionSet} (a read-point slot, so that
 * compaction keeps what it needs, without allocating); READ_COMMITTED reads the latest visible
 * sequence at each read.
 *
 * <h2>Commit</h2>
 * The write set becomes one WAL record (newest version per key) in a {@link CommitSlot} that carries
 * this transaction as its {@link CommitSlot.Validator}. The commit leader calls {@link #conflicts}
 * just before giving the record its sequence numbers, so validation and ordering are one atomic
 * step: nothing can commit between them. It checks the current version (everything published) for
 * versions newer than the read point, and the earlier records of the same group (sequenced, not yet
 * published):
 * <ul>
 *   <li>SERIALIZABLE: every key read from the store (not from the write set) and every range a scan
 *       positioned over: backward validation, so the transaction is equivalent to running alone at
 *       its commit point; phantoms are caught because ranges are checked, not keys;
 *   <li>SNAPSHOT: every key written (first committer wins);
 *   <li>READ_COMMITTED: nothing.
 * </ul>
 * A transaction that wrote nothing commits without the log: its reads all came from one read point
 * (or, under READ_COMMITTED, from committed data), so it never conflicts.
 */
final class TransactionImpl implements Transaction, CommitSlot.Validator, StoreCursor.RangeListener {
    private static final int NO_READ_POINT = -1;

    private final StoreImpl store;
    private final Memtable writeSet;
    private final CommitSlot slot = new CommitSlot();
    private final int readPointSlot;
    /** Point reads: {@code [ns u16][length i32][key]} each. */
    private final ExpandableDirectByteBuffer pointReads = new ExpandableDirectByteBuffer(256);
    /** Scanned ranges: {@code [ns u16][lowerLength i32][lower][upperLength i32][upper]} each; length -1 = unbounded. */
    private final ExpandableDirectByteBuffer ranges = new ExpandableDirectByteBuffer(128);
    private final ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(128);
    private final WalEntryCursor groupEntries = new WalEntryCursor();
    private final MemtableIterator validationMem = new MemtableIterator();
    private final SstIterator validationSst = new SstIterator(new SstReadContext());
    private final UnsafeBuffer lowerView = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer upperView = new UnsafeBuffer(0, 0);
    private StoreCursor[] cursors = new StoreCursor[0];
    private int pointReadsLength;
    private int rangesLength;
    private IsolationLevel level = IsolationLevel.SERIALIZABLE;
    private boolean readOnly;
    private boolean active;
    private boolean closed;
    private long readPoint;
    private long localSequence;
    private long commitSequence;

    TransactionImpl(final StoreImpl store, final int writeSetBytes) {
        if (writeSetBytes < 4096 || writeSetBytes > (1 << 30)) {
            throw new IllegalArgumentException("writeSetBytes must be between 4 KiB and 1 GiB, got " + writeSetBytes);
        }
        this.store = store;
        this.writeSet = new Memtable(writeSetBytes, 0x5EED);
        this.readPointSlot = store.versions().newReadPoint();
    }

    // ---- lifecycle

    @Override
    public Transaction begin(final IsolationLevel isolation, final boolean readOnlyTransaction) {
        checkNotClosed();
        if (active) {
            throw new TransactionStateException("begin() while a transaction is active on this object; commit() or rollback() it first");
        }
        if (isolation == null) {
            throw new IllegalArgumentException("isolation level must not be null");
        }
        store.checkOpen();
        level = isolation;
        readOnly = readOnlyTransaction;
        readPoint = -1;
        localSequence = Trailer.OVERLAY_BASE;
        pointReadsLength = 0;
        rangesLength = 0;
        writeSet.reset();
        active = true;
        return this;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public IsolationLevel isolationLevel() {
        return level;
    }

    @Override
    public long commitSequence() {
        return commitSequence;
    }

    @Override
    public void rollback() {
        checkActive("rollback()");
        end();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        final boolean wasActive = active;
        if (active) {
            end();
        }
        closed = true;
        for (StoreCursor c : cursors) {
            if (c != null) {
                c.closeNow();
            }
        }
        validationSst.close();
        writeSet.close();
        slot.close();
        DirectBuffers.free(pointReads);
        DirectBuffers.free(ranges);
        DirectBuffers.free(scratch);
        store.versions().freeReadPoint(readPointSlot);
        if (wasActive && store.isOpen()) { // after Store.close() there was nothing left to roll back
            throw new TransactionStateException("the transaction was closed while active; its writes were rolled back. Call commit() or"
                + " rollback() before close()");
        }
    }

    private void end() {
        active = false;
        if (readPoint >= 0 && level != IsolationLevel.READ_COMMITTED) {
            store.versions().closeReadPoint(readPointSlot);
        }
        slot.validator = null;
    }

    // ---- reads

    @Override
    public int get(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final MutableDirectBuffer dst,
        final int dstOffset) {
        checkActive("get()");
        final int ns = store.own(namespace).id;
        store.checkKey(keyLength);
        final long sequence = readSequence();
        final Reads reads = store.reads();
        final int own = reads.fromWriteSet(writeSet, ns, key, keyOffset, keyLength, dst, dstOffset);
        if (own != Reads.ABSENT) {
            return own;
        }
        if (tracksReads()) {
            pointReadsLength = append(pointReads, pointReadsLength, ns, key, keyOffset, keyLength);
        }
        return reads.get(ns, key, keyOffset, keyLength, sequence, dst, dstOffset);
    }

    @Override
    public Cursor scan(final Namespace namespace) {
        checkActive("scan()");
        final int ns = store.own(namespace).id;
        if (ns >= cursors.length) {
            cursors = java.util.Arrays.copyOf(cursors, ns + 1);
        }
        if (cursors[ns] == null) {
            cursors[ns] = new StoreCursor(store, ns, -1, writeSet, this);
        }
        return cursors[ns].restart(level == IsolationLevel.READ_COMMITTED ? -1 : readSequence());
    }

    @Override
    public void scanned(final int namespace, final DirectBuffer lower, final int lowerLength, final DirectBuffer upper, final int upperLength) {
        if (tracksReads()) {
            int at = rangesLength;
            DirectBuffers.ensureCapacity(ranges, at + 10 + Math.max(0, lowerLength) + Math.max(0, upperLength));
            ranges.putShort(at, (short)namespace, ByteOrder.LITTLE_ENDIAN);
            at = putBound(at + 2, lower, lowerLength);
            rangesLength = putBound(at, upper, upperLength);
        }
    }

    private int putBound(final int at, final DirectBuffer bound, final int length) {
        ranges.putInt(at, length, ByteOrder.LITTLE_ENDIAN);
        if (length > 0) {
            ranges.putBytes(at + 4, bound, 0, length);
        }
        return at + 4 + Math.max(0, length);
    }

    private boolean tracksReads() {
        return level == IsolationLevel.SERIALIZABLE && !readOnly;
    }

    /** @return the read point: the transaction's (taken now if this is its first operation), or the latest under READ_COMMITTED */
    private long readSequence() {
        if (level == IsolationLevel.READ_COMMITTED) {
            return store.lastSequence();
        }
        if (readPoint < 0) {
            readPoint = store.openReadPoint(readPointSlot);
        }
        return readPoint;
    }

    // ---- writes

    @Override
    public void put(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final DirectBuffer value,
        final int valueOffset, final int valueLength) {
        checkWritable("put()");
        store.checkLimits(keyLength, valueLength);
        final int ns = store.own(namespace).id;
        readSequence();
        final long expiry = store.expiryFor(namespace, 0);
        if (expiry == 0) {
            insert(ns, key, keyOffset, keyLength, EntryKind.PUT, value, valueOffset, valueLength);
        } else {
            DirectBuffers.ensureCapacity(scratch, WalRecordBuilder.EXPIRY_LENGTH + valueLength);
            scratch.putLong(0, expiry, ByteOrder.LITTLE_ENDIAN);
            scratch.putBytes(WalRecordBuilder.EXPIRY_LENGTH, value, valueOffset, valueLength);
            insert(ns, key, keyOffset, keyLength, EntryKind.PUT_TTL, scratch, 0, WalRecordBuilder.EXPIRY_LENGTH + valueLength);
        }
    }

    @Override
    public void delete(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength) {
        checkWritable("delete()");
        store.checkLimits(keyLength, 0);
        final int ns = store.own(namespace).id;
        readSequence();
        insert(ns, key, keyOffset, keyLength, EntryKind.DELETE, key, keyOffset, 0);
    }

    private void insert(final int ns, final DirectBuffer key, final int keyOffset, final int keyLength, final EntryKind kind,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        final int node = writeSet.insert(ns, key, keyOffset, keyLength, Trailer.pack(localSequence + 1, kind), value, valueOffset, valueLength);
        if (node == Memtable.FULL) {
            throw new LimitExceededException("the transaction's write set is full (" + writeSet.capacityBytes() + " bytes); commit smaller"
                + " transactions or make a larger one with Store.newTransaction(writeSetBytes). The transaction is still active");
        }
        localSequence++;
    }

    // ---- commit

    @Override
    public CommitStatus commit() {
        checkActive("commit()");
        if (writeSet.entries() == 0) {
            commitSequence = readPoint >= 0 ? readPoint : store.lastSequence();
            end();
            store.stats().add(Counter.TXN_COMMITS, 1);
            return CommitStatus.COMMITTED;
        }
        final long result;
        try {
            encodeWrites(slot.builder().reset());
            slot.validator = level == IsolationLevel.READ_COMMITTED ? null : this;
            result = store.commit(slot);
        } finally {
            end();
        }
        if (result == CommitSlot.CONFLICT) {
            return CommitStatus.CONFLICT;
        }
        if (result == Namespace.BACK_PRESSURED) {
            return CommitStatus.BACK_PRESSURED;
        }
        commitSequence = result;
        store.stats().add(Counter.TXN_COMMITS, 1);
        return CommitStatus.COMMITTED;
    }

    /** Adds the newest version of every key in the write set (it is sorted by namespace, key, newest first). */
    private void encodeWrites(final WalRecordBuilder out) {
        final DirectBuffer arena = writeSet.arena();
        for (int node = writeSet.first(); node != MemtableNodeDescriptor.NULL; node = nextKey(node)) {
            final int ns = writeSet.namespace(node);
            final int kind = Trailer.kindCode(writeSet.trailer(node));
            final int k = writeSet.keyOffset(node);
            final int kl = writeSet.keyLength(node);
            final int v = writeSet.valueOffset(node);
            final int vl = writeSet.valueLength(node);
            if (kind == EntryKind.PUT_TTL.code()) {
                out.addExpiring(ns, arena, k, kl, arena.getLong(v, ByteOrder.LITTLE_ENDIAN), arena, v + WalRecordBuilder.EXPIRY_LENGTH,
                    vl - WalRecordBuilder.EXPIRY_LENGTH);
            } else {
                out.add(kind == EntryKind.DELETE.code() ? EntryKind.DELETE : EntryKind.PUT, ns, arena, k, kl, arena, v, vl);
            }
        }
    }

    /** @return the write set's next node with another key than {@code node} (whose later nodes are older versions of it), or NULL */
    private int nextKey(final int node) {
        int next = writeSet.next(node);
        while (next != MemtableNodeDescriptor.NULL && sameKey(node, next)) {
            next = writeSet.next(next);
        }
        return next;
    }

    private boolean sameKey(final int a, final int b) {
        return writeSet.namespace(a) == writeSet.namespace(b) && KeyComparator.compareKeys(writeSet.arena(), writeSet.keyOffset(a),
            writeSet.keyLength(a), writeSet.arena(), writeSet.keyOffset(b), writeSet.keyLength(b)) == 0;
    }

    /** Commit leader only, while this transaction's thread waits in {@code commit()}. */
    @Override
    public boolean conflicts(final CommitSlot groupFirst, final CommitSlot self) {
        final Version v = store.versions().acquire();
        try {
            if (level == IsolationLevel.SERIALIZABLE ? readsChanged(v) : writesChanged(v)) {
                return true;
            }
        } finally {
            v.unref();
        }
        for (CommitSlot s = groupFirst; s != self; s = s.next) {
            if (!s.conflicted() && s.builder().count() > 0) {
                groupEntries.wrap(s.builder().buffer(), 0);
                while (groupEntries.next()) {
                    if (touches(groupEntries.namespace(), groupEntries.key(), groupEntries.keyOffset(), groupEntries.keyLength())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean readsChanged(final Version v) {
        final Reads reads = store.reads();
        for (int at = 0; at < pointReadsLength;) {
            final int ns = pointReads.getShort(at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            final int length = pointReads.getInt(at + 2, ByteOrder.LITTLE_ENDIAN);
            if (reads.changedSince(v, ns, pointReads, at + 6, length, readPoint)) {
                return true;
            }
            at += 6 + length;
        }
        for (int at = 0; at < rangesLength;) {
            final int ns = ranges.getShort(at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            final int lowerLength = ranges.getInt(at + 2, ByteOrder.LITTLE_ENDIAN);
            final int lowerAt = at + 6;
            final int upperAt = lowerAt + Math.max(0, lowerLength);
            final int upperLength = ranges.getInt(upperAt, ByteOrder.LITTLE_ENDIAN);
            lowerView.wrap(ranges, lowerAt, Math.max(0, lowerLength));
            upperView.wrap(ranges, upperAt + 4, Math.max(0, upperLength));
            if (reads.rangeChangedSince(v, ns, lowerView, lowerLength, upperView, upperLength, readPoint, validationMem, validationSst)) {
                return true;
            }
            at = upperAt + 4 + Math.max(0, upperLength);
        }
        return false;
    }

    private boolean writesChanged(final Version v) {
        final Reads reads = store.reads();
        for (int node = writeSet.first(); node != MemtableNodeDescriptor.NULL; node = nextKey(node)) {
            if (reads.changedSince(v, writeSet.namespace(node), writeSet.arena(), writeSet.keyOffset(node), writeSet.keyLength(node),
                readPoint)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a write to {@code (ns, key)} that commits before this transaction invalidates it */
    private boolean touches(final int ns, final DirectBuffer key, final int keyOffset, final int keyLength) {
        if (level == IsolationLevel.SNAPSHOT) {
            final int node = writeSet.seek(ns, key, keyOffset, keyLength, Trailer.seekTrailer(Trailer.MAX_SEQUENCE));
            return node != MemtableNodeDescriptor.NULL && writeSet.namespace(node) == ns && KeyComparator.compareKeys(writeSet.arena(),
                writeSet.keyOffset(node), writeSet.keyLength(node), key, keyOffset, keyLength) == 0;
        }
        for (int at = 0; at < pointReadsLength;) {
            final int length = pointReads.getInt(at + 2, ByteOrder.LITTLE_ENDIAN);
            if ((pointReads.getShort(at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) == ns
                && KeyComparator.compareKeys(pointReads, at + 6, length, key, keyOffset, keyLength) == 0) {
                return true;
            }
            at += 6 + length;
        }
        for (int at = 0; at < rangesLength;) {
            final int lowerLength = ranges.getInt(at + 2, ByteOrder.LITTLE_ENDIAN);
            final int upperAt = at + 6 + Math.max(0, lowerLength);
            final int upperLength = ranges.getInt(upperAt, ByteOrder.LITTLE_ENDIAN);
            if ((ranges.getShort(at, ByteOrder.LITTLE_ENDIAN) & 0xFFFF) == ns
                && (lowerLength < 0 || KeyComparator.compareKeys(key, keyOffset, keyLength, ranges, at + 6, lowerLength) >= 0)
                && (upperLength < 0 || KeyComparator.compareKeys(key, keyOffset, keyLength, ranges, upperAt + 4, upperLength) < 0)) {
                return true;
            }
            at = upperAt + 4 + Math.max(0, upperLength);
        }
        return false;
    }

    private static int append(final ExpandableDirectByteBuffer to, final int at, final int ns, final DirectBuffer key, final int keyOffset,
        final int keyLength) {
        DirectBuffers.ensureCapacity(to, at + 6 + keyLength);
        to.putShort(at, (short)ns, ByteOrder.LITTLE_ENDIAN);
        to.putInt(at + 2, keyLength, ByteOrder.LITTLE_ENDIAN);
        to.putBytes(at + 6, key, keyOffset, keyLength);
        return at + 6 + keyLength;
    }

    // ---- state checks

    private void checkNotClosed() {
        if (closed) {
            throw new TransactionStateException("the transaction object is closed; make a new one with Store.newTransaction()");
        }
    }

    private void checkActive(final String operation) {
        checkNotClosed();
        if (!active) {
            throw new TransactionStateException(operation + " with no transaction begun (it was committed or rolled back); call begin() first");
        }
        store.checkOpen();
    }

    private void checkWritable(final String operation) {
        checkActive(operation);
        if (readOnly) {
            throw new TransactionStateException(operation + " in a read-only transaction; begin it with readOnly = false to write");
        }
    }
}
