package dev.strata.bench.jmh;

import dev.strata.engine.cache.EvictionPolicies;
import dev.strata.engine.cache.EvictionPolicy;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of each eviction policy's bookkeeping alone, in nanoseconds per access, on a full
 * policy of 65,536 slots (no cache, no keys, no values around it):
 * <ul>
 *   <li>{@code hit}: {@link EvictionPolicy#onAccess} of a tracked slot, slots drawn from a Zipf
 *       distribution (exponent 0.99, hot slots scattered over the slot range), precomputed;
 *   <li>{@code missAndEvict}: a new key: {@link EvictionPolicy#onMiss}, {@link EvictionPolicy#victim}
 *       and {@link EvictionPolicy#onInsert(int, long, long)} into the freed slot. New keys are a
 *       stream never seen before, after a warm-up of Zipf hits, so this is the steady cost of
 *       churning, including W-TinyLFU's admission contest and ARC's ghost bookkeeping.
 * </ul>
 * Run with {@code -prof gc}: both must allocate nothing once warm. {@code policy} lists
 * {@link EvictionPolicies#names()} (a test keeps the two in step).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EvictionPolicyBenchmark {
    static final int SLOTS = 1 << 16;
    static final int PATTERN = 1 << 20;
    static final double ZIPF_EXPONENT = 0.99;

    @Param({"ARC", "CLOCK", "FIFO", "LFU", "LRU", "SIEVE", "W-TINYLFU"})
    public String policy;

    private EvictionPolicy instance;
    private int[] hits;
    private int next;
    private long nextKey;

    @Setup(Level.Trial)
    public void setUp() {
        instance = EvictionPolicies.factory(policy).create(SLOTS);
        hits = zipfSlots(new SplittableRandom(42));
        for (int slot = 0; slot < SLOTS; slot++) {
            final long key = hash(nextKey++);
            instance.onMiss(key, 1);
            instance.onInsert(slot, key, 1);
        }
        for (int i = 0; i < PATTERN; i++) {
            instance.onAccess(hits[i]);
        }
        if (instance.size() != SLOTS) {
            throw new IllegalStateException(policy + " tracks " + instance.size() + " slots after setup, not " + SLOTS);
        }
    }

    @Benchmark
    public int hit() {
        final int slot = hits[next++ & (PATTERN - 1)];
        instance.onAccess(slot);
        return slot;
    }

    @Benchmark
    public int missAndEvict() {
        final long key = hash(nextKey++);
        instance.onMiss(key, 1);
        final int victim = instance.victim(EvictionPolicy.SlotPredicate.ANY);
        instance.onInsert(victim, key, 1);
        return victim;
    }

    /** @return {@link #PATTERN} slot ids whose ranks follow Zipf(0.99) over {@link #SLOTS}, rank r mapped to a scattered slot */
    static int[] zipfSlots(final SplittableRandom random) {
        final double[] cumulative = new double[SLOTS];
        double sum = 0;
        for (int rank = 0; rank < SLOTS; rank++) {
            sum += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
            cumulative[rank] = sum;
        }
        final int[] slotOfRank = new int[SLOTS];
        for (int rank = 0; rank < SLOTS; rank++) {
            slotOfRank[rank] = rank;
        }
        for (int i = SLOTS - 1; i > 0; i--) {
            final int j = random.nextInt(i + 1);
            final int t = slotOfRank[i];
            slotOfRank[i] = slotOfRank[j];
            slotOfRank[j] = t;
        }
        final int[] slots = new int[PATTERN];
        for (int i = 0; i < PATTERN; i++) {
            int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            rank = rank >= 0 ? rank : Math.min(SLOTS - 1, -rank - 1);
            slots[i] = slotOfRank[rank];
        }
        return slots;
    }

    static long hash(final long key) {
        long z = key + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
