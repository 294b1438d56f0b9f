package dev.strata.tier.block;

import static dev.strata.tier.block.SuperblockDescriptor.CRC_OFFSET;
import static dev.strata.tier.block.SuperblockDescriptor.ENTRY_EXTENT_COUNT_OFFSET;
import static dev.strata.tier.block.SuperblockDescriptor.ENTRY_FLAGS_OFFSET;
import static dev.strata.tier.block.SuperblockDescriptor.ENTRY_HEADER_LENGTH;
import static dev.strata.tier.block.SuperblockDescriptor.ENTRY_LENGTH_OFFSET;
import static dev.strata.tier.block.SuperblockDescriptor.EXTENT_LENGTH;
import static dev.strata.tier.block.SuperblockDescriptor.HEADER_LENGTH;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.TreeMap;
import java.util.zip.CRC32C;

import dev.strata.tier.TierFullException;
import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.Crcs;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;

/**
 * Reads and commits the double superblock ({@link SuperblockDescriptor}). A commit serialises the
 * whole segment table into the copy {@link #copyOf(long) copyOf(generation)}, pads it to whole blocks and forces it;
 * the other copy keeps the previous generation until the next commit. Used under the tier lock;
 * the buffer is allocated once and reused.
 */
final class SuperblockStore implements AutoCloseable {
    private final BlockLayout layout;
    private final IoChannel channel;
    private final AlignedBuffer buffer;
    private final CRC32C crc = new CRC32C();
    private long generation;

    SuperblockStore(final BlockLayout layout, final IoChannel channel) {
        this.layout = layout;
        this.channel = channel;
        this.buffer = new AlignedBuffer(layout.superblockBytes(), layout.blockSize);
    }

    long generation() {
        return generation;
    }

    /**
     * Reads both copies.
     *
     * @return the segments of the valid copy with the highest generation whose sync record (if
     *     any) checks out, or {@code null} if no copy is valid (see {@link SuperblockDescriptor})
     */
    TreeMap<Long, SegmentEntry> load() throws IOException {
        final Copy[] copies = new Copy[2];
        for (int copy = 0; copy < 2; copy++) {
            final ByteBuffer bb = buffer.byteBuffer();
            bb.clear();
            IoChannels.readFully(channel, bb, layout.superblockOffset(copy));
            bb.clear();
            if (valid(bb)) {
                copies[copy] = new Copy(bb.getLong(SuperblockDescriptor.GENERATION_OFFSET), parse(bb),
                    bb.getLong(SuperblockDescriptor.SYNC_SEGMENT_OFFSET) - 1, bb.getInt(SuperblockDescriptor.SYNC_CRC_OFFSET));
            }
        }
        Copy newest = copies[0] == null || (copies[1] != null && copies[1].generation > copies[0].generation) ? copies[1] : copies[0];
        final Copy other = newest == copies[0] ? copies[1] : copies[0];
        if (newest != null && newest.syncedSegment >= 0 && other != null && other.generation == newest.generation - 1
            && !syncArrived(newest, other)) {
            newest = other;
        }
        generation = newest == null ? 0 : newest.generation;
        return newest == null ? null : newest.table;
    }

    /** One valid superblock copy, as read. */
    private record Copy(long generation, TreeMap<Long, SegmentEntry> table, long syncedSegment, int syncCrc) {
    }

    /**
     * @return whether the bytes the newest copy's sync record vouches for (from the length the
     *     previous generation lists to the length it lists) are on the device
     */
    private boolean syncArrived(final Copy newest, final Copy previous) throws IOException {
        final SegmentEntry e = newest.table.get(newest.syncedSegment);
        if (e == null) {
            return false;
        }
        final SegmentEntry before = previous.table.get(newest.syncedSegment);
        final long from = before == null ? 0 : before.length;
        if (from > e.length) {
            return false;
        }
        final CRC32C data = new CRC32C();
        final long[] run = new long[1];
        try (AlignedBuffer chunk = new AlignedBuffer(Math.max(layout.blockSize, 64 << 10), layout.blockSize)) {
            final ByteBuffer bb = chunk.byteBuffer();
            for (long at = from; at < e.length; ) {
                final long logical = at / layout.blockSize;
                final int within = (int) (at - logical * layout.blockSize);
                final long physical;
                try {
                    physical = SegmentEntry.physical(e.rawExtents(), e.extentCount(), logical, run);
                } catch (final IllegalStateException beyondExtents) {
                    return false;
                }
                final int want = (int) Math.min(Math.min(e.length - at, chunk.capacity() - within), run[0] * layout.blockSize - within);
                final int blocks = (int) BlockLayout.ceilDiv(within + want, layout.blockSize);
                bb.limit(blocks * layout.blockSize).position(0);
                IoChannels.readFully(channel, bb, physical * layout.blockSize);
                bb.limit(within + want).position(within);
                data.update(bb);
                at += want;
            }
        }
        return (int) data.getValue() == newest.syncCrc;
    }

    /**
     * @return whether copy {@code copy} is blank (its first block all zeros): a never-formatted device
     */
    boolean blank(final int copy) throws IOException {
        final ByteBuffer bb = buffer.byteBuffer();
        bb.clear().limit(layout.blockSize);
        IoChannels.readFully(channel, bb, layout.superblockOffset(copy));
        for (int i = 0; i < layout.blockSize; i += 8) {
            if (bb.getLong(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the next generation and forces the device (once: with a sync record, that force also
     * makes the synced segment's data durable, see {@link SuperblockDescriptor}).
     *
     * @param syncedSegment the segment whose sync or seal this commit makes durable, or -1
     * @param syncCrc       CRC32C of that segment's bytes since the length the previous generation lists
     * @throws TierFullException if the table does not fit the superblock; nothing is written then
     */
    void commit(final SegmentEntry[] entries, final int count, final long syncedSegment, final int syncCrc) throws IOException {
        // an array and indexed loops, not a Collection: a sync commits the table, and iterators allocate
        int bytes = HEADER_LENGTH;
        for (int k = 0; k < count; k++) {
            bytes += entries[k].tableBytes();
        }
        if (bytes > layout.superblockBytes()) {
            throw new TierFullException("the block tier's segment table is full (" + count + " segments need "
                + bytes + " bytes, the superblock holds " + layout.superblockBytes()
                + "); delete segments, or format a new device with a larger tableBytes");
        }
        final ByteBuffer bb = buffer.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        bb.clear();
        final long next = generation + 1;
        bb.putLong(SuperblockDescriptor.MAGIC_OFFSET, SuperblockDescriptor.MAGIC);
        bb.putInt(SuperblockDescriptor.VERSION_OFFSET, SuperblockDescriptor.VERSION);
        bb.putInt(SuperblockDescriptor.BLOCK_SIZE_OFFSET, layout.blockSize);
        bb.putLong(SuperblockDescriptor.GENERATION_OFFSET, next);
        bb.putLong(SuperblockDescriptor.DEVICE_BLOCKS_OFFSET, layout.deviceBlocks);
        bb.putInt(SuperblockDescriptor.SUPERBLOCK_BLOCKS_OFFSET, layout.superblockBlocks);
        bb.putInt(SuperblockDescriptor.METADATA_BLOCKS_OFFSET, layout.metadataBlocks);
        bb.putInt(SuperblockDescriptor.SEGMENT_COUNT_OFFSET, count);
        bb.putInt(SuperblockDescriptor.TABLE_LENGTH_OFFSET, bytes - HEADER_LENGTH);
        bb.putInt(CRC_OFFSET, 0);
        bb.putInt(SuperblockDescriptor.SYNC_CRC_OFFSET, syncedSegment < 0 ? 0 : syncCrc);
        bb.putLong(SuperblockDescriptor.SYNC_SEGMENT_OFFSET, syncedSegment < 0 ? 0 : syncedSegment + 1);
        int at = HEADER_LENGTH;
        for (int k = 0; k < count; k++) {
            final SegmentEntry e = entries[k];
            bb.putLong(at, e.segmentId);
            bb.putLong(at + ENTRY_LENGTH_OFFSET, e.length);
            bb.putInt(at + ENTRY_FLAGS_OFFSET, e.sealed ? SuperblockDescriptor.FLAG_SEALED : 0);
            bb.putInt(at + ENTRY_EXTENT_COUNT_OFFSET, e.extentCount());
            at += ENTRY_HEADER_LENGTH;
            for (int i = 0; i < e.extentCount(); i++) {
                bb.putLong(at, e.extentStart(i));
                bb.putLong(at + 8, e.extentBlocks(i));
                at += EXTENT_LENGTH;
            }
        }
        bb.putInt(CRC_OFFSET, Crcs.crc(crc, bb, 0, bytes));
        final int padded = (int) BlockLayout.ceilDiv(bytes, layout.blockSize) * layout.blockSize;
        for (int i = bytes; i < padded; i++) {
            bb.put(i, (byte) 0);
        }
        bb.limit(padded).position(0);
        IoChannels.writeFully(channel, bb, layout.superblockOffset(copyOf(next)));
        bb.clear();
        channel.force(false);
        generation = next;
    }

    /** @return the copy a generation is written to: generation 1 (the format) to copy A at block 0, then alternating */
    static int copyOf(final long generation) {
        return (int) ((generation + 1) & 1);
    }

    /**
     * @return a description of a Strata superblock at block 0 that does not match this layout, or
     *     {@code null} if block 0 holds none
     */
    String describeMismatch() throws IOException {
        final ByteBuffer bb = buffer.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        bb.clear().limit(layout.blockSize);
        IoChannels.readFully(channel, bb, 0);
        bb.clear();
        if (bb.getLong(SuperblockDescriptor.MAGIC_OFFSET) != SuperblockDescriptor.MAGIC) {
            return null;
        }
        return "it holds a Strata block tier superblock (format version " + bb.getInt(SuperblockDescriptor.VERSION_OFFSET)
            + ", block size " + bb.getInt(SuperblockDescriptor.BLOCK_SIZE_OFFSET) + ", " + bb.getInt(SuperblockDescriptor.SUPERBLOCK_BLOCKS_OFFSET)
            + " superblock blocks, " + bb.getInt(SuperblockDescriptor.METADATA_BLOCKS_OFFSET) + " metadata blocks) that these options "
            + "do not match (they give block size " + layout.blockSize + ", " + layout.superblockBlocks + " superblock blocks, "
            + layout.metadataBlocks + " metadata blocks): open it with the tableBytes and metadataBytes it was formatted with";
    }

    private boolean valid(final ByteBuffer bb) {
        bb.order(ByteOrder.LITTLE_ENDIAN);
        if (bb.getLong(SuperblockDescriptor.MAGIC_OFFSET) != SuperblockDescriptor.MAGIC
            || bb.getInt(SuperblockDescriptor.VERSION_OFFSET) < SuperblockDescriptor.OLDEST_READABLE_VERSION
            || bb.getInt(SuperblockDescriptor.VERSION_OFFSET) > SuperblockDescriptor.VERSION
            || bb.getInt(SuperblockDescriptor.BLOCK_SIZE_OFFSET) != layout.blockSize
            || bb.getInt(SuperblockDescriptor.SUPERBLOCK_BLOCKS_OFFSET) != layout.superblockBlocks
            || bb.getInt(SuperblockDescriptor.METADATA_BLOCKS_OFFSET) != layout.metadataBlocks) {
            return false;
        }
        final int tableLength = bb.getInt(SuperblockDescriptor.TABLE_LENGTH_OFFSET);
        if (tableLength < 0 || tableLength > layout.superblockBytes() - HEADER_LENGTH) {
            return false;
        }
        final int stored = bb.getInt(CRC_OFFSET);
        bb.putInt(CRC_OFFSET, 0);
        final int actual = Crcs.crc(crc, bb, 0, HEADER_LENGTH + tableLength);
        bb.putInt(CRC_OFFSET, stored);
        return stored == actual;
    }

    private static TreeMap<Long, SegmentEntry> parse(final ByteBuffer bb) {
        final TreeMap<Long, SegmentEntry> entries = new TreeMap<>();
        final int count = bb.getInt(SuperblockDescriptor.SEGMENT_COUNT_OFFSET);
        int at = HEADER_LENGTH;
        for (int s = 0; s < count; s++) {
            final SegmentEntry e = new SegmentEntry(bb.getLong(at));
            e.length = bb.getLong(at + ENTRY_LENGTH_OFFSET);
            e.sealed = (bb.getInt(at + ENTRY_FLAGS_OFFSET) & SuperblockDescriptor.FLAG_SEALED) != 0;
            final int extents = bb.getInt(at + ENTRY_EXTENT_COUNT_OFFSET);
            at += ENTRY_HEADER_LENGTH;
            for (int i = 0; i < extents; i++) {
                e.addExtent(bb.getLong(at), bb.getLong(at + 8));
                at += EXTENT_LENGTH;
            }
            entries.put(e.segmentId, e);
        }
        return entries;
    }

    @Override
    public void close() {
        buffer.close();
    }
}
