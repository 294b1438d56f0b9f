package dev.strata.tier.block;

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
 * Reads a block-tier segment. When the caller's buffer wraps a direct {@code ByteBuffer} covering
 * the range (and, with O_DIRECT, the position, length and address are block-aligned), it reads
 * straight into it, one contiguous run of an extent at a time (zero-copy; the buffer's position and
 * limit are set for the call and restored). Otherwise each read covers whole blocks (O_DIRECT
 * needs aligned offsets, lengths and addresses) into a pooled aligned scratch buffer, one
 * contiguous run of an extent at a time, and copies the wanted bytes out. Holds its own copy of the extents, so it is unaffected
 * by later table changes. Concurrent reads are safe; none allocates once the pool is warm.
 */
final class BlockSegmentReader extends GuardedSegmentReader {
    private final BlockTier tier;
    private final long[] extents;
    /** Logical block at which each extent starts, plus one entry for the end: derived once from {@link #extents}. */
    private final long[] extentStarts;
    private final IoChannel channel;
    private final ScratchPool pool;
    private final int blockSize;
    private final boolean direct;

    BlockSegmentReader(final BlockTier tier, final long segmentId, final long[] extents, final long length,
                       final IoChannel channel, final ScratchPool pool, final TierCounters counters, final int blockSize,
                       final boolean direct) {
        super(segmentId, length, counters);
        this.tier = tier;
        this.extents = extents;
        this.extentStarts = new long[extents.length / 2 + 1];
        for (int e = 0; e < extents.length / 2; e++) {
            extentStarts[e + 1] = extentStarts[e] + extents[2 * e + 1];
        }
        this.channel = channel;
        this.pool = pool;
        this.blockSize = blockSize;
        this.direct = direct;
    }

    @Override
    protected void readRange(final long position, final MutableDirectBuffer dst, final int dstOffset, final int n) throws IOException {
        final int mask = blockSize - 1;
        final ByteBuffer target = direct && ((position | n) & mask) != 0 ? null
            : IoChannels.directBacking(dst, dstOffset, n, true, direct ? blockSize : 1);
        if (target != null) {
            final int oldPosition = target.position();
            final int oldLimit = target.limit();
            try {
                readInto(target, IoChannels.backingIndex(dst, dstOffset), position, n);
            } finally {
                target.limit(oldLimit).position(oldPosition);
            }
            return;
        }
        final AlignedBuffer scratch = pool.acquire();
        try {
            copy(scratch, position, dst, dstOffset, n);
        } finally {
            scratch.byteBuffer().clear();
            pool.release(scratch);
        }
    }

    @Override
    protected void release() {
        tier.readerClosed(this);
    }

    /** Reads segment bytes {@code [position, position + n)} into {@code target[at, at + n)}, one extent run at a time. */
    private void readInto(final ByteBuffer target, final int at, final long position, final int n) throws IOException {
        int done = 0;
        while (done < n) {
            final long from = position + done;
            final long logical = from / blockSize;
            final int within = (int) (from - logical * blockSize);
            final int e = extentOf(logical);
            final int want = (int) Math.min(n - done, runBytes(e, logical, within));
            target.limit(at + done + want).position(at + done);
            IoChannels.readFully(channel, target, physicalBlock(e, logical) * blockSize + within);
            done += want;
        }
    }

    /** @return the index of the extent holding logical block {@code logical} */
    private int extentOf(final long logical) {
        int e = 0;
        while (logical >= extentStarts[e + 1]) {
            e++;
        }
        return e;
    }

    private long physicalBlock(final int e, final long logical) {
        return extents[2 * e] + (logical - extentStarts[e]);
    }

    /** @return bytes from {@code within} in logical block {@code logical} to the end of extent {@code e} */
    private long runBytes(final int e, final long logical, final int within) {
        return (extentStarts[e + 1] - logical) * blockSize - within;
    }

    private void copy(final AlignedBuffer scratch, final long position, final MutableDirectBuffer dst, final int dstOffset,
                      final int n) throws IOException {
        final ByteBuffer bb = scratch.byteBuffer();
        int done = 0;
        while (done < n) {
            final long at = position + done;
            final long logical = at / blockSize;
            final int within = (int) (at - logical * blockSize);
            final int e = extentOf(logical);
            final int want = (int) Math.min(Math.min(n - done, scratch.capacity() - within), runBytes(e, logical, within));
            final int blocks = (int) BlockLayout.ceilDiv(within + want, blockSize);
            bb.limit(blocks * blockSize).position(0);
            IoChannels.readFully(channel, bb, physicalBlock(e, logical) * blockSize);
            dst.putBytes(dstOffset + done, bb, within, want);
            done += want;
        }
    }

    @Override
    public String toString() {
        return "segment " + segmentId() + " of block tier " + tier.location();
    }
}
