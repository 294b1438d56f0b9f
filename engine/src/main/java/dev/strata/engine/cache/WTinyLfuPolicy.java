package dev.strata.engine.cache;

/**
 * Window TinyLFU (Einziger, Friedman and Manes, 2017) with an adaptive window, as Caffeine's
 * {@code BoundedLocalCache} implements it; written for Strata on slot ids.
 *
 * <h2>Spaces</h2>
 * New entries enter an LRU <em>window</em> (1 % of the maximum weight at first). The <em>main</em>
 * space is a segmented LRU: <em>probation</em> (about 20 %) and <em>protected</em> (80 % of main);
 * a hit in probation promotes the entry to protected, whose overflow is demoted back to probation's
 * new end. When the window is full, its oldest entry (the <em>candidate</em>) must win a place in
 * main against probation's oldest (the <em>victim</em>): the {@link FrequencySketch} decides, and the
 * candidate is admitted only if it was seen more often; a warm candidate ({@code > 5}) that loses
 * still gets in with probability 1/128, so that hash collisions cannot keep every newcomer out.
 * The loser is evicted.
 *
 * <h2>Order of events</h2>
 * Caffeine inserts first and evicts after; a Strata cache makes room first ({@link #victim}), then
 * inserts. So {@link #victim} judges the candidate that the incoming entry is about to push out of
 * the window: when the window's weight plus the incoming weight (given by {@link #onMiss}, else 1)
 * exceeds the window's budget, the window's oldest evictable entry is the candidate; otherwise the
 * victim is probation's oldest, then protected's, then the window's. {@link #onInsert} moves any
 * remaining window overflow to probation without a contest (the cache was not yet full, or the
 * window shrank). Caffeine also sets the window's oldest against probation's oldest when the
 * window is within budget but the cache is over (which happens with unequal weights), and may
 * reject the incoming entry itself; a variant doing the same measured Caffeine's own hit ratios on
 * the byte-weighted cloudPhysicsIO trace to within 0.21 points, and 2.5 to 5.3 points below this
 * policy's at 128 to 640 MiB (docs/benchmarks.md, "W-TinyLFU and Caffeine: known differences").
 *
 * <h2>Adaptive window (hill climbing)</h2>
 * Every {@code sampleSize} requests (hits plus inserts; 10 × the slot count, the sketch's size, see
 * {@link FrequencySketch}, which counts from the first insert) the hit rate of the sample is
 * compared with the previous one; the window grows or shrinks by a step in whichever direction
 * improved it. The step starts at 6.25 % of the maximum (first a shrink), decays by 2 %
 * per sample, and restarts when the hit rate moves by 5 points or more. Growing the window takes
 * weight from protected and moves main's oldest entries into the window; shrinking moves the
 * window's oldest entries to probation (at most 1,000 per sample, as Caffeine).
 *
 * <p>Weights: the budgets are weights ({@link #setMaximumWeight}; the slot count by default, each
 * entry weighing 1). Pinned slots are passed over. Everything is O(1) amortised and allocates
 * nothing after construction. The jitter comes from a fixed-seed generator, so runs are
 * reproducible. Not thread-safe (see {@link EvictionPolicy}).
 */
public final class WTinyLfuPolicy implements EvictionPolicy {
    private static final int WINDOW = 0;
    private static final int PROBATION = 1;
    private static final int PROTECTED = 2;
    private static final double PERCENT_MAIN = 0.99d;
    private static final double PERCENT_MAIN_PROTECTED = 0.80d;
    private static final double RESTART_THRESHOLD = 0.05d;
    private static final double STEP_PERCENT = 0.0625d;
    private static final double STEP_DECAY = 0.98d;
    private static final int TRANSFER_LIMIT = 1_000;
    /** A candidate this warm that loses may still get in, with probability 1/128. */
    private static final int WARM = 5;

    private final SlotLists lists;
    private final byte[] spaceOf;
    private final long[] keys;
    private final long[] weights;
    private final FrequencySketch sketch;
    private long maximum;
    private long windowMaximum;
    private long protectedMaximum;
    private long windowWeight;
    private long protectedWeight;
    private int size;
    private boolean pending;
    private long pendingWeight;
    private int hitsInSample;
    private int missesInSample;
    private double previousHitRate;
    private double stepSize;
    private long random = 0x9E3779B97F4A7C15L;

    /**
     * A W-TinyLFU whose sketch has a doorkeeper.
     *
     * @param capacity the number of slots, at least 0
     * @throws IllegalArgumentException if {@code capacity} is negative or too large
     */
    public WTinyLfuPolicy(final int capacity) {
        this(capacity, true);
    }

    /**
     * @param capacity   the number of slots, at least 0
     * @param doorkeeper whether the frequency sketch has a doorkeeper (Caffeine's has none; the
     *                   TinyLFU paper's has): it keeps one-hit wonders out of the counters, which
     *                   also makes ties between cold entries more frequent, and a tie rejects the
     *                   candidate
     * @throws IllegalArgumentException if {@code capacity} is negative or too large
     */
    public WTinyLfuPolicy(final int capacity, final boolean doorkeeper) {
        lists = new SlotLists(capacity, 3);
        spaceOf = new byte[capacity];
        keys = new long[capacity];
        weights = new long[capacity];
        sketch = new FrequencySketch(capacity, doorkeeper);
        setMaximumWeight(capacity);
    }

    @Override
    public void setMaximumWeight(final long maximumWeight) {
        if (maximumWeight < 0) {
            throw new IllegalArgumentException("maximumWeight must be at least 0, got " + maximumWeight);
        }
        maximum = maximumWeight;
        windowMaximum = maximumWeight - (long)(PERCENT_MAIN * maximumWeight);
        protectedMaximum = (long)(PERCENT_MAIN_PROTECTED * (maximumWeight - windowMaximum));
        hitsInSample = 0;
        missesInSample = 0;
        stepSize = -STEP_PERCENT * maximumWeight;
        demoteFromProtected();
    }

    @Override
    public void onMiss(final long keyHash, final long weight) {
        SlotLists.checkWeight(weight);
        pending = true;
        pendingWeight = weight;
    }

    @Override
    public void onInsert(final int slot, final long keyHash) {
        onInsert(slot, keyHash, 1);
    }

    @Override
    public void onInsert(final int slot, final long keyHash, final long weight) {
        lists.checkUntracked(slot);
        SlotLists.checkWeight(weight);
        pending = false;
        keys[slot] = keyHash;
        weights[slot] = weight;
        spaceOf[slot] = WINDOW;
        lists.linkLast(WINDOW, slot);
        windowWeight += weight;
        size++;
        sketch.increment(keyHash);
        missesInSample++;
        for (int i = 0; windowWeight > windowMaximum && i < TRANSFER_LIMIT; i++) {
            final int oldest = lists.first(WINDOW);
            if (lists.isSentinel(oldest)) {
                break;
            }
            windowWeight -= weights[oldest];
            spaceOf[oldest] = PROBATION;
            lists.moveToLast(PROBATION, oldest);
        }
        climbIfSampled();
    }

    @Override
    public void onAccess(final int slot) {
        lists.checkTracked(slot);
        sketch.increment(keys[slot]);
        switch (spaceOf[slot]) {
            case WINDOW:
                lists.moveToLast(WINDOW, slot);
                break;
            case PROBATION:
                if (weights[slot] > protectedMaximum) {
                    lists.moveToLast(PROBATION, slot);
                } else {
                    spaceOf[slot] = PROTECTED;
                    protectedWeight += weights[slot];
                    lists.moveToLast(PROTECTED, slot);
                    demoteFromProtected();
                }
                break;
            default:
                lists.moveToLast(PROTECTED, slot);
                break;
        }
        hitsInSample++;
        climbIfSampled();
    }

    @Override
    public void onRemove(final int slot) {
        lists.checkTracked(slot);
        untrack(slot);
    }

    @Override
    public int victim(final SlotPredicate evictable) {
        final long incoming = pending ? pendingWeight : 1;
        if (windowWeight > 0 && windowWeight + incoming > windowMaximum) {
            final int candidate = lists.firstEvictable(WINDOW, evictable);
            if (candidate != NO_VICTIM) {
                final int victim = lists.firstEvictable(PROBATION, evictable);
                if (victim == NO_VICTIM || !admit(keys[candidate], keys[victim])) {
                    untrack(candidate);
                    return candidate;
                }
                windowWeight -= weights[candidate];
                spaceOf[candidate] = PROBATION;
                lists.moveToLast(PROBATION, candidate);
                untrack(victim);
                return victim;
            }
        }
        int slot = lists.firstEvictable(PROBATION, evictable);
        if (slot == NO_VICTIM) {
            slot = lists.firstEvictable(PROTECTED, evictable);
        }
        if (slot == NO_VICTIM) {
            slot = lists.firstEvictable(WINDOW, evictable);
        }
        if (slot != NO_VICTIM) {
            untrack(slot);
        }
        return slot;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name() {
        return "W-TINYLFU";
    }

    /** @return the window's current budget, in weight */
    public long windowMaximum() {
        return windowMaximum;
    }

    /** @return the protected segment's current budget, in weight */
    public long protectedMaximum() {
        return protectedMaximum;
    }

    /** @return 0 if a tracked slot is in the window, 1 in probation, 2 in protected */
    public int space(final int slot) {
        lists.checkTracked(slot);
        return spaceOf[slot];
    }

    /** @return the sketch's estimate of how often a key was seen recently */
    public int frequency(final long keyHash) {
        return sketch.frequency(keyHash);
    }

    private boolean admit(final long candidateKey, final long victimKey) {
        final int candidateFrequency = sketch.frequency(candidateKey);
        final int victimFrequency = sketch.frequency(victimKey);
        if (candidateFrequency > victimFrequency) {
            return true;
        }
        if (candidateFrequency <= WARM) {
            return false;
        }
        random ^= random << 13; // xorshift64
        random ^= random >>> 7;
        random ^= random << 17;
        return (random & 127) == 0;
    }

    private void untrack(final int slot) {
        lists.unlink(slot);
        switch (spaceOf[slot]) {
            case WINDOW:
                windowWeight -= weights[slot];
                break;
            case PROTECTED:
                protectedWeight -= weights[slot];
                break;
            default:
                break;
        }
        size--;
    }

    private void demoteFromProtected() {
        for (int i = 0; protectedWeight > protectedMaximum && i < TRANSFER_LIMIT; i++) {
            final int oldest = lists.first(PROTECTED);
            if (lists.isSentinel(oldest)) {
                break;
            }
            protectedWeight -= weights[oldest];
            spaceOf[oldest] = PROBATION;
            lists.moveToLast(PROBATION, oldest);
        }
    }

    /** Caffeine's climber: after each full sample, steps the window towards a better hit rate. */
    private void climbIfSampled() {
        final int requests = hitsInSample + missesInSample;
        if (requests < sketch.sampleSize()) {
            return;
        }
        final double hitRate = (double)hitsInSample / requests;
        final double change = hitRate - previousHitRate;
        final double amount = change >= 0 ? stepSize : -stepSize;
        stepSize = Math.abs(change) >= RESTART_THRESHOLD
            ? STEP_PERCENT * maximum * (amount >= 0 ? 1 : -1)
            : STEP_DECAY * amount;
        previousHitRate = hitRate;
        hitsInSample = 0;
        missesInSample = 0;
        final long adjustment = (long)amount;
        if (adjustment > 0) {
            increaseWindow(adjustment);
        } else if (adjustment < 0) {
            decreaseWindow(-adjustment);
        }
    }

    /** Takes up to {@code amount} from protected's budget and moves main's oldest entries into the window. */
    private void increaseWindow(final long amount) {
        if (protectedMaximum == 0) {
            return;
        }
        long quota = Math.min(amount, protectedMaximum);
        protectedMaximum -= quota;
        windowMaximum += quota;
        demoteFromProtected();
        for (int i = 0; i < TRANSFER_LIMIT; i++) {
            int candidate = lists.first(PROBATION);
            if (lists.isSentinel(candidate) || quota < weights[candidate]) {
                candidate = lists.first(PROTECTED);
            }
            if (lists.isSentinel(candidate) || quota < weights[candidate]) {
                break;
            }
            quota -= weights[candidate];
            if (spaceOf[candidate] == PROTECTED) {
                protectedWeight -= weights[candidate];
            }
            windowWeight += weights[candidate];
            spaceOf[candidate] = WINDOW;
            lists.moveToLast(WINDOW, candidate);
        }
        protectedMaximum += quota; // what could not be moved goes back
        windowMaximum -= quota;
    }

    /** Gives up to {@code amount} of the window's budget to protected, moving the window's oldest to probation. */
    private void decreaseWindow(final long amount) {
        if (windowMaximum <= 1) {
            return;
        }
        long quota = Math.min(amount, Math.max(0, windowMaximum - 1));
        protectedMaximum += quota;
        windowMaximum -= quota;
        for (int i = 0; i < TRANSFER_LIMIT; i++) {
            final int candidate = lists.first(WINDOW);
            if (lists.isSentinel(candidate) || quota < weights[candidate]) {
                break;
            }
            quota -= weights[candidate];
            windowWeight -= weights[candidate];
            spaceOf[candidate] = PROBATION;
            lists.moveToLast(PROBATION, candidate);
        }
        protectedMaximum -= quota;
        windowMaximum += quota;
    }
}
