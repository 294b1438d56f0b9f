package dev.strata.tier.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
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
 * Appends to one {@code <id>.open} file through a write buffer. An append of at least the buffer's
 * size, from an Agrona buffer wrapping a direct {@code ByteBuffer}, while the buffer is empty, is
 * written straight from the source (zero-copy; the source's position and limit are set for the
 * call and restored).
 *
 * <h2>Durability</h2>
 * {@link #sync()} writes the buffered bytes and a sync slot (synced length and the CRC32C of the
 * newly synced bytes) and forces the file once (see {@link SegmentFileDescriptor} for why
 * two). {@link #seal()} writes the trailer, forces, and asks the tier to rename the file to
 * {@code <id>.seg} and force the directory.
 *
 * <h2>Threading</h2>
 * One appending thread; the methods are {@code synchronized} only so that the tier can invalidate
 * the writer (delete, close) from another thread without freeing the buffer under an append. The
 * lock is uncontended in normal use and allocates nothing.
 */
final class FileSegmentWriter implements SegmentWriter {
    private final FileTier tier;
    private final long segmentId;
    private final Path path;
    private final IoChannel channel;
    private final TierCounters counters;
    private final AlignedBuffer buffer;
    private final AlignedBuffer small = new AlignedBuffer(64, 64);
    private final CRC32C crc = new CRC32C();
    private long written;
    private int buffered;
    private long syncedLength;
    /** CRC32C of the bytes written since the last sync (what the next sync slot vouches for). */
    private final CRC32C dataCrc = new CRC32C();
    private long syncSequence;
    private String closedReason;

    FileSegmentWriter(final FileTier tier, final long segmentId, final Path path, final IoChannel channel,
                      final TierCounters counters, final int bufferSize) {
        this.tier = tier;
        this.segmentId = segmentId;
        this.path = path;
        this.channel = channel;
        this.counters = counters;
        this.buffer = new AlignedBuffer(bufferSize, 4096);
    }

    @Override
    public long segmentId() {
        return segmentId;
    }

    @Override
    public synchronized long length() {
        return written + buffered;
    }

    @Override
    public synchronized long syncedLength() {
        return syncedLength;
    }

    Path path() {
        return path;
    }

    @Override
    public synchronized long append(final DirectBuffer src, final int offset, final int length) {
        checkOpen();
        Checks.appendArgs(src, offset, length);
        final long start = written + buffered;
        final int capacity = buffer.capacity();
        int done = 0;
        try {
            if (buffered == 0 && length >= capacity) {
                final ByteBuffer source = IoChannels.directBacking(src, offset, length, false, 1);
                if (source != null) {
                    writeDirect(source, IoChannels.backingIndex(src, offset), length);
                    done = length;
                }
            }
            while (done < length) {
                final int n = Math.min(length - done, capacity - buffered);
                src.getBytes(offset + done, buffer.byteBuffer(), buffered, n);
                buffered += n;
                done += n;
                if (buffered == capacity) {
                    flush();
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
        try {
            flush();
            if (written == syncedLength) {
                return;
            }
            final long sequence = syncSequence + 1;
            final ByteBuffer bb = small.byteBuffer();
            SegmentFileDescriptor.writeSlot(bb, 0, sequence, written, (int)dataCrc.getValue(), crc);
            bb.limit(SegmentFileDescriptor.SYNC_SLOT_LENGTH).position(0);
            IoChannels.writeFully(channel, bb, SegmentFileDescriptor.slotOffset(sequence));
            bb.clear();
            // one force for data and slot: recovery checks the slot's data CRC (see SegmentFileDescriptor)
            channel.force(false);
            syncSequence = sequence;
            syncedLength = written;
            dataCrc.reset();
            counters.onSync();
        } catch (final IOException e) {
            throw failure("sync", e);
        }
    }

    @Override
    public void seal() {
        // The writer lock is released before the tier lock is taken (the tier takes them in the
        // other order when it invalidates writers).
        TierIOException failed = null;
        synchronized (this) {
            checkOpen();
            try {
                flush();
                final ByteBuffer bb = small.byteBuffer();
                SegmentFileDescriptor.writeTrailer(bb, segmentId, written, crc);
                bb.limit(SegmentFileDescriptor.TRAILER_LENGTH).position(0);
                IoChannels.writeFully(channel, bb, SegmentFileDescriptor.DATA_OFFSET + written);
                bb.clear();
                channel.force(false);
                syncedLength = written;
                counters.onSync();
                release("sealed");
            } catch (final IOException e) {
                failed = failure("seal", e);
                release("closed after a failed seal");
            }
        }
        if (failed != null) {
            tier.writerClosed(this);
            throw failed;
        }
        tier.sealWritten(this);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closedReason != null) {
                return;
            }
            try {
                flush();
            } catch (final IOException e) {
                // closing must not fail; the unsynced bytes were never promised
            } finally {
                release("closed");
            }
        }
        tier.writerClosed(this);
    }

    /** Called by the tier (delete, close): later calls throw {@link TierClosedException} with {@code reason}. */
    synchronized void invalidate(final String reason) {
        if (closedReason == null) {
            release(reason);
        }
    }

    private void flush() throws IOException {
        if (buffered > 0) {
            final ByteBuffer bb = buffer.byteBuffer();
            bb.limit(buffered).position(0);
            dataCrc.update(bb);
            bb.position(0);
            IoChannels.writeFully(channel, bb, SegmentFileDescriptor.DATA_OFFSET + written);
            bb.clear();
            written += buffered;
            buffered = 0;
        }
    }

    /**
     * Writes {@code source[at, at + length)} straight at the end of the data (the write buffer is
     * empty), restoring the source's position and limit. The same bytes at the same offsets as
     * copying them through the buffer, so the crash guarantees are unchanged.
     */
    private void writeDirect(final ByteBuffer source, final int at, final int length) throws IOException {
        final int oldPosition = source.position();
        final int oldLimit = source.limit();
        try {
            source.limit(at + length).position(at);
            dataCrc.update(source);
            source.position(at);
            IoChannels.writeFully(channel, source, SegmentFileDescriptor.DATA_OFFSET + written);
        } finally {
            source.limit(oldLimit).position(oldPosition);
        }
        written += length;
    }

    private void release(final String reason) {
        closedReason = reason;
        try {
            channel.close();
        } catch (final IOException e) {
            // nothing to do: the descriptor is released either way
        }
        buffer.close();
        small.close();
    }

    private void checkOpen() {
        if (closedReason != null) {
            throw new TierClosedException("writer of segment " + segmentId + " (" + path + ") is " + closedReason
                + "; create a new segment to write more");
        }
    }

    private TierIOException failure(final String op, final IOException e) {
        return new TierIOException(op + " of segment " + segmentId + " failed on " + path + ": " + e
            + "; the synced prefix (" + syncedLength + " bytes) is intact, reopen the tier to recover", e);
    }
}
