package dev.strata.tier.object;

import dev.strata.tier.SegmentExistsException;
import dev.strata.tier.SegmentNotFoundException;
import dev.strata.tier.SegmentNotSealedException;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierKind;
import dev.strata.tier.TierStats;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The object tier: one immutable object per sealed segment in an {@link ObjectStore} (the
 * {@link LocalObjectStore} by default, or S3 through {@link S3ObjectStore}).
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Appends are buffered</b> off-heap per writer and put as one object on {@code seal()}
 *       ({@link ObjectSegmentWriter}); objects cannot be appended to.</li>
 *   <li><b>{@code sync()} puts a part object</b> with the bytes since the previous part, so synced
 *       bytes survive a crash: one PUT per sync, amortised by group commit. {@code create()} puts
 *       part 0, an empty marker, with {@code If-None-Match: *}, so an id is taken exactly once
 *       even by racing creators, and an empty unsealed segment is listed.</li>
 *   <li><b>Recovery</b>: {@link #openUnsealed} concatenates the part objects (checking that each
 *       starts where the previous ended); {@link #sealUnsealed} writes the final object from them
 *       and then deletes the parts. Until the parts are gone, a sealed object wins.</li>
 *   <li><b>Reads are ranged GETs</b> of the segment's object (mapped reads on the local store:
 *       no allocation once warm); the S3 SDK allocates per request.</li>
 *   <li><b>The metadata slot</b> is one object replaced by a conditional PUT ({@link MetadataSlot}).</li>
 * </ul>
 * Names, header and format version: {@link ObjectTierKeys}, {@link SegmentObjectDescriptor} and
 * {@code docs/format-object-tier.md}.
 *
 * <h2>Threading</h2>
 * Tier operations are thread-safe; one writer per segment; readers are safe for concurrent use.
 * One tier instance should own a prefix: a second writer in another process is detected on
 * {@code create} (marker) and on the metadata slot (fencing), not prevented elsewhere.
 */
public final class ObjectTier implements Tier {
    private static final int POOLED_BUFFER_MAX = 8 << 20;
    private static final int POOL_SIZE = 4;
    private static final int INITIAL_BUFFER = 64 * 1024;

    final ObjectStore store;
    final ObjectTierKeys keys;
    final ObjectTierStats stats = new ObjectTierStats();
    private final boolean ownsStore;
    private final MetadataSlot metadata;
    private final Map<Long, ObjectSegmentWriter> writers = new ConcurrentHashMap<>();
    private final Set<SegmentObjectReader> readers = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<OffHeapBuffer> pool = new ArrayDeque<>();
    private volatile boolean closed;

    private ObjectTier(final ObjectStore store, final String prefix, final boolean ownsStore) {
        this.store = store;
        this.keys = new ObjectTierKeys(prefix);
        this.ownsStore = ownsStore;
        this.metadata = new MetadataSlot(this, keys.metadata());
    }

    /**
     * Opens a tier over {@code store} under {@code prefix}.
     *
     * @param prefix    where this tier's objects live: empty or ending with {@code '/'}, e.g. {@code "strata/"}
     * @param ownsStore whether {@link #close()} closes the store too
     */
    public static ObjectTier open(final ObjectStore store, final String prefix, final boolean ownsStore) {
        return new ObjectTier(store, prefix, ownsStore);
    }

    @Override
    public TierKind kind() {
        return TierKind.OBJECT;
    }

    @Override
    public String location() {
        return store.location() + " prefix '" + keys.prefix() + "'";
    }

    @Override
    public SegmentWriter create(final long segmentId) {
        checkOpen();
        checkId(segmentId);
        if (writers.containsKey(segmentId) || store.head(keys.sealed(segmentId)) != null) {
            throw exists(segmentId);
        }
        final UnsafeBuffer marker = new UnsafeBuffer(new byte[SegmentObjectDescriptor.HEADER_LENGTH]);
        SegmentObjectDescriptor.writeHeader(marker, SegmentObjectDescriptor.KIND_PART, segmentId, 0, 0, 0, new CRC32C());
        try {
            putObject(keys.part(segmentId, 0), marker, marker.capacity(), PutCondition.IF_ABSENT);
        } catch (final PreconditionFailedException e) {
            throw exists(segmentId);
        }
        final ObjectSegmentWriter w = new ObjectSegmentWriter(this, segmentId);
        writers.put(segmentId, w);
        return w;
    }

    private SegmentExistsException exists(final long segmentId) {
        return new SegmentExistsException("segment " + segmentId + " already exists in " + location() + "; segment ids are never reused, pick a new one");
    }

    @Override
    public SegmentReader open(final long segmentId) {
        checkOpen();
        checkId(segmentId);
        if (writers.containsKey(segmentId)) {
            throw notSealed(segmentId);
        }
        final String key = keys.sealed(segmentId);
        final ObjectReader r;
        try {
            r = store.openReader(key);
        } catch (final ObjectNotFoundException e) {
            if (!listParts(segmentId).isEmpty()) {
                throw notSealed(segmentId);
            }
            throw new SegmentNotFoundException("no segment " + segmentId + " in " + location() + " (never created, or deleted)", e);
        }
        try {
            final long length = checkHeader(r, SegmentObjectDescriptor.KIND_SEALED, segmentId, 0);
            return track(new SegmentObjectReader(this, segmentId, new ObjectReader[] {r}, new long[] {0}, length));
        } catch (final RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private SegmentNotSealedException notSealed(final long segmentId) {
        return new SegmentNotSealedException("segment " + segmentId + " in " + location()
            + " is not sealed; seal it first, or read its durable prefix with openUnsealed during recovery");
    }

    @Override
    public SegmentReader openUnsealed(final long segmentId) {
        checkOpen();
        checkId(segmentId);
        checkNoWriter(segmentId);
        return track(UnsealedSegments.open(this, segmentId));
    }

    @Override
    public void sealUnsealed(final long segmentId, final long validLength) {
        checkOpen();
        checkId(segmentId);
        checkNoWriter(segmentId);
        UnsealedSegments.seal(this, segmentId, validLength);
    }

    private void checkNoWriter(final long segmentId) {
        if (writers.containsKey(segmentId)) {
            throw new IllegalStateException("segment " + segmentId + " in " + location() + " is still open for writing; close or seal its writer first");
        }
    }

    @Override
    public boolean delete(final long segmentId) {
        checkOpen();
        checkId(segmentId);
        final ObjectSegmentWriter w = writers.remove(segmentId);
        if (w != null) {
            w.invalidate("its segment was deleted");
        }
        final List<ObjectInfo> parts = listParts(segmentId);
        deleteParts(segmentId, parts.isEmpty() ? -1 : ObjectTierKeys.partOf(parts.get(parts.size() - 1).key()));
        final String sealed = keys.sealed(segmentId);
        final boolean sealedExisted = store.head(sealed) != null;
        if (sealedExisted) {
            store.delete(sealed);
        }
        return w != null || !parts.isEmpty() || sealedExisted;
    }

    @Override
    public void list(final SegmentVisitor visitor) {
        checkOpen();
        SegmentListing.list(this, visitor);
    }

    @Override
    public void writeMetadata(final DirectBuffer src, final int offset, final int length) {
        checkOpen();
        if (length > maxMetadataLength()) {
            throw new IllegalArgumentException("metadata of " + length + " bytes exceeds maxMetadataLength " + maxMetadataLength());
        }
        metadata.write(src, offset, length);
    }

    @Override
    public byte[] readMetadata() {
        checkOpen();
        return metadata.read();
    }

    @Override
    public int maxMetadataLength() {
        return MetadataSlot.MAX_LENGTH;
    }

    @Override
    public TierStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (final ObjectSegmentWriter w : writers.values()) {
            w.invalidate("the tier was closed");
        }
        for (final SegmentObjectReader r : readers) {
            r.close();
        }
        synchronized (pool) {
            for (final OffHeapBuffer b : pool) {
                b.free();
            }
            pool.clear();
        }
        if (ownsStore) {
            store.close();
        }
    }

    // ---- shared with the writer, readers and helpers of this package ----

    /** Puts {@code buf[0, length)} and counts it. */
    String putObject(final String key, final DirectBuffer buf, final int length, final PutCondition condition) {
        final String etag = store.put(key, buf, 0, length, Map.of(), condition);
        stats.puts.incrementAndGet();
        return etag;
    }

    /** Deletes parts {@code highest} down to 0, so that a crash midway leaves a consistent prefix of parts. */
    void deleteParts(final long segmentId, final int highest) {
        for (int p = highest; p >= 0; p--) {
            store.delete(keys.part(segmentId, p));
        }
    }

    /** @return the part objects of a segment in part order */
    List<ObjectInfo> listParts(final long segmentId) {
        final String partsOf = keys.partsOf(segmentId);
        final List<ObjectInfo> parts = SegmentListing.all(store, partsOf, null);
        parts.removeIf(o -> !ObjectTierKeys.isPart(partsOf, o.key())); // not the tier's (see ObjectTierKeys)
        return parts;
    }

    /** Reads and checks an object's header; @return its payload length */
    long checkHeader(final ObjectReader r, final short kind, final long segmentId, final int part) {
        final UnsafeBuffer h = new UnsafeBuffer(new byte[SegmentObjectDescriptor.HEADER_LENGTH]);
        r.read(0, h, 0, h.capacity());
        return SegmentObjectDescriptor.check(h, r.key(), r.size(), kind, segmentId, part, new CRC32C());
    }

    /** @return a pooled off-heap buffer (the pool is what makes appends allocation-free once warm) */
    OffHeapBuffer borrowBuffer() {
        synchronized (pool) {
            final OffHeapBuffer b = pool.pollFirst();
            return b != null ? b : new OffHeapBuffer(INITIAL_BUFFER);
        }
    }

    /** Returns a buffer to the pool (up to 4 of at most 8 MiB each), or frees it. */
    void returnBuffer(final OffHeapBuffer b) {
        if (b == null) {
            return;
        }
        synchronized (pool) {
            if (!closed && pool.size() < POOL_SIZE && b.capacity() <= POOLED_BUFFER_MAX) {
                pool.addFirst(b);
                return;
            }
        }
        b.free();
    }

    void unregister(final ObjectSegmentWriter w) {
        writers.remove(w.segmentId(), w);
    }

    private SegmentObjectReader track(final SegmentObjectReader r) {
        readers.add(r);
        if (closed) {
            r.close();
            checkOpen();
        }
        return r;
    }

    void forget(final SegmentObjectReader r) {
        readers.remove(r);
    }

    void checkOpen() {
        if (closed) {
            throw new TierClosedException("object tier " + location() + " is closed; open it again");
        }
    }

    private static void checkId(final long segmentId) {
        if (segmentId < 0) {
            throw new IllegalArgumentException("segment ids of the object tier must be >= 0 (they are zero-padded into object names), got " + segmentId);
        }
    }
}
