package dev.strata.tier.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link FaultInjectingTier} does wrong, and when. Built fluently; the seed that drives
 * every random choice (which unsynced appends survive a power cut, how much a short write keeps)
 * is printed when the plan is built, and {@code -Dstrata.seed=N} replays it.
 *
 * <pre>
 *   FaultPlan plan = FaultPlan.builder()
 *       .failNth(Op.SYNC, 3)                 // the 3rd sync throws TierIOException, once
 *       .failFrom(Op.READ, 10)               // the 10th read and every later one throw
 *       .shortWriteAt(5)                     // the 5th append stores a prefix, then throws
 *       .tornWriteAt(6)                      // the 6th append "succeeds" with its second half zeroed
 *       .powerCutAt(40)                      // the 40th operation cuts power
 *       .onPowerCut(Unsynced.WHOLE_PREFIX)   // unsynced appends: a random prefix of them survives
 *       .build();
 * </pre>
 *
 * Operation numbers start at 1 and count per {@link Op} ({@link #powerCutAt} counts all operations).
 */
public final class FaultPlan {
    /** The tier operations a plan can target. */
    public enum Op { CREATE, APPEND, SYNC, SEAL, CLOSE_WRITER, OPEN, OPEN_UNSEALED, SEAL_UNSEALED, READ, DELETE, LIST,
        WRITE_METADATA, READ_METADATA }

    /** What survives of the appends made since the last sync when power is cut. */
    public enum Unsynced {
        /** None: the strictest reading of "unsynced data may be lost". */
        DROP_ALL,
        /** A random prefix of whole appends (what the Tier contract allows; the default). */
        WHOLE_PREFIX,
        /** A random prefix of whole appends plus a random byte prefix of the next one: a torn tail, beyond the contract. */
        TORN_PREFIX,
        /** Each append independently survives or becomes zeros, as if the device reordered writes; beyond the contract. */
        REORDERED
    }

    final long seed;
    final List<long[]> failures;
    final long shortWriteAt;
    final long tornWriteAt;
    final long powerCutAt;
    final Unsynced unsynced;

    private FaultPlan(final Builder b) {
        seed = b.seed;
        failures = List.copyOf(b.failures);
        shortWriteAt = b.shortWriteAt;
        tornWriteAt = b.tornWriteAt;
        powerCutAt = b.powerCutAt;
        unsynced = b.unsynced;
    }

    /** @return a plan that injects nothing (the wrapper still buffers unsynced appends) */
    public static FaultPlan none() {
        return new Builder(0).build();
    }

    /** @return a builder with the seed from {@code -Dstrata.seed}, or a fresh one */
    public static Builder builder() {
        final Long fixed = Long.getLong("strata.seed");
        return new Builder(fixed != null ? fixed : System.nanoTime());
    }

    /** @return a builder with this seed */
    public static Builder builder(final long seed) {
        return new Builder(seed);
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "FaultPlan{seed=" + seed + ", powerCutAt=" + powerCutAt + ", unsynced=" + unsynced + ", shortWriteAt=" + shortWriteAt
            + ", tornWriteAt=" + tornWriteAt + ", failures=" + failures.size() + '}';
    }

    /** Builds a {@link FaultPlan}. */
    public static final class Builder {
        private final long seed;
        private final List<long[]> failures = new ArrayList<>();
        private long shortWriteAt;
        private long tornWriteAt;
        private long powerCutAt;
        private Unsynced unsynced = Unsynced.WHOLE_PREFIX;

        private Builder(final long seed) {
            this.seed = seed;
        }

        /** The {@code n}th {@code op} throws {@link dev.strata.tier.TierIOException} once and has no effect. */
        public Builder failNth(final Op op, final long n) {
            failures.add(new long[] {Objects.requireNonNull(op).ordinal(), positive("n", n), 0});
            return this;
        }

        /** The {@code n}th {@code op} and every later one throw. */
        public Builder failFrom(final Op op, final long n) {
            failures.add(new long[] {Objects.requireNonNull(op).ordinal(), positive("n", n), 1});
            return this;
        }

        /** The {@code n}th append stores a random prefix of its bytes, then throws. */
        public Builder shortWriteAt(final long n) {
            this.shortWriteAt = positive("n", n);
            return this;
        }

        /** The {@code n}th append returns normally but its second half is stored as zeros (a torn sector). */
        public Builder tornWriteAt(final long n) {
            this.tornWriteAt = positive("n", n);
            return this;
        }

        /** The {@code n}th operation of any kind cuts power (it may or may not take effect; it throws). */
        public Builder powerCutAt(final long n) {
            this.powerCutAt = positive("n", n);
            return this;
        }

        /** What survives of unsynced appends at a power cut; default {@link Unsynced#WHOLE_PREFIX}. */
        public Builder onPowerCut(final Unsynced mode) {
            this.unsynced = Objects.requireNonNull(mode);
            return this;
        }

        public FaultPlan build() {
            final FaultPlan plan = new FaultPlan(this);
            if (!failures.isEmpty() || shortWriteAt > 0 || tornWriteAt > 0 || powerCutAt > 0) {
                System.out.println("[seed] " + plan + " (replay with -Dstrata.seed=" + seed + ")");
            }
            return plan;
        }

        private static long positive(final String name, final long n) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " counts from 1, got " + n);
            }
            return n;
        }
    }
}
