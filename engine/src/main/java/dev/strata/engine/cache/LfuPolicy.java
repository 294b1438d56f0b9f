package dev.strata.engine.cache;

/**
 * Least frequently used, in O(1) (Shah, Mitra and Matani, "An O(1) algorithm for implementing the
 * LFU cache eviction scheme", 2010): evicts the entry with the fewest hits, and among equals the one
 * whose last hit (or insert) is oldest.
 *
 * <h2>Structure</h2>
 * Entries with the same count share a <em>bucket</em>; buckets form a list in ascending count, and
 * each bucket holds its slots in a list ordered by when they entered it. An insert joins the
 * count-1 bucket, a hit moves the slot to the end of the next bucket (creating it after the current
 * one if that count is missing, dropping the current one if it empties), and the victim is the
 * first evictable slot of the first bucket. Buckets come from a fixed pool of {@code capacity + 1}
 * (there are never more non-empty buckets than slots), so nothing is allocated after construction.
 *
 * <h2>Aging</h2>
 * Pure LFU never forgets: an entry that was hot long ago keeps its count and blocks the cache. So
 * every {@code agingPeriod} hits (by default {@code max(16, 10 × capacity)}, the sample size
 * TinyLFU ages its sketch at), every count is halved (rounding down, at least 1). Buckets that
 * halve to the same count merge in ascending order of their old counts, so ties keep favouring
 * the entries that were more frequent. Aging costs O(tracked slots), amortised O(1) per hit. With
 * {@code agingPeriod == 0} there is no aging and the policy is exactly libCacheSim's {@code LFU}
 * (whose miss counts it reproduces on the cloudphysics trace).
 *
 * <p>Not thread-safe (see {@link EvictionPolicy}).
 */
public final class LfuPolicy implements EvictionPolicy {
    /** Counts stop here; with aging they never get close. */
    private static final int MAX_COUNT = 1 << 30;

    /** Slot lists, one per bucket: the list index is the bucket index. */
    private final SlotLists slots;
    /** The bucket of each tracked slot. */
    private final int[] bucketOf;
    /** Bucket list, ascending count, circular through the sentinel at {@code buckets}. */
    private final int[] bucketPrev;
    private final int[] bucketNext;
    private final int[] count;
    private final int bucketSentinel;
    /** Unused buckets: a stack. */
    private final int[] freeBuckets;
    private int freeCount;
    private final long agingPeriod;
    private long hitsSinceAging;
    private int size;

    /**
     * An LFU that halves all counts every {@code max(16, 10 × capacity)} hits.
     *
     * @param capacity the number of slots, at least 0
     * @throws IllegalArgumentException if {@code capacity} is negative or too large
     */
    public LfuPolicy(final int capacity) {
        this(capacity, Math.max(16L, 10L * capacity));
    }

    /**
     * @param capacity    the number of slots, at least 0
     * @param agingPeriod halve all counts every this many hits; 0 for never (plain LFU)
     * @throws IllegalArgumentException if {@code capacity} is negative or too large, or
     *                                  {@code agingPeriod} negative
     */
    public LfuPolicy(final int capacity, final long agingPeriod) {
        if (capacity < 0 || capacity > (Integer.MAX_VALUE - 16) / 2) {
            throw new IllegalArgumentException("capacity must be between 0 and " + (Integer.MAX_VALUE - 16) / 2 + ", got " + capacity);
        }
        if (agingPeriod < 0) {
            throw new IllegalArgumentException("agingPeriod must be at least 0 (0: no aging), got " + agingPeriod);
        }
        final int buckets = capacity + 1;
        this.agingPeriod = agingPeriod;
        slots = new SlotLists(capacity, buckets);
        bucketOf = new int[capacity];
        bucketPrev = new int[buckets + 1];
        bucketNext = new int[buckets + 1];
        count = new int[buckets + 1];
        bucketSentinel = buckets;
        bucketPrev[bucketSentinel] = bucketSentinel;
        bucketNext[bucketSentinel] = bucketSentinel;
        freeBuckets = new int[buckets];
        for (int b = buckets - 1; b >= 0; b--) {
            freeBuckets[freeCount++] = b;
        }
    }

    @Override
    public void onInsert(final int slot, final long keyHash) {
        slots.checkUntracked(slot);
        int bucket = bucketNext[bucketSentinel];
        if (bucket == bucketSentinel || count[bucket] != 1) {
            bucket = newBucketAfter(bucketSentinel, 1);
        }
        slots.linkLast(bucket, slot);
        bucketOf[slot] = bucket;
        size++;
    }

    @Override
    public void onAccess(final int slot) {
        slots.checkTracked(slot);
        final int bucket = bucketOf[slot];
        final int c = count[bucket];
        if (c < MAX_COUNT) {
            int target = bucketNext[bucket];
            if (target == bucketSentinel || count[target] != c + 1) {
                target = newBucketAfter(bucket, c + 1);
            }
            slots.moveToLast(target, slot);
            bucketOf[slot] = target;
            freeIfEmpty(bucket);
        } else {
            slots.moveToLast(bucket, slot);
        }
        if (agingPeriod > 0 && ++hitsSinceAging >= agingPeriod) {
            age();
        }
    }

    @Override
    public void onRemove(final int slot) {
        slots.checkTracked(slot);
        untrack(slot);
    }

    @Override
    public int victim(final SlotPredicate evictable) {
        for (int bucket = bucketNext[bucketSentinel]; bucket != bucketSentinel; bucket = bucketNext[bucket]) {
            final int slot = slots.firstEvictable(bucket, evictable);
            if (slot != NO_VICTIM) {
                untrack(slot);
                return slot;
            }
        }
        return NO_VICTIM;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name() {
        return "LFU";
    }

    /** @return a tracked slot's count: 1 after insert, plus its hits, halved by each aging */
    public int count(final int slot) {
        slots.checkTracked(slot);
        return count[bucketOf[slot]];
    }

    /** Halves every count; buckets that meet merge, the formerly lower one first. */
    private void age() {
        hitsSinceAging = 0;
        int kept = bucketSentinel;
        int bucket = bucketNext[bucketSentinel];
        while (bucket != bucketSentinel) {
            final int following = bucketNext[bucket];
            final int halved = Math.max(1, count[bucket] >>> 1);
            if (kept != bucketSentinel && count[kept] == halved) {
                for (int slot = slots.first(bucket); !slots.isSentinel(slot); slot = slots.first(bucket)) {
                    slots.moveToLast(kept, slot);
                    bucketOf[slot] = kept;
                }
                freeIfEmpty(bucket);
            } else {
                count[bucket] = halved;
                kept = bucket;
            }
            bucket = following;
        }
    }

    private void untrack(final int slot) {
        slots.unlink(slot);
        freeIfEmpty(bucketOf[slot]);
        size--;
    }

    private int newBucketAfter(final int before, final int c) {
        final int bucket = freeBuckets[--freeCount];
        count[bucket] = c;
        final int after = bucketNext[before];
        bucketPrev[bucket] = before;
        bucketNext[bucket] = after;
        bucketNext[before] = bucket;
        bucketPrev[after] = bucket;
        return bucket;
    }

    private void freeIfEmpty(final int bucket) {
        if (slots.isEmpty(bucket)) {
            final int p = bucketPrev[bucket];
            final int n = bucketNext[bucket];
            bucketNext[p] = n;
            bucketPrev[n] = p;
            freeBuckets[freeCount++] = bucket;
        }
    }
}
