package dev.strata.engine.store;

import dev.strata.NamespaceConfig;
import dev.strata.StoreConfig;
import dev.strata.StoreFailedException;
import dev.strata.StoreStats;
import dev.strata.StoreStats.Counter;
import dev.strata.compression.Codec;
import dev.strata.compression.Codecs;
import dev.strata.engine.sst.SstReadContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Leveled compaction in one background thread (see ARCHITECTURE.md for why leveled): when level 0
 * holds {@link StoreConfig#level0Trigger()} segments, all of them merge with the overlapping part
 * of level 1; when a deeper level outgrows its target (base × multiplier^(level-1)), one of its
 * segments merges into the next level, or moves there untouched if nothing overlaps it. Merging
 * drops versions no reader can see ({@link VersionFilter}). One compaction at a time (also
 * serialising {@link #compactAll}), so on two cores it leaves a core to the foreground.
 */
final class Compactor implements Runnable {
    private final StoreConfig config;
    private final VersionSet versions;
    private final StoreStats stats;
    private final WriteSide writes;
    private final Object mutex = new Object();
    private final Thread thread;
    private final int[] nextFileInLevel;
    private volatile boolean closing;
    private boolean signalled;

    Compactor(final StoreConfig config, final VersionSet versions, final StoreStats stats, final WriteSide writes, final String name) {
        this.config = config;
        this.versions = versions;
        this.stats = stats;
        this.writes = writes;
        this.nextFileInLevel = new int[config.maxLevels()];
        this.thread = new Thread(this, "strata-compact-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        if (config.backgroundCompaction()) {
            thread.start();
        }
    }

    /** Wakes the thread to look for work (after a flush). */
    void signal() {
        synchronized (versions.lock) {
            signalled = true;
            versions.lock.notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            while (!closing) {
                synchronized (versions.lock) {
                    while (!closing && !signalled) {
                        versions.lock.wait();
                    }
                    signalled = false;
                }
                while (!closing && compactOnce()) {
                    Thread.yield();
                }
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final java.util.concurrent.CancellationException e) {
            // closing
        } catch (final RuntimeException e) {
            writes.fail(new StoreFailedException("a compaction failed; the store refuses writes until it is reopened", e));
        }
    }

    /** @return whether a compaction ran */
    boolean compactOnce() {
        synchronized (mutex) {
            final CompactionPick pick;
            synchronized (versions.lock) {
                pick = CompactionPick.choose(versions.current(), config, nextFileInLevel);
            }
            if (pick == null) {
                return false;
            }
            run(pick);
            return true;
        }
    }

    /** Merges every segment of every namespace into one sorted run in the last level. */
    void compactAll() {
        synchronized (mutex) {
            for (int ns = 0; ns < versions.namespaces.size(); ns++) {
                final CompactionPick pick;
                synchronized (versions.lock) {
                    pick = CompactionPick.all(versions.current(), ns, config.maxLevels() - 1);
                }
                if (pick != null) {
                    run(pick);
                }
            }
        }
    }

    private void run(final CompactionPick pick) {
        if (pick.trivialMove()) {
            synchronized (versions.lock) {
                final Version cur = versions.current();
                final Tree[] trees = cur.trees.clone();
                trees[pick.namespace] = trees[pick.namespace].withCompaction(pick.inputs, pick.outputLevel, pick.inputs);
                versions.commit(new Version(cur.active, cur.immutables, trees));
            }
            return;
        }
        final TableOutput out = new TableOutput(config, versions);
        final List<SstFile> outputs;
        try {
            outputs = merge(pick, out);
        } catch (final RuntimeException e) {
            release(pick);
            throw e;
        }
        boolean installed = false;
        try {
            install(pick, outputs);
            installed = true;
        } catch (final RuntimeException e) {
            release(pick);
            throw e;
        } finally {
            SstFile.dropCreatorRefs(outputs, !installed);
        }
        long read = 0;
        for (SstFile f : pick.inputs) {
            read += f.size;
        }
        stats.add(Counter.COMPACTIONS, 1);
        stats.add(Counter.COMPACTION_BYTES_READ, read);
        stats.add(Counter.COMPACTION_BYTES_WRITTEN, out.bytesWritten());
        stats.add(Counter.COMPACTION_DROPPED, out.dropped());
    }

    /** Merges the inputs into new segments (the last level gets the namespace's last-level codec). */
    private List<SstFile> merge(final CompactionPick pick, final TableOutput out) {
        final NamespaceConfig nc = versions.namespaces.get(pick.namespace);
        final boolean last = pick.outputLevel == config.maxLevels() - 1;
        final List<SstIterator> sources = new ArrayList<>();
        try (Codec codec = last ? Codecs.create(nc.lastLevelCodec(), nc.lastLevelCodecLevel()) : Codecs.create(nc.codec(), nc.codecLevel())) {
            final MergingIterator merge = new MergingIterator();
            for (SstFile f : pick.inputs) {
                final SstIterator it = new SstIterator(new SstReadContext()).reset(f.reader);
                sources.add(it);
                merge.add(it);
            }
            merge.seekToFirst();
            final VersionFilter filter = new VersionFilter(versions.snapshotSequences(), pick.bottommost, config.clock().millis());
            return out.write(merge, pick.namespace, codec, filter, config.targetFileBytes(), () -> closing);
        } finally {
            for (SstIterator it : sources) {
                it.close();
            }
        }
    }

    /** Makes the manifest without the inputs and with the outputs durable, then current. */
    private void install(final CompactionPick pick, final List<SstFile> outputs) {
        synchronized (versions.lock) {
            final Version cur = versions.current();
            final Tree[] trees = cur.trees.clone();
            trees[pick.namespace] = trees[pick.namespace].withCompaction(pick.inputs, pick.outputLevel, outputs);
            // marked before the commit: installing the new version may drop the inputs' last reference at once,
            // and their segments must go then (the manifest without them is durable by that point)
            for (SstFile f : pick.inputs) {
                f.obsolete = true;
            }
            try {
                versions.commit(new Version(cur.active, cur.immutables, trees));
            } catch (final RuntimeException e) {
                for (SstFile f : pick.inputs) {
                    f.obsolete = false;
                }
                throw e;
            }
        }
    }

    private void release(final CompactionPick pick) {
        synchronized (versions.lock) {
            for (SstFile f : pick.inputs) {
                f.compacting = false;
            }
        }
    }

    void close() {
        closing = true;
        synchronized (versions.lock) {
            versions.lock.notifyAll();
        }
        if (thread.isAlive()) {
            try {
                thread.join();
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
