package dev.strata.tier.block;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;

import dev.strata.tier.SegmentWriter;
import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierIOException;
import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.Checks;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;
import dev.strata.tier.io.TierCounters;

/**
 * Appends to one block-tier segment through an aligned write buffer. An append of at least the
 * buffer's size, from an Agrona buffer wrapping a direct {@code ByteBuffer}, while the buffer is
 * empty (and, with O_DIRECT, the source address block-aligned), has its whole blocks written
 * straight from the source (zero-copy; the source's position and limit are set for the call and
 * restored) and only a partial last block copied into the buffer.
 *
 * <h2>Buffering</h2>
 * The buffer holds the bytes from {@code bufferStart} (always block-aligned) to the end. When it is
 * full it is written as whole blocks and emptied. {@link #sync()} writes what it holds, padded to a
 * whole block, keeps the last partial block (it will be rewritten with more bytes after it: its
 * synced prefix is rewritten with identical bytes, so a torn rewrite cannot damage it) and commits
 * the new length in the superblock with the CRC32C of the bytes appended since the last commit: the
 * commit's one force makes data and length durable together (see {@link SuperblockDescriptor}).
 *
 * <h2>Space</h2>
 * Before an append copies anything, the segment's extents must cover its new end; missing space
 * is allocated from the tier (extents double, from minExtentBytes to maxExtentBytes). If the tier
 * is full, the append throws {@link dev.strata.tier.TierFullException} and changes nothing.
 *
 * <h2>Threading</h2>
 * One appending thread; {@code synchronized} only against invalidation by the tier (uncontended).
 */
final class BlockSegmentWriter implements SegmentWriter {
    private final BlockTier tier;
    private final SegmentEntry entry;
    private final IoChannel channel;
    private final TierCounters counters;
    private final int blockSize;
    private final AlignedBuffer buffer;
    private final boolean direct;
    private final long[] run = new long[1];
    /** CRC32C of the bytes appended since the last committed length (what the next sync record vouches for). */
    private final CRC32C dataCrc = new CRC32C();
    private long bufferStart;
    private int buffered;
    private long syncedLength;
    private String closedReason;

    BlockSegmentWriter(final BlockTier tier, final SegmentEntry entry, final IoChannel channel, final TierCounters counters,
                       final int blockSize, final int bufferBytes, final boolean direct) {
        this.tier = tier;
        this.entry = entry;
        this.channel = channel;
        this.counters = counters;
        this.blockSize = blockSize;
        this.direct = direct;
        this.buffer = new AlignedBuffer(Math.max(bufferBytes, blockSize), blockSize);
    }

    @Override
    public long segmentId() {
        return entry.segmentId;
    }

    @Override
    public synchronized long length() {
        return bufferStart + buffered;
    }

    @Override
    public synchronized long syncedLength() {
        return syncedLength;
    }

    @Override
    public synchronized long append(final DirectBuffer src, final int offset, final int length) {
        checkOpen();
        Checks.appendArgs(src, offset, length);
        final long start = bufferStart + buffered;
        final long endBlocks = BlockLayout.ceilDiv(start + length, blockSize);
        if (endBlocks > entry.capacityBlocks()) {
            tier.grow(entry, endBlocks);
        }
        final int capacity = buffer.capacity();
        int done = 0;
        try {
            if (buffered == 0 && length >= capacity) {
                // zero-copy: whole blocks straight from the source; a partial last block goes to the buffer
                final int whole = length / blockSize * blockSize;
                final ByteBuffer source = IoChannels.directBacking(src, offset, whole, false, direct ? blockSize : 1);
                if (source != null) {
                    final int oldPosition = source.position();
                    final int oldLimit = source.limit();
                    try {
                        final int at = IoChannels.backingIndex(src, offset);
                        source.limit(at + whole).position(at);
                        dataCrc.update(source);
                        writeBlocks(source, at, whole);
                    } finally {
                        source.limit(oldLimit).position(oldPosition);
                    }
                    bufferStart += whole;
                    done = whole;
                }
            }
            while (done < length) {
                final int n = Math.min(length - done, capacity - buffered);
                final ByteBuffer bb = buffer.byteBuffer();
                src.getBytes(offset + done, bb, buffered, n);
                bb.limit(buffered + n).position(buffered);
                dataCrc.update(bb);
                bb.clear();
                buffered += n;
                done += n;
                if (buffered == capacity) {
                    writeBuffer(capacity);
                    bufferStart += capacity;
                    buffered = 0;
                }
            }
        } catch (final IOException e) {
            throw failure("append", e);
        }
        counters.onAppend(length);
        return start;
    }

    @Override
    public synchronized void sync() {
        checkOpen();
        final long length = bufferStart + buffered;
        if (length == syncedLength) {
            return;
        }
        try {
            flushPadded();
            tier.commitLength(entry, length, false, (int) dataCrc.getValue());
            dataCrc.reset();
            syncedLength = length;
            counters.onSync();
        } catch (final IOException e) {
            throw failure("sync", e);
        }
    }

    @Override
    public void seal() {
        // writer lock released before the tier lock is taken (the tier takes them the other way round)
        final long length;
        synchronized (this) {
            checkOpen();
            length = bufferStart + buffered;
            try {
                flushPadded();
            } catch (final IOException e) {
                release("closed after a failed seal");
                tier.writerGone(entry, this);
                throw failure("seal", e);
            }
            release("sealed");
        }
        tier.writerGone(entry, this);
        tier.commitLength(entry, length, true, (int) dataCrc.getValue());
        syncedLength = length;
        counters.onSync();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closedReason != null) {
                return;
            }
            release("closed");
        }
        tier.writerGone(entry, this);
    }

    /** Called by the tier (delete, close). */
    synchronized void invalidate(final String reason) {
        if (closedReason == null) {
            release(reason);
        }
    }

    private void flushPadded() throws IOException {
        if (buffered > 0) {
            final int bytes = (int) BlockLayout.ceilDiv(buffered, blockSize) * blockSize;
            writeBuffer(bytes);
            final int full = buffered / blockSize * blockSize;
            if (full > 0) {
                // keep only the last partial block; it is rewritten when more bytes follow
                buffer.view().putBytes(0, buffer.view(), full, buffered - full);
                bufferStart += full;
                buffered -= full;
            }
        }
    }

    /** Writes {@code buffer[0, bytes)} (whole blocks) at the segment's logical offset {@code bufferStart}. */
    private void writeBuffer(final int bytes) throws IOException {
        writeBlocks(buffer.byteBuffer(), 0, bytes);
        buffer.byteBuffer().clear();
    }

    /**
     * Writes {@code bb[at, at + bytes)} (whole blocks) at the segment's logical offset
     * {@code bufferStart}, one extent run at a time; leaves {@code bb}'s position and limit moved.
     */
    private void writeBlocks(final ByteBuffer bb, final int at, final int bytes) throws IOException {
        final long[] extents = entry.rawExtents();
        final int count = entry.extentCount();
        long logical = bufferStart / blockSize;
        int done = 0;
        while (done < bytes) {
            final long physical = SegmentEntry.physical(extents, count, logical, run);
            final int n = (int) Math.min(bytes - done, run[0] * blockSize);
            bb.limit(at + done + n).position(at + done);
            IoChannels.writeFully(channel, bb, physical * blockSize);
            done += n;
            logical += n / blockSize;
        }
    }

    private void release(final String reason) {
        closedReason = reason;
        buffer.close();
    }

    private void checkOpen() {
        if (closedReason != null) {
            throw new TierClosedException("writer of segment " + entry.segmentId + " is " + closedReason
                + "; create a new segment to write more");
        }
    }

    private TierIOException failure(final String op, final IOException e) {
        return new TierIOException(op + " of segment " + entry.segmentId + " failed on " + tier.location() + ": " + e
            + "; the synced prefix (" + syncedLength + " bytes) is intact, reopen the tier to recover", e);
    }
}
