package dev.strata.engine.cache;

/**
 * Rebuilds a shard's eviction state under another policy without dropping a cached entry: the
 * runtime policy switch of {@link BlockCache#switchPolicy} and {@link RowCache#switchPolicy}.
 *
 * <p>The old policy is drained with {@link EvictionPolicy#victim} (accepting every slot), which
 * yields the entries in the order it would have evicted them, and each is inserted into the new
 * policy in that order: the entry the old policy would evict first is the oldest in the new one,
 * so a switch from LRU keeps the recency order. What the new policy knew about keys that are no
 * longer cached (frequencies, ghost lists) starts empty. Entries the drain did not yield (a policy
 * that refuses to name some victims) are inserted afterwards in slot order. Runs under the shard's
 * lock; it allocates (the new policy, one marker array), so it is an administrative operation.
 */
final class PolicySwitch {
    /** What the shard tells the switch about its slots. */
    interface Slots {
        /** @return whether the slot holds an entry that the policy tracks */
        boolean tracked(int slot);

        /** @return the key hash the entry in the slot was inserted with */
        long keyHash(int slot);
    }

    private PolicySwitch() {
    }

    /**
     * @return the new policy, tracking exactly the slots the old one tracked
     * @throws IllegalStateException if the factory returned a policy that is not empty
     */
    static EvictionPolicy rebuild(final EvictionPolicy old, final EvictionPolicy.Factory factory, final int capacity, final Slots slots) {
        final EvictionPolicy fresh = factory.create(capacity);
        if (fresh == null || fresh.size() != 0) {
            throw new IllegalStateException("the policy factory must return a new, empty policy, got " + fresh);
        }
        final boolean[] moved = new boolean[capacity];
        for (int i = 0, n = old.size(); i < n; i++) {
            final int slot = old.victim(EvictionPolicy.SlotPredicate.ANY);
            if (slot < 0) {
                break;
            }
            if (slots.tracked(slot) && !moved[slot]) {
                fresh.onInsert(slot, slots.keyHash(slot));
                moved[slot] = true;
            }
        }
        for (int slot = 0; slot < capacity; slot++) {
            if (slots.tracked(slot) && !moved[slot]) {
                fresh.onInsert(slot, slots.keyHash(slot));
            }
        }
        return fresh;
    }
}
