package dev.strata.engine.cache;


/**
 * A hierarchical timer wheel over slot ids: finds the slots whose deadline has passed in time
 * proportional to the buckets crossed and the entries found, not to the number of entries, and
 * allocates nothing after construction.
 *
 * <h2>Layout</h2>
 * {@value #LEVELS} levels of {@value #BUCKETS} buckets; a bucket of level {@code i} spans
 * {@code 64^i} milliseconds, so level 0 covers the next 64 ms at 1 ms resolution, level 1 the next
 * 4 s at 64 ms, and the top level about 795 days (later deadlines wrap around in the top level and
 * are rescheduled when their bucket comes up). Every bucket is one of the {@link SlotLists} over the
 * slot ids; a slot is scheduled exactly when it is linked.
 *
 * <h2>Advancing</h2>
 * {@link #advance} moves the wheel's time forward. For each level whose tick changed it drains the
 * buckets from the previous tick to the current one (all of them after a full turn): every entry
 * due by now is handed to the {@link Sink}; the others go back into the bucket their remaining
 * time calls for, usually on a finer level. A bucket is detached before it is walked, so an entry
 * rescheduled into it is not seen twice. This is the scheme of Varghese and Lauck (1987), in the
 * shape Caffeine's {@code TimerWheel} uses.
 *
 * <p>Deadlines and times are in milliseconds of the store's clock. The wheel never runs backwards:
 * an {@link #advance} to an earlier time does nothing. Not thread-safe: its owner's lock guards it.
 */
final class TimerWheel {
    static final int LEVELS = 6;
    static final int BUCKETS = 64;
    private static final int BITS = 6;
    private static final int MASK = BUCKETS - 1;

    /** Told about each slot whose deadline has passed; the slot is already off the wheel. */
    @FunctionalInterface
    interface Sink {
        void expired(int slot);
    }

    private final SlotLists lists;
    private final long[] deadlines;
    private long time;
    private int size;

    /**
     * @param capacity the number of slots, at least 0
     * @param nowMillis the wheel's starting time
     */
    TimerWheel(final int capacity, final long nowMillis) {
        lists = new SlotLists(capacity, LEVELS * BUCKETS);
        deadlines = new long[capacity];
        time = nowMillis;
    }

    /**
     * Schedules a slot that is not scheduled.
     *
     * @param slot     a slot id in {@code [0, capacity)}
     * @param deadline when it expires (it is due once the wheel's time is at or past it)
     * @throws IllegalStateException if the slot is scheduled already
     */
    void schedule(final int slot, final long deadline) {
        lists.checkSlot(slot);
        if (lists.isLinked(slot)) {
            throw new IllegalStateException("slot " + slot + " is already scheduled");
        }
        deadlines[slot] = deadline;
        lists.linkLast(bucket(deadline), slot);
        size++;
    }

    /** Takes a slot off the wheel; nothing happens if it is not scheduled. */
    void cancel(final int slot) {
        lists.checkSlot(slot);
        if (lists.isLinked(slot)) {
            lists.unlink(slot);
            size--;
        }
    }

    /** @return whether the slot is on the wheel */
    boolean scheduled(final int slot) {
        lists.checkSlot(slot);
        return lists.isLinked(slot);
    }

    /** @return the deadline the slot was last scheduled with */
    long deadline(final int slot) {
        lists.checkSlot(slot);
        return deadlines[slot];
    }

    /** @return the wheel's time: the latest {@link #advance} (or the start) */
    long time() {
        return time;
    }

    /** @return the number of scheduled slots */
    int size() {
        return size;
    }

    /**
     * Moves the wheel's time to {@code now} and hands every slot due by then to {@code sink}.
     *
     * @return the number of slots handed to {@code sink}
     */
    int advance(final long now, final Sink sink) {
        if (now <= time) {
            return 0;
        }
        final long previous = time;
        time = now;
        int expired = 0;
        for (int level = 0; level < LEVELS; level++) {
            final int shift = level * BITS;
            final long previousTicks = previous >>> shift;
            final long currentTicks = now >>> shift;
            if (currentTicks == previousTicks) {
                break; // the coarser levels have not ticked either
            }
            // the previous tick's bucket too: it holds entries due later within that tick
            final long steps = Math.min(currentTicks - previousTicks + 1, BUCKETS);
            for (long i = 0; i < steps; i++) {
                expired += drain(level * BUCKETS + (int)((previousTicks + i) & MASK), now, sink);
            }
        }
        return expired;
    }

    private int drain(final int bucket, final long now, final Sink sink) {
        final int sentinel = lists.sentinel(bucket);
        // detached first, so an entry rescheduled into this bucket is not walked twice
        int slot = lists.detachAll(bucket);
        int expired = 0;
        while (slot != sentinel) {
            final int following = lists.next[slot];
            lists.prev[slot] = SlotLists.UNLINKED;
            if (deadlines[slot] <= now) {
                size--;
                expired++;
                sink.expired(slot);
            } else {
                lists.linkLast(bucket(deadlines[slot]), slot);
            }
            slot = following;
        }
        return expired;
    }

    /** @return the bucket (level × 64 + index) for a deadline, relative to the wheel's time */
    private int bucket(final long deadline) {
        final long at = Math.max(deadline, time); // overdue: the current tick's bucket, drained at the next tick
        final long delta = at - time;
        for (int level = 0; level < LEVELS - 1; level++) {
            if (delta < 1L << (BITS * (level + 1))) {
                return level * BUCKETS + (int)((at >>> (level * BITS)) & MASK);
            }
        }
        return (LEVELS - 1) * BUCKETS + (int)((at >>> ((LEVELS - 1) * BITS)) & MASK);
    }
}
