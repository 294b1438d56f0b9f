package dev.strata.engine.store;

import dev.strata.NamespaceConfig;
import dev.strata.StoreConfig;
import dev.strata.StoreFailedException;
import dev.strata.StoreStats;
import dev.strata.StoreStats.Counter;
import dev.strata.compression.Codec;
import dev.strata.compression.Codecs;
import java.util.ArrayList;
import java.util.List;

/**
 * The background thread that turns full memtables into level-0 segments, oldest first: one
 * segment run per namespace, then one manifest edit that adds them and advances the log number
 * past the flushed memtable's WAL, then the new version, then the WAL segments nobody needs.
 * Writers never wait for it unless {@link StoreConfig#maxImmutableMemtables()} memtables are full.
 */
final class Flusher implements Runnable {
    private final StoreConfig config;
    private final VersionSet versions;
    private final StoreStats stats;
    private final WriteSide writes;
    private final Runnable afterFlush;
    private volatile boolean closing;
    private final Thread thread;

    Flusher(final StoreConfig config, final VersionSet versions, final StoreStats stats, final WriteSide writes, final Runnable afterFlush,
        final String name) {
        this.config = config;
        this.versions = versions;
        this.stats = stats;
        this.writes = writes;
        this.afterFlush = afterFlush;
        this.thread = new Thread(this, "strata-flush-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (true) {
                final MemtableRef oldest;
                synchronized (versions.lock) {
                    while (!closing && versions.current().immutables.length == 0) {
                        versions.lock.wait();
                    }
                    if (closing) {
                        return;
                    }
                    final MemtableRef[] imms = versions.current().immutables;
                    oldest = imms[imms.length - 1];
                }
                flush(oldest);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final RuntimeException e) {
            writes.fail(new StoreFailedException("a memtable flush failed; the store refuses writes until it is reopened", e));
            synchronized (versions.lock) {
                versions.lock.notifyAll();
            }
        }
    }

    /** Flushes one immutable memtable (the oldest). Flusher thread, or the opener during recovery. */
    void flush(final MemtableRef imm) {
        final long[] snapshots = versions.snapshotSequences();
        final long now = config.clock().millis();
        final List<SstFile> outputs = new ArrayList<>();
        final MemtableIterator it = new MemtableIterator();
        for (int ns = 0; ns < versions.namespaces.size(); ns++) {
            final NamespaceConfig nc = versions.namespaces.get(ns);
            it.reset(imm.table, ns).seekToFirst();
            if (!it.valid()) {
                continue;
            }
            try (Codec codec = Codecs.create(nc.codec(), nc.codecLevel())) {
                final List<SstFile> files = new TableOutput(config, versions).write(it, ns, codec, new VersionFilter(snapshots, false, now),
                    Long.MAX_VALUE, () -> closing);
                outputs.addAll(files);
                for (SstFile f : files) {
                    stats.add(Counter.FLUSH_BYTES_WRITTEN, f.size);
                }
            }
        }
        boolean installed = false;
        try {
            install(imm, outputs);
            installed = true;
        } finally {
            SstFile.dropCreatorRefs(outputs, !installed);
        }
        stats.add(Counter.FLUSHES, 1);
        versions.deleteObsoleteWals();
        afterFlush.run();
    }

    private void install(final MemtableRef imm, final List<SstFile> outputs) {
        synchronized (versions.lock) {
            final Version cur = versions.current();
            final Tree[] trees = cur.trees.clone();
            for (SstFile f : outputs) {
                trees[f.namespace] = trees[f.namespace].withFlushed(f);
            }
            final MemtableRef[] imms = new MemtableRef[cur.immutables.length - 1];
            System.arraycopy(cur.immutables, 0, imms, 0, imms.length);
            if (cur.immutables[cur.immutables.length - 1] != imm) {
                throw new IllegalStateException("flushed " + imm + " is not the oldest memtable");
            }
            final long log = imms.length > 0 ? imms[imms.length - 1].walSegmentId : cur.active.walSegmentId;
            versions.flushed(imm.largestSequence, log);
            versions.commit(new Version(cur.active, imms, trees));
        }
    }

    void close() {
        closing = true;
        synchronized (versions.lock) {
            versions.lock.notifyAll();
        }
        try {
            thread.join();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
