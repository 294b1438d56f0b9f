package dev.strata.engine.store;

import dev.strata.NamespaceConfig;
import dev.strata.StoreStats;
import dev.strata.tier.Tier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's current {@link Version}, the manifest behind it, segment ids, live WAL segments and
 * live snapshots. Every change (memtable switch, flush, compaction) happens under {@link #lock}:
 * build the new version from the current one, make the manifest durable if segments changed, then
 * install. Readers take the current version without the lock ({@link #acquire()}).
 */
final class VersionSet {
    final Object lock = new Object();
    final Tier tier;
    final List<NamespaceConfig> namespaces;
    private final StoreStats stats;
    private final AtomicLong nextSegmentId;
    private final ArrayDeque<Long> liveWals = new ArrayDeque<>();
    private final TreeMap<Long, Integer> snapshots = new TreeMap<>();
    /** Transactions' read points by slot: {@code -1} a free slot, {@code 0} a slot with no read point open. Under {@link #lock}. */
    private long[] readPoints = new long[0];
    private volatile Version current;
    private long manifestSegment;
    private long logNumber;
    private long flushedSequence;

    VersionSet(final Tier tier, final List<NamespaceConfig> namespaces, final StoreStats stats, final long nextSegmentId,
        final long manifestSegment, final long logNumber, final long flushedSequence) {
        this.tier = tier;
        this.namespaces = namespaces;
        this.stats = stats;
        this.nextSegmentId = new AtomicLong(nextSegmentId);
        this.manifestSegment = manifestSegment;
        this.logNumber = logNumber;
        this.flushedSequence = flushedSequence;
    }

    long newSegmentId() {
        return nextSegmentId.getAndIncrement();
    }

    /** @return the current version with a reference the caller must drop ({@link Version#unref()}) */
    Version acquire() {
        for (;;) {
            final Version v = current;
            if (v == null) {
                throw new dev.strata.StoreClosedException("the store is closed");
            }
            if (v.tryRef()) {
                return v;
            }
        }
    }

    /** The current version, unreferenced: only under {@link #lock}. */
    Version current() {
        return current;
    }

    /** Makes {@code next} current (under {@link #lock}); drops the creator's reference on it only when replacing. */
    void install(final Version next) {
        final Version old = current;
        current = next;
        if (old != null) {
            old.unref();
        }
        long live = 0;
        long last = 0;
        for (Tree t : next.trees) {
            final int deepest = t.lastNonEmptyLevel();
            for (int l = 0; l < t.levels.length; l++) {
                live += t.levelBytes(l);
            }
            last += deepest < 0 ? 0 : t.levelBytes(deepest);
        }
        stats.set(StoreStats.Counter.LIVE_SEGMENT_BYTES, live);
        stats.set(StoreStats.Counter.LAST_LEVEL_BYTES, last);
        lock.notifyAll();
    }

    void addWal(final long segmentId) {
        synchronized (lock) {
            liveWals.addLast(segmentId);
        }
    }

    /** Deletes WAL segments older than the manifest's log number (their memtables are flushed). */
    void deleteObsoleteWals() {
        final List<Long> obsolete = new ArrayList<>();
        synchronized (lock) {
            while (!liveWals.isEmpty() && liveWals.peekFirst() < logNumber) {
                obsolete.add(liveWals.pollFirst());
            }
        }
        for (long id : obsolete) {
            tier.delete(id);
        }
    }

    /** Records that every write up to {@code sequence} is in segments and the WAL from {@code log} on holds the rest. */
    void flushed(final long sequence, final long log) {
        flushedSequence = Math.max(flushedSequence, sequence);
        logNumber = log;
    }

    /** Makes {@code next} durable in the manifest, then current (under {@link #lock}); drops it if the manifest write fails. */
    void commit(final Version next) {
        try {
            writeManifest(next);
        } catch (final RuntimeException e) {
            next.unref();
            throw e;
        }
        install(next);
    }

    /** Writes the manifest for {@code v} (under {@link #lock}), then deletes the previous manifest segment. */
    void writeManifest(final Version v) {
        final ManifestData m = new ManifestData();
        m.lastSequence = flushedSequence;
        m.logNumber = logNumber;
        m.namespaces.addAll(namespaces);
        for (int ns = 0; ns < v.trees.length; ns++) {
            final SstFile[][] levels = v.trees[ns].levels;
            for (int l = 0; l < levels.length; l++) {
                for (SstFile f : levels[l]) {
                    m.files.add(new ManifestData.FileEntry(ns, l, f.segmentId, f.size, f.entries, f.smallestSequence, f.largestSequence,
                        f.smallest.byteArray(), f.largest.byteArray()));
                }
            }
        }
        final long id = newSegmentId();
        m.nextSegmentId = id + 1;
        Manifests.write(tier, id, m);
        final long previous = manifestSegment;
        manifestSegment = id;
        if (previous >= 0) {
            tier.delete(previous);
        }
    }

    long registerSnapshot(final long sequence) {
        synchronized (lock) {
            snapshots.merge(sequence, 1, Integer::sum);
        }
        return sequence;
    }

    void releaseSnapshot(final long sequence) {
        synchronized (lock) {
            snapshots.computeIfPresent(sequence, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** @return a read-point slot for one transaction object, until {@link #freeReadPoint} */
    int newReadPoint() {
        synchronized (lock) {
            for (int i = 0; i < readPoints.length; i++) {
                if (readPoints[i] == -1) {
                    readPoints[i] = 0;
                    return i;
                }
            }
            final int slot = readPoints.length;
            readPoints = java.util.Arrays.copyOf(readPoints, Math.max(8, slot * 2));
            java.util.Arrays.fill(readPoints, slot, readPoints.length, -1);
            readPoints[slot] = 0;
            return slot;
        }
    }

    /**
     * Sets a transaction's read point (compaction keeps what it needs): a registered snapshot that
     * allocates nothing. Only under {@link #lock}, with {@code sequence} read under it too.
     */
    void setReadPoint(final int slot, final long sequence) {
        readPoints[slot] = sequence;
    }

    void closeReadPoint(final int slot) {
        synchronized (lock) {
            readPoints[slot] = 0;
        }
    }

    void freeReadPoint(final int slot) {
        synchronized (lock) {
            readPoints[slot] = -1;
        }
    }

    /** @return live snapshot sequences (snapshots and transactions' read points), ascending, without duplicates */
    long[] snapshotSequences() {
        synchronized (lock) {
            final long[] out = new long[snapshots.size() + readPoints.length];
            int n = 0;
            for (long s : snapshots.keySet()) {
                out[n++] = s;
            }
            for (long r : readPoints) {
                if (r > 0) {
                    out[n++] = r;
                }
            }
            java.util.Arrays.sort(out, 0, n);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (distinct == 0 || out[distinct - 1] != out[i]) {
                    out[distinct++] = out[i];
                }
            }
            return java.util.Arrays.copyOf(out, distinct);
        }
    }

    /** Drops the current version (store close). */
    void close() {
        synchronized (lock) {
            final Version v = current;
            current = null;
            if (v != null) {
                v.unref();
            }
        }
    }
}
