package dev.strata.engine.store;

import dev.strata.LimitExceededException;
import dev.strata.Namespace;
import dev.strata.NamespaceConfig;
import dev.strata.Snapshot;
import dev.strata.Store;
import dev.strata.StoreClosedException;
import dev.strata.StoreConfig;
import dev.strata.StoreStats;
import dev.strata.SyncPolicy;
import dev.strata.WriteBatch;
import dev.strata.Cursor;
import dev.strata.engine.sst.SstReadContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The store: wires the commit pipeline, reads, cursors, snapshots, background flush and
 * compaction around one {@link VersionSet}; {@link StoreOpener} builds it (recovery). Its own data
 * operations act on the default namespace.
 */
public final class StoreImpl implements Store {
    private final StoreConfig config;
    private final StoreResources resources;
    private final StoreStats stats;
    private final VersionSet versions;
    private final WriteSide writes;
    private final CommitPipeline pipeline;
    private final Reads reads;
    private final Pool<CommitSlot> slots = new Pool<>(64, CommitSlot::new);
    private final Pool<SstReadContext> contexts;
    private final CachePartitions caches;
    private final CacheControl cacheControl;
    private final RowReads rowReads;
    private final NamespaceImpl[] namespaces;
    private final Map<String, NamespaceImpl> byName = new LinkedHashMap<>();
    private final Flusher flusher;
    private final Compactor compactor;
    private final Syncer syncer;
    private volatile boolean closed;

    StoreImpl(final StoreConfig config, final StoreResources resources, final StoreStats stats, final VersionSet versions, final WriteSide writes) {
        this.config = config;
        this.resources = resources;
        this.stats = stats;
        this.versions = versions;
        this.writes = writes;
        this.pipeline = new CommitPipeline(writes);
        this.contexts = new Pool<>(64, SstReadContext::new);
        this.caches = new CachePartitions(config, versions.namespaces);
        stats.bindCache(caches::hits, caches::misses);
        this.reads = new Reads(versions, contexts, stats, config.clock(), caches);
        // the row cache: filled by default reads, invalidated by the write side before it publishes
        this.cacheControl = new CacheControl(this, config, caches, stats, resources.name());
        writes.rowCache(cacheControl.rows());
        this.rowReads = new RowReads(reads, writes, cacheControl.rows(), stats);
        this.namespaces = new NamespaceImpl[versions.namespaces.size()];
        for (int id = 0; id < namespaces.length; id++) {
            namespaces[id] = new NamespaceImpl(this, id, versions.namespaces.get(id));
            byName.put(namespaces[id].name(), namespaces[id]);
        }
        final String name = resources.name();
        this.compactor = new Compactor(config, versions, stats, writes, name);
        this.flusher = new Flusher(config, versions, stats, writes, compactor::signal, name);
        this.syncer = config.syncPolicy() == SyncPolicy.EVERY_N_MS ? new Syncer(pipeline, writes, config.syncIntervalMillis(), name) : null;
    }

    /** Opens and recovers a store; see {@link dev.strata.Strata#open}. */
    public static Store open(final StoreConfig config) {
        return StoreOpener.open(config);
    }

    void start() {
        flusher.start();
        compactor.start();
        compactor.signal();
        if (syncer != null) {
            syncer.start();
        }
        resources.registerMBean(stats);
        cacheControl.start();
    }

    // ---- internal accessors

    VersionSet versions() {
        return versions;
    }

    Reads reads() {
        return reads;
    }

    RowReads rowReads() {
        return rowReads;
    }

    Pool<CommitSlot> slots() {
        return slots;
    }

    dev.strata.engine.cache.BlockCache cache(final int namespace) {
        return caches.forNamespace(namespace);
    }

    Clock clock() {
        return config.clock();
    }

    boolean isOpen() {
        return !closed;
    }

    void checkOpen() {
        if (closed) {
            throw new StoreClosedException("the store at " + config.location() + " is closed");
        }
    }

    void checkKey(final int keyLength) {
        if (keyLength < 1 || keyLength > MAX_KEY_LENGTH) {
            throw new LimitExceededException("keys must be 1 to " + MAX_KEY_LENGTH + " bytes, got " + keyLength);
        }
    }

    /** @throws LimitExceededException if the key or value is too long */
    void checkLimits(final int keyLength, final int valueLength) {
        checkOpen();
        checkKey(keyLength);
        if (valueLength < 0 || valueLength > config.maxValueLength()) {
            throw new LimitExceededException("values must be 0 to " + config.maxValueLength() + " bytes (a quarter of memtableBytes, at most"
                + " 16 MiB), got " + valueLength + "; raise memtableBytes or split the value");
        }
    }

    /** @return the absolute expiry for a value written now with {@code ttlMillis} (0: the namespace default), 0 for none */
    long expiryFor(final Namespace namespace, final long ttlMillis) {
        final long ttl = ttlMillis > 0 ? ttlMillis : own(namespace).config.defaultTtlMillis();
        return ttl > 0 ? config.clock().millis() + ttl : 0;
    }

    NamespaceImpl own(final Namespace namespace) {
        if (namespace instanceof NamespaceImpl && ((NamespaceImpl)namespace).store == this) {
            return (NamespaceImpl)namespace;
        }
        if (namespace == this) {
            return namespaces[0];
        }
        throw new IllegalArgumentException(namespace + " does not belong to the store at " + config.location());
    }

    long commit(final CommitSlot slot) {
        checkOpen();
        final long need = WriteSide.estimate(slot.builder(), slot.builder().length());
        if (need > config.memtableBytes() / 2) {
            throw new LimitExceededException("a batch of " + slot.builder().length() + " bytes needs " + need + " bytes of memtable, more"
                + " than half of memtableBytes (" + config.memtableBytes() + "); split it or raise memtableBytes");
        }
        final RuntimeException failure = writes.failure();
        if (failure != null) {
            throw failure;
        }
        return pipeline.commit(slot);
    }

    // ---- Store

    @Override
    public Namespace namespace(final String name) {
        checkOpen();
        final NamespaceImpl ns = byName.get(name);
        if (ns == null) {
            throw new IllegalArgumentException("no namespace \"" + name + "\" in the store at " + config.location() + "; it has "
                + byName.keySet() + ". Declare it with StoreConfig.Builder.namespace(...) and reopen");
        }
        return ns;
    }

    @Override
    public WriteBatch newBatch() {
        checkOpen();
        return new Batch(this);
    }

    @Override
    public long write(final WriteBatch batch) {
        if (!(batch instanceof Batch) || ((Batch)batch).store != this) {
            throw new IllegalArgumentException("the batch was not made by this store's newBatch()");
        }
        return commit(((Batch)batch).slot);
    }

    @Override
    public Snapshot snapshot() {
        checkOpen();
        synchronized (versions.lock) {
            final long sequence = lastSequence();
            versions.registerSnapshot(sequence);
            return new SnapshotImpl(this, sequence);
        }
    }

    @Override
    public dev.strata.Transaction newTransaction(final int writeSetBytes) {
        checkOpen();
        return new TransactionImpl(this, writeSetBytes);
    }

    /** Opens a transaction's read point at the latest visible sequence, registered so that compaction keeps what it needs. */
    long openReadPoint(final int slot) {
        synchronized (versions.lock) {
            final long sequence = lastSequence();
            versions.setReadPoint(slot, sequence);
            return sequence;
        }
    }

    @Override
    public long lastSequence() {
        return writes.visibleSequence();
    }

    @Override
    public void checkpoint(final Path directory) {
        checkOpen();
        flush();
        Checkpoints.write(versions, directory);
    }

    @Override
    public void flush() {
        checkOpen();
        while (!pipeline.tryExclusive(this::switchIfNotEmpty)) {
            Thread.onSpinWait();
        }
        synchronized (versions.lock) {
            while (versions.current().immutables.length > 0) {
                final RuntimeException failure = writes.failure();
                if (failure != null) {
                    throw failure;
                }
                try {
                    versions.lock.wait(100);
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a flush", e);
                }
            }
        }
    }

    private void switchIfNotEmpty() {
        if (!writes.memtableEmpty()) {
            writes.switchMemtable();
        }
    }

    @Override
    public void compact() {
        flush();
        compactor.compactAll();
    }

    @Override
    public StoreStats stats() {
        return stats;
    }

    @Override
    public dev.strata.StoreCaches caches() {
        checkOpen();
        return cacheControl;
    }

    @Override
    public String explain() {
        return config.explain();
    }

    // ---- Namespace (the default one)

    @Override
    public String name() {
        return namespaces[0].name();
    }

    @Override
    public int get(final DirectBuffer key, final int keyOffset, final int keyLength, final MutableDirectBuffer dst, final int dstOffset) {
        return namespaces[0].get(key, keyOffset, keyLength, dst, dstOffset);
    }

    @Override
    public long put(final DirectBuffer key, final int keyOffset, final int keyLength, final DirectBuffer value, final int valueOffset,
        final int valueLength) {
        return namespaces[0].put(key, keyOffset, keyLength, value, valueOffset, valueLength);
    }

    @Override
    public long put(final DirectBuffer key, final int keyOffset, final int keyLength, final DirectBuffer value, final int valueOffset,
        final int valueLength, final long ttlMillis) {
        return namespaces[0].put(key, keyOffset, keyLength, value, valueOffset, valueLength, ttlMillis);
    }

    @Override
    public long delete(final DirectBuffer key, final int keyOffset, final int keyLength) {
        return namespaces[0].delete(key, keyOffset, keyLength);
    }

    @Override
    public Cursor newCursor() {
        return namespaces[0].newCursor();
    }

    @Override
    public byte[] get(final byte[] key) {
        return namespaces[0].get(key);
    }

    @Override
    public long put(final byte[] key, final byte[] value) {
        return namespaces[0].put(key, value);
    }

    @Override
    public long delete(final byte[] key) {
        return namespaces[0].delete(key);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pipeline.stop();
        if (syncer != null) {
            syncer.close();
        }
        flusher.close();
        compactor.close();
        try {
            writes.close();
        } finally {
            versions.close();
            slots.close();
            contexts.close();
            cacheControl.close();
            rowReads.close();
            caches.close();
            resources.close();
        }
    }

    @Override
    public String toString() {
        return "Strata store at " + config.location();
    }

    /**
     * Engine-internal, for the eviction lab ({@code strata lab eviction --capture}): records the key
     * of every point read into {@code recorder} (zero allocation per read), or stops with null.
     */
    public void accessTrace(final dev.strata.engine.cache.AccessTraceRecorder recorder) {
        reads.accessTrace(recorder);
    }
}
