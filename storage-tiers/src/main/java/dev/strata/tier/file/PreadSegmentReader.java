package dev.strata.tier.file;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.agrona.MutableDirectBuffer;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.TierIOException;
import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.Checks;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;
import dev.strata.tier.io.ReadGuard;
import dev.strata.tier.io.ScratchPool;
import dev.strata.tier.io.TierCounters;

/**
 * Reads a segment file by positional reads into a pooled off-heap scratch buffer, then copies into
 * the caller's buffer (an Agrona buffer may wrap a raw address, which a {@code FileChannel} cannot
 * take without allocating a {@code ByteBuffer}). Concurrent reads are safe: positional reads do not
 * move the channel's position, and each read borrows its own scratch buffer.
 */
final class PreadSegmentReader implements SegmentReader {
    private final FileTier tier;
    private final long segmentId;
    private final String name;
    private final IoChannel channel;
    private final long dataOffset;
    private final long length;
    private final ScratchPool pool;
    private final TierCounters counters;
    private final ReadGuard guard = new ReadGuard();

    PreadSegmentReader(final FileTier tier, final long segmentId, final String name, final IoChannel channel,
                       final long length, final ScratchPool pool, final TierCounters counters) {
        this.tier = tier;
        this.segmentId = segmentId;
        this.name = name;
        this.channel = channel;
        this.dataOffset = SegmentFileDescriptor.HEADER_LENGTH;
        this.length = length;
        this.pool = pool;
        this.counters = counters;
    }

    @Override
    public long segmentId() {
        return segmentId;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(final long position, final MutableDirectBuffer dst, final int dstOffset, final int len) {
        Checks.readArgs(position, dst, dstOffset, len);
        guard.enter(this);
        try {
            final int n = (int) Math.max(0, Math.min(len, length - position));
            if (n > 0) {
                final AlignedBuffer scratch = pool.acquire();
                try {
                    final ByteBuffer bb = scratch.byteBuffer();
                    int done = 0;
                    while (done < n) {
                        final int chunk = Math.min(n - done, scratch.capacity());
                        bb.limit(chunk).position(0);
                        IoChannels.readFully(channel, bb, dataOffset + position + done);
                        dst.putBytes(dstOffset + done, bb, 0, chunk);
                        done += chunk;
                    }
                } finally {
                    scratch.byteBuffer().clear();
                    pool.release(scratch);
                }
            }
            counters.onRead(n);
            return n;
        } catch (final IOException e) {
            throw new TierIOException("read of " + len + " bytes at " + position + " of " + this + " failed: " + e
                + "; check the device, then reopen the segment", e);
        } finally {
            guard.exit();
        }
    }

    @Override
    public void close() {
        if (guard.closeAndAwait()) {
            try {
                channel.close();
            } catch (final IOException e) {
                // the descriptor is released either way
            }
            tier.readerClosed(this);
        }
    }

    @Override
    public String toString() {
        return "segment " + segmentId + " (" + name + ")";
    }
}
