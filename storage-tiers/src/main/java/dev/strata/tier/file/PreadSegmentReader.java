package dev.strata.tier.file;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.agrona.MutableDirectBuffer;

import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.GuardedSegmentReader;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;
import dev.strata.tier.io.ScratchPool;
import dev.strata.tier.io.TierCounters;

/**
 * Reads a segment file by positional reads. When the caller's buffer wraps a direct
 * {@code ByteBuffer} covering the range, straight into it (zero-copy; its position and limit are
 * set for the call and restored). Otherwise into a pooled off-heap scratch buffer, then copied into
 * the caller's buffer (an Agrona buffer may wrap a raw address, which a {@code FileChannel} cannot
 * take without allocating a {@code ByteBuffer}). Concurrent reads are safe: positional reads do not
 * move the channel's position, and each read borrows its own scratch buffer.
 */
final class PreadSegmentReader extends GuardedSegmentReader {
    private final FileTier tier;
    private final String name;
    private final IoChannel channel;
    private final long dataOffset;
    private final ScratchPool pool;

    PreadSegmentReader(final FileTier tier, final long segmentId, final String name, final IoChannel channel,
                       final SegmentFiles.Span span, final ScratchPool pool, final TierCounters counters) {
        super(segmentId, span.length(), counters);
        this.tier = tier;
        this.name = name;
        this.channel = channel;
        this.dataOffset = span.dataOffset();
        this.pool = pool;
    }

    @Override
    protected void readRange(final long position, final MutableDirectBuffer dst, final int dstOffset, final int n) throws IOException {
        final ByteBuffer target = IoChannels.directBacking(dst, dstOffset, n, true, 1);
        if (target != null) {
            final int at = IoChannels.backingIndex(dst, dstOffset);
            final int oldPosition = target.position();
            final int oldLimit = target.limit();
            try {
                target.limit(at + n).position(at);
                IoChannels.readFully(channel, target, dataOffset + position);
            } finally {
                target.limit(oldLimit).position(oldPosition);
            }
            return;
        }
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

    @Override
    protected void release() {
        try {
            channel.close();
        } catch (final IOException e) {
            // the descriptor is released either way
        }
        tier.readerClosed(this);
    }

    @Override
    public String toString() {
        return "segment " + segmentId() + " (" + name + ")";
    }
}
