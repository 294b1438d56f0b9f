package dev.strata.tier.block;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.agrona.DirectBuffer;

import dev.strata.tier.SegmentExistsException;
import dev.strata.tier.SegmentNotFoundException;
import dev.strata.tier.SegmentNotSealedException;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierFullException;
import dev.strata.tier.TierIOException;
import dev.strata.tier.TierKind;
import dev.strata.tier.TierStats;
import dev.strata.tier.io.Checks;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.ScratchPool;
import dev.strata.tier.io.TierCounters;

/**
 * The block tier: one preallocated file or block device holding fixed-size blocks.
 *
 * <h2>Layout</h2>
 * Two superblock copies (header and segment table), two metadata slot copies, then data blocks
 * ({@link SuperblockDescriptor}, {@link MetadataSlotDescriptor}). A segment is a list of extents.
 *
 * <h2>Commits</h2>
 * Every change that must survive a crash (create, sync, seal, delete) rewrites the whole segment
 * table into the older superblock copy with the next generation and forces it. A sync or seal
 * writes the segment's data, then commits with a sync record (the CRC32C of the newly durable
 * bytes), so one force makes both durable. On open the newest valid copy wins, unless its sync
 * record does not match the data (that commit never returned), in which case the previous
 * generation does. Unsynced bytes are never listed in a
 * committed table, so after a crash they are absent: an unsealed segment shows exactly its last
 * synced length. Freed blocks return to the allocator only after the table without them is durable.
 *
 * <h2>Locks</h2>
 * Tier operations hold the tier lock. A writer calls into the tier (grow, commit) while holding
 * its own lock, so the tier never takes a writer's lock while holding its own: it invalidates
 * writers after releasing it, and a writer whose segment was deleted meanwhile is refused.
 */
public final class BlockTier implements Tier {
    private final BlockTierOptions options;
    private final BlockLayout layout;
    private final IoChannel channel;
    private final TierCounters counters;
    private final SuperblockStore superblocks;
    private final BlockMetadataSlot metadata;
    private final ExtentAllocator allocator;
    private final TreeMap<Long, SegmentEntry> table;
    /** The table's entries in id order, rebuilt when {@link #tableModCount} moves (create, delete). */
    private SegmentEntry[] ordered = new SegmentEntry[0];
    private long orderedModCount = -1;
    private long tableModCount;
    private final ScratchPool readScratch;
    /** Whether the channel uses O_DIRECT (zero-copy transfers must then be block-aligned). */
    private final boolean direct;
    private final Set<SegmentReader> readers = ConcurrentHashMap.newKeySet();
    private final long minExtentBlocks;
    private final long maxExtentBlocks;
    private volatile boolean closed;

    BlockTier(final BlockTierOptions options, final BlockLayout layout, final IoChannel channel, final boolean direct,
              final SuperblockStore superblocks, final BlockMetadataSlot metadata, final ExtentAllocator allocator,
              final TreeMap<Long, SegmentEntry> table) {
        this.options = options;
        this.layout = layout;
        this.channel = channel;
        this.direct = direct;
        this.counters = new TierCounters(direct ? "direct" : "buffered");
        this.superblocks = superblocks;
        this.metadata = metadata;
        this.allocator = allocator;
        this.table = table;
        final int scratch = Math.max(options.readBufferBytes(), layout.blockSize);
        this.readScratch = new ScratchPool(2 * Runtime.getRuntime().availableProcessors(), scratch, layout.blockSize);
        this.minExtentBlocks = Math.max(1, options.minExtentBytes() / layout.blockSize);
        this.maxExtentBlocks = Math.max(minExtentBlocks, options.maxExtentBytes() / layout.blockSize);
    }

    /**
     * Opens the block tier at {@code options.path()}, creating and formatting the file if allowed.
     *
     * @throws dev.strata.tier.TierOpenException if the location is missing, too small, not a Strata
     *     block tier, or direct I/O was required but refused
     */
    public static BlockTier open(final BlockTierOptions options) {
        return BlockTierOpener.open(options);
    }

    @Override
    public TierKind kind() {
        return TierKind.BLOCK;
    }

    @Override
    public String location() {
        return options.path().toString();
    }

    /** @return the block size in bytes (from the file system) */
    public int blockSize() {
        return layout.blockSize;
    }

    /** @return free data blocks */
    public synchronized long freeBlocks() {
        return allocator.freeBlocks();
    }

    @Override
    public synchronized SegmentWriter create(final long segmentId) {
        checkOpen();
        if (table.containsKey(segmentId)) {
            throw new SegmentExistsException("segment " + segmentId + " already exists in block tier " + location() + " ("
                + (table.get(segmentId).sealed ? "sealed" : "unsealed") + "); segment ids are never reused: allocate a new id");
        }
        final SegmentEntry entry = new SegmentEntry(segmentId);
        table.put(segmentId, entry);
        tableModCount++;
        try {
            commit();
        } catch (final RuntimeException e) {
            table.remove(segmentId);
            tableModCount++;
            throw e;
        }
        entry.writer = new BlockSegmentWriter(this, entry, channel, counters, layout.blockSize, options.writeBufferBytes(), direct);
        return entry.writer;
    }

    @Override
    public synchronized SegmentReader open(final long segmentId) {
        checkOpen();
        final SegmentEntry e = entry(segmentId);
        if (!e.sealed) {
            throw new SegmentNotSealedException("segment " + segmentId + " in block tier " + location() + " is not sealed: seal it "
                + "with SegmentWriter.seal(), or during recovery read it with openUnsealed and finish it with sealUnsealed");
        }
        return track(new BlockSegmentReader(this, segmentId, e.extentsCopy(), e.length, channel, readScratch, counters, layout.blockSize,
            direct));
    }

    @Override
    public synchronized SegmentReader openUnsealed(final long segmentId) {
        checkOpen();
        final SegmentEntry e = unsealedIdle(segmentId);
        return track(new BlockSegmentReader(this, segmentId, e.extentsCopy(), e.length, channel, readScratch, counters, layout.blockSize,
            direct));
    }

    @Override
    public synchronized void sealUnsealed(final long segmentId, final long validLength) {
        checkOpen();
        final SegmentEntry e = unsealedIdle(segmentId);
        if (validLength < 0 || validLength > e.length) {
            throw new IllegalArgumentException("validLength must be between 0 and the durable length " + e.length
                + " of segment " + segmentId + ", got " + validLength);
        }
        final long oldLength = e.length;
        e.length = validLength;
        e.sealed = true;
        try {
            commit();
        } catch (final RuntimeException ex) {
            e.length = oldLength;
            e.sealed = false;
            throw ex;
        }
        e.trim(BlockLayout.ceilDiv(validLength, layout.blockSize), allocator);
    }

    @Override
    public boolean delete(final long segmentId) {
        final BlockSegmentWriter writer;
        synchronized (this) {
            checkOpen();
            final SegmentEntry e = table.remove(segmentId);
            tableModCount++;
            if (e == null) {
                return false;
            }
            try {
                commit();
            } catch (final RuntimeException ex) {
                table.put(segmentId, e);
                tableModCount++;
                throw ex;
            }
            for (int i = 0; i < e.extentCount(); i++) {
                allocator.free(e.extentStart(i), e.extentBlocks(i));
            }
            writer = e.writer;
            e.writer = null;
        }
        if (writer != null) {
            writer.invalidate("invalidated: its segment was deleted");
        }
        return true;
    }

    @Override
    public void list(final SegmentVisitor visitor) {
        final List<SegmentEntry> entries;
        final List<BlockSegmentWriter> writers = new ArrayList<>();
        synchronized (this) {
            checkOpen();
            entries = new ArrayList<>(table.values());
            for (SegmentEntry e : entries) {
                writers.add(e.writer);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            final SegmentEntry e = entries.get(i);
            final BlockSegmentWriter w = writers.get(i);
            visitor.segment(e.segmentId, e.sealed, w != null ? w.length() : e.length);
        }
    }

    @Override
    public synchronized void writeMetadata(final DirectBuffer src, final int offset, final int length) {
        Checks.metadataArgs(src, offset, length, maxMetadataLength());
        checkOpen();
        try {
            metadata.write(src, offset, length);
        } catch (final IOException e) {
            throw new TierIOException("cannot write the metadata slot of block tier " + location() + ": " + e
                + "; the previous blob is intact", e);
        }
    }

    @Override
    public synchronized byte[] readMetadata() {
        checkOpen();
        try {
            return metadata.read();
        } catch (final IOException e) {
            throw new TierIOException("cannot read the metadata slot of block tier " + location() + ": " + e, e);
        }
    }

    @Override
    public int maxMetadataLength() {
        return metadata.maxLength();
    }

    @Override
    public TierStats stats() {
        return counters;
    }

    @Override
    public void close() {
        final List<BlockSegmentWriter> writers = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Map.Entry<Long, SegmentEntry> e : table.entrySet()) {
                if (e.getValue().writer != null) {
                    writers.add(e.getValue().writer);
                }
            }
        }
        for (BlockSegmentWriter w : writers) {
            w.invalidate("closed: the tier was closed");
        }
        for (SegmentReader r : new ArrayList<>(readers)) {
            r.close();
        }
        synchronized (this) {
            readScratch.close();
            superblocks.close();
            try {
                channel.close();
            } catch (final IOException e) {
                // the descriptor is released either way
            }
        }
    }

    @Override
    public String toString() {
        return "BlockTier{" + location() + ", blockSize=" + layout.blockSize + ", " + counters.readPath() + '}';
    }

    /** Gives {@code entry} extents up to {@code endBlocks} blocks; a writer calls this before it copies an append. */
    synchronized void grow(final SegmentEntry entry, final long endBlocks) {
        checkLive(entry);
        long missing = endBlocks - entry.capacityBlocks();
        if (missing > allocator.freeBlocks()) {
            throw new TierFullException("block tier " + location() + " is full: segment " + entry.segmentId + " needs "
                + missing + " more blocks of " + layout.blockSize + " bytes, " + allocator.freeBlocks()
                + " are free; delete segments or use a larger device (what is stored stays readable)");
        }
        while (missing > 0) {
            final long preferred = Math.min(maxExtentBlocks, Math.max(minExtentBlocks, entry.capacityBlocks()));
            // whole multiples of the minimum extent, so that extents keep the allocator's alignment
            final long want = Math.min(BlockLayout.ceilDiv(Math.max(missing, preferred), minExtentBlocks) * minExtentBlocks,
                allocator.freeBlocks());
            allocator.allocate(want);
            entry.addExtent(allocator.lastStart, allocator.lastBlocks);
            missing -= allocator.lastBlocks;
        }
    }

    /**
     * Commits a new durable length (and the sealed flag) with a sync record: the commit's one force
     * makes the writer's data durable too (see {@link SuperblockDescriptor}).
     *
     * @param dataCrc CRC32C of the segment's bytes from its previously committed length to {@code length}
     */
    synchronized void commitLength(final SegmentEntry entry, final long length, final boolean seal, final int dataCrc) {
        checkLive(entry);
        final long oldLength = entry.length;
        entry.length = length;
        entry.sealed = seal;
        try {
            commit(entry.segmentId, dataCrc);
        } catch (final RuntimeException e) {
            entry.length = oldLength;
            entry.sealed = false;
            throw e;
        }
        if (seal) {
            entry.trim(BlockLayout.ceilDiv(length, layout.blockSize), allocator);
        }
    }

    synchronized void writerGone(final SegmentEntry entry, final BlockSegmentWriter writer) {
        if (entry.writer == writer) {
            entry.writer = null;
        }
    }

    void readerClosed(final SegmentReader r) {
        readers.remove(r);
    }

    private void commit() {
        commit(-1, 0);
    }

    private void commit(final long syncedSegment, final int syncCrc) {
        try {
            if (orderedModCount != tableModCount) {
                ordered = table.values().toArray(new SegmentEntry[0]); // only after create or delete
                orderedModCount = tableModCount;
            }
            superblocks.commit(ordered, ordered.length, syncedSegment, syncCrc);
        } catch (final IOException e) {
            throw new TierIOException("cannot commit the segment table of block tier " + location() + ": " + e
                + "; the previous table is intact, reopen the tier", e);
        }
    }

    private SegmentReader track(final SegmentReader reader) {
        readers.add(reader);
        return reader;
    }

    private SegmentEntry entry(final long segmentId) {
        final SegmentEntry e = table.get(segmentId);
        if (e == null) {
            throw new SegmentNotFoundException("segment " + segmentId + " does not exist in block tier " + location()
                + " (never created, or deleted); list() shows the segments that exist");
        }
        return e;
    }

    private SegmentEntry unsealedIdle(final long segmentId) {
        final SegmentEntry e = entry(segmentId);
        if (e.sealed) {
            throw new IllegalStateException("segment " + segmentId + " in block tier " + location() + " is already sealed; read it with open()");
        }
        if (e.writer != null) {
            throw new IllegalStateException("segment " + segmentId + " is still open for writing in this tier; close or seal its writer first");
        }
        return e;
    }

    private void checkLive(final SegmentEntry entry) {
        checkOpen();
        if (table.get(entry.segmentId) != entry) {
            throw new TierClosedException("segment " + entry.segmentId + " was deleted; its writer is invalid");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new TierClosedException("block tier " + location() + " is closed; open it again with BlockTier.open");
        }
    }
}
