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
 * <h2>Weights</h2>
 * A cache bounded in entries needs nothing more: every entry weighs 1 and the maximum weight is the
 * number of slots. A cache bounded in bytes (or any other weight) tells the policy its capacity once
 * with {@link #setMaximumWeight} and each entry's weight with {@link #onInsert(int, long, long)};
 * before each insert that needs room it may announce the incoming key with {@link #onMiss}. It then
 * asks {@link #victim} repeatedly until the new entry fits (the cache, not the policy, counts the
 * bytes; an entry heavier than the whole cache is not inserted at all). Policies whose choices do
 * not depend on weights (LRU, FIFO, CLOCK, SIEVE, LFU) ignore all three; ARC sizes its lists and its
 * target in weight, and W-TinyLFU its window and main spaces, as in libCacheSim and Caffeine.
 *
 * <h2>Threading and misuse</h2>
 * Policies are not thread-safe: the cache calls one policy instance under one lock (a shard's).
 * Calls that break the protocol (inserting a tracked slot, accessing an untracked one, a slot out
 * of range) are misuse; a policy may throw {@link IllegalStateException} or
 * {@link IndexOutOfBoundsException} for them, but need not detect every case.
 *
 * <p>Every shipped policy ({@link EvictionPolicies}) passes {@code EvictionPolicyContract} in the
 * engine's tests.
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
     * A slot starts holding an entry of a given weight. By default the weight is ignored and this is
     * {@link #onInsert(int, long)}; a policy that sizes its regions in weight overrides it (and
     * treats {@link #onInsert(int, long)} as weight 1).
     *
     * @param slot    an untracked slot id in {@code [0, capacity)}
     * @param keyHash as for {@link #onInsert(int, long)}
     * @param weight  the entry's weight in the unit of {@link #setMaximumWeight}, at least 0 (its size
     *                in bytes for a cache bounded in bytes)
     */
    default void onInsert(final int slot, final long keyHash, final long weight) {
        onInsert(slot, keyHash);
    }

    /**
     * Announces that a lookup of a key missed and that the cache is about to make room for it and
     * insert it: the {@link #victim} calls until the next {@link #onInsert} are for this entry. Call
     * it only when the entry will be inserted. Optional: a policy whose choice depends on the incoming
     * entry decides exactly when told (ARC: whether the key is in a ghost list, which changes its
     * target before any eviction; W-TinyLFU: whether the entry will push the window's oldest entry
     * into the main space); untold, it assumes an entry of weight 1 that it has not seen before and
     * learns the truth at {@link #onInsert}. Policies that need neither ignore it (the default).
     *
     * @param keyHash the key's hash, as later given to {@link #onInsert}
     * @param weight  the entry's weight, as later given to {@link #onInsert(int, long, long)}
     */
    default void onMiss(final long keyHash, final long weight) {
    }

    /**
     * Sets the capacity of the cache in weight units (bytes for a cache bounded in bytes). Until
     * called, the maximum weight is the number of slots, each entry weighing 1. May be called again
     * later; a policy that depends on it adapts its targets from its next decision. Policies whose
     * choices do not depend on weights ignore it (the default).
     *
     * @param maximumWeight the most weight the cache holds, at least 0
     */
    default void setMaximumWeight(final long maximumWeight) {
    }

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
