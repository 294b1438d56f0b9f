package dev.strata.engine.store;

import dev.strata.Namespace;
import dev.strata.StoreConfig;
import dev.strata.StoreFailedException;
import dev.strata.StoreStats;
import dev.strata.StoreStats.Counter;
import dev.strata.SyncPolicy;
import dev.strata.engine.Trailer;
import dev.strata.engine.cache.RowCache;
import dev.strata.engine.memtable.Memtable;
import dev.strata.engine.memtable.MemtableNodeDescriptor;
import dev.strata.engine.wal.WalEntryCursor;
import dev.strata.engine.wal.WalRecordBuilder;
import dev.strata.engine.wal.WalRecordDescriptor;
import dev.strata.engine.wal.WalWriter;

/**
 * The commit leader's work ({@link CommitPipeline.GroupWriter}): give each record its sequence
 * numbers, append the group to the WAL, sync once (per the sync policy), insert into the memtable,
 * publish. Switches to a new memtable and WAL segment when the current one is full, waiting
 * (bounded by the configured stall limit) while too many full memtables wait for flush. Only the
 * leader runs this, so its fields need no locks; {@link #visibleSequence} is what readers see.
 */
final class WriteSide implements CommitPipeline.GroupWriter {
    private static final int NODE_OVERHEAD = MemtableNodeDescriptor.nodeLength(MemtableNodeDescriptor.MAX_HEIGHT, 0, 0)
        + MemtableNodeDescriptor.ALIGNMENT;

    private final StoreConfig config;
    private final VersionSet versions;
    private final StoreStats stats;
    private final WalEntryCursor entries = new WalEntryCursor();
    private WalWriter wal;
    private MemtableRef memtable;
    private long lastSequence;
    private volatile long visibleSequence;
    private volatile RuntimeException failure;
    private long lastSyncNanos = System.nanoTime();
    private boolean unsynced;
    /** The row cache to invalidate before publishing, or null (set once, before the first write). */
    private volatile RowCache rows;

    WriteSide(final StoreConfig config, final VersionSet versions, final StoreStats stats, final WalWriter wal, final MemtableRef memtable,
        final long lastSequence) {
        this.config = config;
        this.versions = versions;
        this.stats = stats;
        this.wal = wal;
        this.memtable = memtable;
        this.lastSequence = lastSequence;
        this.visibleSequence = lastSequence;
    }

    /** Sets the row cache that every applied write invalidates before it is published (see {@link RowCache}). */
    void rowCache(final RowCache cache) {
        this.rows = cache;
    }

    long visibleSequence() {
        return visibleSequence;
    }

    RuntimeException failure() {
        return failure;
    }

    /** Marks the write path failed (a background flush or compaction could not write); writes are refused from now on. */
    void fail(final RuntimeException cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** @return the memtable bytes a record needs at most */
    static long estimate(final WalRecordBuilder builder, final int recordLength) {
        return estimate(recordLength, builder.count());
    }

    /** @return the memtable bytes a record of {@code recordLength} bytes with {@code count} entries needs at most */
    static long estimate(final int recordLength, final int count) {
        return (long)recordLength + (long)count * NODE_OVERHEAD;
    }

    @Override
    public void writeGroup(final CommitSlot first) {
        if (failure != null) {
            failAll(first, null);
            return;
        }
        CommitSlot start = first;
        long bytes = 0;
        try {
            for (CommitSlot s = first; s != null; s = s.next) {
                final long need = estimate(s.builder(), s.builder().length());
                if (bytes + need > memtable.table.capacityBytes() - memtable.table.usedBytes()) {
                    if (start != s) {
                        commit(start, s);
                    }
                    if (!switchMemtable()) {
                        for (CommitSlot r = s; r != null; r = r.next) {
                            r.result = Namespace.BACK_PRESSURED;
                        }
                        return;
                    }
                    start = s;
                    bytes = 0;
                }
                bytes += need;
            }
            commit(start, null);
        } catch (final RuntimeException e) {
            fail(new StoreFailedException("a write-ahead-log write failed; the store refuses writes until it is reopened", e));
            failAll(first, e);
        }
    }

    private void failAll(final CommitSlot first, final RuntimeException cause) {
        for (CommitSlot s = first; s != null; s = s.next) {
            if (s.result == 0) {
                s.failure = cause != null ? new StoreFailedException("the write was not applied: " + cause.getMessage(), cause) : failure;
            }
        }
    }

    /** Appends, syncs, applies and publishes the slots from {@code from} up to (excluding) {@code to}. */
    private void commit(final CommitSlot from, final CommitSlot to) {
        int commits = 0;
        for (CommitSlot s = from; s != to; s = s.next) {
            final WalRecordBuilder b = s.builder();
            if (s.validator != null && s.validator.conflicts(from, s)) {
                s.assigned = CommitSlot.CONFLICT;
                stats.add(Counter.TXN_CONFLICTS, 1);
                continue;
            }
            if (b.count() > 0) {
                final int length = b.finish(lastSequence + 1);
                wal.append(b.buffer(), 0, length);
                lastSequence += b.count();
                unsynced = true;
                stats.add(Counter.WAL_BYTES, length);
                stats.add(Counter.KEYS_WRITTEN, b.count());
                stats.add(Counter.USER_BYTES_WRITTEN, length - WalRecordDescriptor.HEADER_LENGTH);
            }
            s.assigned = lastSequence;
            commits++;
        }
        syncPerPolicy();
        final Memtable table = memtable.table;
        final RowCache rowCache = rows;
        for (CommitSlot s = from; s != to; s = s.next) {
            if (s.builder().count() > 0 && !s.conflicted()) {
                entries.wrap(s.builder().buffer(), 0);
                while (entries.next()) {
                    final int node = table.insert(entries.namespace(), entries.key(), entries.keyOffset(), entries.keyLength(),
                        Trailer.pack(entries.sequence(), entries.kind()), entries.value(), entries.valueOffset(), entries.valueLength());
                    if (node == Memtable.FULL) {
                        throw new IllegalStateException("memtable full although its room was checked: " + memtable);
                    }
                    if (rowCache != null) { // before visibleSequence moves: no reader may see the write and a stale cached value
                        rowCache.invalidate(entries.namespace(), entries.key(), entries.keyOffset(), entries.keyLength(), entries.sequence());
                    }
                }
            }
        }
        memtable.largestSequence = lastSequence;
        visibleSequence = lastSequence;
        // only now, with the group durable (per the policy) and visible, are the writes acknowledged
        for (CommitSlot s = from; s != to; s = s.next) {
            s.result = s.assigned;
        }
        stats.add(Counter.COMMITS, commits);
        stats.add(Counter.WAL_GROUPS, 1);
    }

    private void syncPerPolicy() {
        final SyncPolicy policy = config.syncPolicy();
        if (policy == SyncPolicy.EVERY_COMMIT
            || policy == SyncPolicy.EVERY_N_MS && System.nanoTime() - lastSyncNanos >= config.syncIntervalMillis() * 1_000_000L) {
            sync();
        }
    }

    /** Syncs the WAL if anything is unsynced. Leader (or exclusive holder) only. */
    void sync() {
        if (unsynced) {
            wal.sync();
            unsynced = false;
            stats.add(Counter.WAL_SYNCS, 1);
        }
        lastSyncNanos = System.nanoTime();
    }

    /** Background sync for {@link SyncPolicy#EVERY_N_MS}: a no-op if the failure flag is set. */
    void backgroundSync() {
        if (failure == null) {
            try {
                sync();
            } catch (final RuntimeException e) {
                fail(new StoreFailedException("a background WAL sync failed; the store refuses writes until it is reopened", e));
            }
        }
    }

    /** @return whether the active memtable holds anything */
    boolean memtableEmpty() {
        return memtable.table.entries() == 0;
    }

    /**
     * Makes the active memtable immutable (for the flusher) and starts a new one with a new WAL
     * segment. Leader only.
     *
     * @return {@code false} if the stall limit passed while too many memtables waited for flush
     */
    boolean switchMemtable() {
        if (!waitForRoom()) {
            return false;
        }
        wal.seal();
        unsynced = false;
        final long walId = versions.newSegmentId();
        wal = new WalWriter(versions.tier, walId);
        versions.addWal(walId);
        final MemtableRef next = new MemtableRef(new Memtable(config.memtableBytes(), walId), walId);
        next.largestSequence = lastSequence;
        synchronized (versions.lock) {
            final Version cur = versions.current();
            final MemtableRef[] imms = new MemtableRef[cur.immutables.length + 1];
            imms[0] = cur.active;
            System.arraycopy(cur.immutables, 0, imms, 1, cur.immutables.length);
            versions.install(new Version(next, imms, cur.trees));
        }
        next.unref();
        memtable = next;
        return true;
    }

    private boolean waitForRoom() {
        synchronized (versions.lock) {
            if (versions.current().immutables.length < config.maxImmutableMemtables()) {
                return true;
            }
            final long start = System.nanoTime();
            final long limit = config.maxWriteStallMillis();
            stats.add(Counter.STALLS, 1);
            try {
                while (versions.current().immutables.length >= config.maxImmutableMemtables()) {
                    if (failure != null) {
                        throw failure;
                    }
                    final long waited = (System.nanoTime() - start) / 1_000_000L;
                    if (limit != Long.MAX_VALUE && waited >= limit) {
                        return false;
                    }
                    versions.lock.wait(limit == Long.MAX_VALUE ? 100 : Math.max(1, Math.min(100, limit - waited)));
                }
                return true;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a memtable flush", e);
            } finally {
                stats.add(Counter.STALL_MICROS, (System.nanoTime() - start) / 1000);
            }
        }
    }

    /** Seals the WAL (store close). Leader only. */
    void close() {
        try {
            if (failure == null) {
                wal.seal();
            }
        } finally {
            wal.close();
        }
    }
}
