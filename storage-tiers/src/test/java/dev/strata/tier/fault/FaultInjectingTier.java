package dev.strata.tier.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.agrona.DirectBuffer;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierIOException;
import dev.strata.tier.TierKind;
import dev.strata.tier.TierStats;
import dev.strata.tier.fault.FaultPlan.Op;

/**
 * Wraps any {@link Tier} and injects the faults of a {@link FaultPlan}: failed operations (once or
 * forever), short and torn appends, and a simulated power cut.
 *
 * <h2>Power cut</h2>
 * Appends are held in the wrapper until {@code sync()} (or seal, or close) forwards them to the
 * wrapped tier, so "what is not synced" is known exactly. At the cut, for each open writer, the
 * plan's {@link FaultPlan.Unsynced} mode picks what of its held appends reaches the wrapped tier
 * (seeded), which then syncs it; durable operations caught by the cut (create, seal, delete,
 * metadata) take effect or not at random. From then on every call throws {@link TierIOException}
 * until the test closes this wrapper and opens the wrapped tier's location again.
 *
 * <h2>Threading</h2>
 * Safe for the engine's threads, with one rule: {@link #powerCut()} (or the operation the plan
 * cuts at) takes each open writer's lock to decide its fate, so cut while no other thread is
 * inside a writer call (crash tests drive the cut from the workload thread).
 *
 * <p>This is test support (the storage-tiers test-jar); the engine's crash tests use it:
 * <pre>
 *   FaultInjectingTier tier = new FaultInjectingTier(FileTier.open(options), FaultPlan.builder().powerCutAt(40).build());
 *   try (tier) { workload(tier); } catch (TierIOException expected) { }
 *   try (Tier reopened = FileTier.open(options)) { verify(reopened); }
 * </pre>
 */
public final class FaultInjectingTier implements Tier {
    private final Tier inner;
    private final FaultPlan plan;
    private final Random random;
    private final long[] counts = new long[Op.values().length];
    private final Map<Long, FaultWriter> writers = new HashMap<>();
    private long operations;
    private long appends;
    private boolean poweredOff;
    private boolean closed;

    public FaultInjectingTier(final Tier inner, final FaultPlan plan) {
        this.inner = inner;
        this.plan = plan;
        this.random = new Random(plan.seed);
    }

    /** @return the wrapped tier */
    public Tier inner() {
        return inner;
    }

    /** @return operations counted so far (what {@link FaultPlan.Builder#powerCutAt} counts) */
    public synchronized long operations() {
        return operations;
    }

    /** @return whether power was cut */
    public synchronized boolean poweredOff() {
        return poweredOff;
    }

    /** Cuts power now (as if the plan said so at this point). */
    public synchronized void powerCut() {
        if (!poweredOff) {
            cut();
        }
    }

    /**
     * Counts one operation and applies the plan to it.
     *
     * @return {@code true} if the operation must take effect and then power is cut (the caller
     *     calls {@link #cutAfter}); {@code false} to proceed normally
     * @throws TierIOException for an injected failure or a cut before the operation
     */
    synchronized boolean before(final Op op, final boolean durable) {
        if (closed) {
            throw new TierClosedException("fault-injecting tier over " + inner.location() + " is closed");
        }
        if (poweredOff) {
            throw new TierIOException("power is cut (" + plan + "); close this tier and open the underlying location again");
        }
        operations++;
        final long n = ++counts[op.ordinal()];
        if (plan.powerCutAt == operations) {
            if (durable && random.nextBoolean()) {
                return true;
            }
            cut();
            throw new TierIOException("power cut at operation " + operations + " (" + op + " #" + n + ", " + plan + ")");
        }
        for (long[] f : plan.failures) {
            if (f[0] == op.ordinal() && (n == f[1] || (f[2] == 1 && n > f[1]))) {
                throw new TierIOException("injected failure of " + op + " #" + n + " (" + plan + ")");
            }
        }
        return false;
    }

    /** Cuts power after an operation that {@link #before} let through, and throws. */
    synchronized TierIOException cutAfter(final Op op) {
        cut();
        return new TierIOException("power cut at operation " + operations + " (" + op + ", after it took effect; " + plan + ")");
    }

    /** @return the number of this append, from 1 (what shortWriteAt and tornWriteAt count) */
    synchronized long nextAppend() {
        return ++appends;
    }

    Random random() {
        return random;
    }

    FaultPlan plan() {
        return plan;
    }

    private void cut() {
        poweredOff = true;
        for (FaultWriter w : new ArrayList<>(writers.values())) {
            w.applyAtPowerCut(plan.unsynced, random);
        }
        writers.clear();
    }

    synchronized void writerGone(final FaultWriter w) {
        writers.remove(w.segmentId(), w);
    }

    @Override
    public TierKind kind() {
        return inner.kind();
    }

    @Override
    public String location() {
        return inner.location();
    }

    @Override
    public SegmentWriter create(final long segmentId) {
        final boolean cutAfter = before(Op.CREATE, true);
        final FaultWriter w = new FaultWriter(this, inner.create(segmentId));
        synchronized (this) {
            writers.put(segmentId, w);
        }
        if (cutAfter) {
            throw cutAfter(Op.CREATE);
        }
        return w;
    }

    @Override
    public SegmentReader open(final long segmentId) {
        before(Op.OPEN, false);
        return new FaultReader(this, inner.open(segmentId));
    }

    @Override
    public SegmentReader openUnsealed(final long segmentId) {
        before(Op.OPEN_UNSEALED, false);
        synchronized (this) {
            if (writers.containsKey(segmentId)) {
                throw new IllegalStateException("segment " + segmentId + " is still open for writing in this tier; close or seal its writer first");
            }
        }
        return new FaultReader(this, inner.openUnsealed(segmentId));
    }

    @Override
    public void sealUnsealed(final long segmentId, final long validLength) {
        final boolean cutAfter = before(Op.SEAL_UNSEALED, true);
        inner.sealUnsealed(segmentId, validLength);
        if (cutAfter) {
            throw cutAfter(Op.SEAL_UNSEALED);
        }
    }

    @Override
    public boolean delete(final long segmentId) {
        final boolean cutAfter = before(Op.DELETE, true);
        final FaultWriter w;
        synchronized (this) {
            w = writers.remove(segmentId);
        }
        if (w != null) {
            w.discard();
        }
        final boolean existed = inner.delete(segmentId);
        if (cutAfter) {
            throw cutAfter(Op.DELETE);
        }
        return existed;
    }

    @Override
    public void list(final SegmentVisitor visitor) {
        before(Op.LIST, false);
        final Map<Long, FaultWriter> open;
        synchronized (this) {
            open = new HashMap<>(writers);
        }
        inner.list((id, sealed, length) -> {
            final FaultWriter w = open.get(id);
            visitor.segment(id, sealed, w != null ? w.length() : length);
        });
    }

    @Override
    public void writeMetadata(final DirectBuffer src, final int offset, final int length) {
        final boolean cutAfter = before(Op.WRITE_METADATA, true);
        inner.writeMetadata(src, offset, length);
        if (cutAfter) {
            throw cutAfter(Op.WRITE_METADATA);
        }
    }

    @Override
    public byte[] readMetadata() {
        before(Op.READ_METADATA, false);
        return inner.readMetadata();
    }

    @Override
    public int maxMetadataLength() {
        return inner.maxMetadataLength();
    }

    @Override
    public TierStats stats() {
        return inner.stats();
    }

    /** Closes the wrapped tier too (also after a power cut: the test then opens the location again). */
    @Override
    public void close() {
        final List<FaultWriter> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(writers.values());
            writers.clear();
        }
        for (FaultWriter w : open) {
            w.discard();
        }
        inner.close();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "FaultInjectingTier{" + inner + ", " + plan + '}';
    }
}
