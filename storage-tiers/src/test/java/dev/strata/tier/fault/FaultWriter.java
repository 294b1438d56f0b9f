package dev.strata.tier.fault;

import java.util.Arrays;
import java.util.Random;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import dev.strata.tier.SegmentWriter;
import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierIOException;
import dev.strata.tier.fault.FaultPlan.Op;

/**
 * A writer of {@link FaultInjectingTier}: holds appends until sync, seal or close forwards them to
 * the wrapped writer, so that a power cut can decide what of them survives.
 */
final class FaultWriter implements SegmentWriter {
    private final FaultInjectingTier tier;
    private final SegmentWriter inner;
    private final ExpandableArrayBuffer held = new ExpandableArrayBuffer(4096);
    private int[] ends = new int[16];
    private int count;
    private int heldBytes;
    private long forwarded;
    private long synced;
    private String closedReason;

    FaultWriter(final FaultInjectingTier tier, final SegmentWriter inner) {
        this.tier = tier;
        this.inner = inner;
    }

    @Override
    public long segmentId() {
        return inner.segmentId();
    }

    @Override
    public synchronized long length() {
        return forwarded + heldBytes;
    }

    @Override
    public synchronized long syncedLength() {
        return synced;
    }

    @Override
    public long append(final DirectBuffer src, final int offset, final int length) {
        // lock order, everywhere: the tier, then the writer (a power cut locks every writer under the tier's lock)
        synchronized (tier) {
            synchronized (this) {
                return appendLocked(src, offset, length);
            }
        }
    }

    private long appendLocked(final DirectBuffer src, final int offset, final int length) {
        checkOpen();
        if (offset < 0 || length < 0 || (long) offset + length > src.capacity()) {
            throw new IllegalArgumentException("source range [" + offset + ", " + ((long) offset + length)
                + ") is outside the buffer of capacity " + src.capacity());
        }
        tier.before(Op.APPEND, false);
        final long n = tier.nextAppend();
        final long start = forwarded + heldBytes;
        if (n == tier.plan().shortWriteAt && length > 0) {
            final int kept = tier.random().nextInt(length);
            hold(src, offset, kept);
            throw new TierIOException("injected short write: append #" + n + " stored " + kept + " of " + length + " bytes ("
                + tier.plan() + ")");
        }
        hold(src, offset, length);
        if (n == tier.plan().tornWriteAt) {
            held.setMemory(heldBytes - length / 2, length / 2, (byte) 0);
        }
        return start;
    }

    private void hold(final DirectBuffer src, final int offset, final int length) {
        held.putBytes(heldBytes, src, offset, length);
        heldBytes += length;
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = heldBytes;
    }

    @Override
    public void sync() {
        final boolean cutAfter;
        synchronized (tier) {
            synchronized (this) {
                checkOpen();
                cutAfter = tier.before(Op.SYNC, true);
                forward(heldBytes);
                inner.sync();
                synced = forwarded;
            }
        }
        if (cutAfter) {
            throw tier.cutAfter(Op.SYNC);
        }
    }

    @Override
    public void seal() {
        final boolean cutAfter;
        synchronized (tier) {
            synchronized (this) {
                checkOpen();
                cutAfter = tier.before(Op.SEAL, true);
                forward(heldBytes);
                inner.seal();
                synced = forwarded;
                closedReason = "sealed";
            }
        }
        tier.writerGone(this);
        if (cutAfter) {
            throw tier.cutAfter(Op.SEAL);
        }
    }

    @Override
    public void close() {
        synchronized (tier) {
            synchronized (this) {
                if (closedReason != null) {
                    return;
                }
                closedReason = "closed";
                if (!tier.poweredOff() && !tier.isClosed()) {
                    forward(heldBytes);
                }
                inner.close();
            }
        }
        tier.writerGone(this);
    }

    /** Drops what is held (the segment was deleted, or the tier closed). */
    synchronized void discard() {
        if (closedReason == null) {
            closedReason = "invalidated: its segment was deleted or the tier closed";
            count = 0;
            heldBytes = 0;
            inner.close();
        }
    }

    /** At a power cut: forward what the mode lets survive, make it durable, and stop. */
    synchronized void applyAtPowerCut(final FaultPlan.Unsynced mode, final Random random) {
        if (closedReason != null) {
            return;
        }
        closedReason = "dead: power was cut";
        try {
            switch (mode) {
                case DROP_ALL:
                    break;
                case WHOLE_PREFIX:
                    forward(endOf(random.nextInt(count + 1)));
                    break;
                case TORN_PREFIX: {
                    final int k = random.nextInt(count + 1);
                    final int end = endOf(k);
                    forward(k < count ? end + random.nextInt(ends[k] - end + 1) : end);
                    break;
                }
                case REORDERED: {
                    int last = -1;
                    for (int i = 0; i < count; i++) {
                        if (random.nextBoolean()) {
                            last = i;
                        } else {
                            held.setMemory(endOf(i), ends[i] - endOf(i), (byte) 0);
                        }
                    }
                    forward(endOf(last + 1));
                    break;
                }
                default:
                    throw new IllegalStateException(mode.toString());
            }
            inner.sync();
        } finally {
            inner.close();
        }
    }

    private int endOf(final int appendsKept) {
        return appendsKept == 0 ? 0 : ends[appendsKept - 1];
    }

    /** Forwards {@code held[0, bytes)} (append by append, so the wrapped tier sees the same boundaries) and drops the rest. */
    private void forward(final int bytes) {
        int from = 0;
        for (int i = 0; i < count && from < bytes; i++) {
            final int to = Math.min(ends[i], bytes);
            inner.append(held, from, to - from);
            from = to;
        }
        forwarded += bytes;
        count = 0;
        heldBytes = 0;
    }

    private void checkOpen() {
        if (tier.poweredOff()) {
            throw new TierIOException("power is cut (" + tier.plan() + "); close the tier and open the underlying location again");
        }
        if (closedReason != null) {
            throw new TierClosedException("writer of segment " + segmentId() + " is " + closedReason);
        }
        if (tier.isClosed()) {
            throw new TierClosedException("writer of segment " + segmentId() + " is closed: the tier was closed");
        }
    }
}
