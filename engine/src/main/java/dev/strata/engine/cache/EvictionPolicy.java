package dev.strata.engine.cache;

/**
 * Decides which cached entry to drop when a cache is full. A policy works on integer <em>slot
 * ids</em> in {@code [0, capacity)}, never on keys or entry objects, so that it can keep its state in
 * {@code int} arrays and allocate nothing after construction.
 *
 * <h2>Protocol</h2>
 * The cache owns the slots and tells the policy what happens to them:
 * <ol>
 *   <li>{@link #onInsert} when a slot starts holding an entry (the slot becomes <em>tracked</em>);
 *   <li>{@link #onAccess} on a hit, {@link #onUpdate} when the entry's value is replaced in place;
 *   <li>{@link #onRemove} when the cache drops the entry for a reason of its own (invalidation);
 *   <li>{@link #victim} when it needs room: the policy chooses a tracked slot, <em>stops tracking
 *       it</em> and returns it, and the cache evicts that entry.
 * </ol>
 * Removal and eviction are told apart on purpose: a policy with a history of evicted keys (ARC's
 * ghost lists) records a victim, but must not record an entry that was invalidated.
 *
 * <h2>Pinned entries</h2>
 * An entry that a reader is using must not be evicted. {@link #victim} takes a {@link SlotPredicate}
 * that says whether a slot may go; the policy skips slots that may not, without changing their
 * standing (a skipped slot is not "accessed"). The cache passes itself as the predicate, so the
 * call allocates nothing.
 *
 * <h2>Threading and misuse</h2>
 * Policies are not thread-safe: the cache calls one policy instance under one lock (a shard's).
 * Calls that break the protocol (inserting a tracked slot, accessing an untracked one, a slot out
 * of range) are misuse; a policy may throw {@link IllegalStateException} or
 * {@link IndexOutOfBoundsException} for them, but need not detect every case.
 *
 * <p>New policies (LFU, FIFO, CLOCK, SIEVE, ARC, W-TinyLFU) pass {@code EvictionPolicyContract} in
 * the engine's tests.
 */
public interface EvictionPolicy {
    /** {@link #victim} result: no tracked slot may be evicted (none tracked, or all pinned). */
    int NO_VICTIM = -1;

    /**
     * A slot starts holding an entry.
     *
     * @param slot    an untracked slot id in {@code [0, capacity)}
     * @param keyHash a well-mixed 64-bit hash of the entry's key: lets a policy recognise a key that
     *                comes back after eviction (a frequency sketch, ghost lists); a policy that
     *                needs only recency ignores it
     */
    void onInsert(int slot, long keyHash);

    /**
     * The entry in a tracked slot was read (a cache hit).
     *
     * @param slot a tracked slot id
     */
    void onAccess(int slot);

    /**
     * The entry in a tracked slot got a new value under the same key. By default an update counts as
     * an access; a policy that weighs writes differently overrides this.
     *
     * @param slot a tracked slot id
     */
    default void onUpdate(final int slot) {
        onAccess(slot);
    }

    /**
     * The cache dropped the entry in a tracked slot for its own reasons (not for room): the slot is
     * untracked afterwards and may be inserted again.
     *
     * @param slot a tracked slot id
     */
    void onRemove(int slot);

    /**
     * Chooses an entry to evict among the tracked slots that {@code evictable} accepts, stops
     * tracking it and returns it; the caller must then evict that entry. Slots that
     * {@code evictable} rejects keep their place.
     *
     * @param evictable says whether a slot may be evicted now (a pinned one may not)
     * @return the victim's slot id, or {@link #NO_VICTIM}
     */
    int victim(SlotPredicate evictable);

    /** @return the number of tracked slots */
    int size();

    /** @return the policy's short name for statistics and reports, such as {@code "LRU"} */
    String name();

    /** Creates a policy for a given number of slots; one instance per cache shard. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param capacity the number of slots (slot ids are {@code 0 .. capacity - 1}); may be 0
         * @return a new policy with no slot tracked
         */
        EvictionPolicy create(int capacity);
    }

    /** Tests one slot id without allocating; see {@link #victim}. */
    @FunctionalInterface
    interface SlotPredicate {
        /** Accepts every slot (for policies used without pinning). */
        SlotPredicate ANY = slot -> true;

        /**
         * @param slot a tracked slot id
         * @return whether the slot may be evicted now
         */
        boolean test(int slot);
    }
}
