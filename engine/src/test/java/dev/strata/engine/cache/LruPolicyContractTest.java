package dev.strata.engine.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;

/** {@link LruPolicy} against the contract, with a {@link LinkedHashMap} in access order as its exact model. */
class LruPolicyContractTest extends EvictionPolicyContract {
    @Override
    protected EvictionPolicy create(final int capacity) {
        return new LruPolicy(capacity);
    }

    @Override
    protected Model model(final int capacity) {
        return new LinkedHashMapModel();
    }

    /** Iteration order is least recently used first; {@code get} moves a key to the end. */
    private static final class LinkedHashMapModel implements Model {
        private final LinkedHashMap<Integer, Boolean> order = new LinkedHashMap<>(16, 0.75f, true);

        @Override
        public void insert(final int slot, final long keyHash) {
            order.put(slot, Boolean.TRUE);
        }

        @Override
        public void access(final int slot) {
            order.get(slot);
        }

        @Override
        public void update(final int slot) {
            order.get(slot);
        }

        @Override
        public void remove(final int slot) {
            order.remove(slot);
        }

        @Override
        public int victim(final EvictionPolicy.SlotPredicate evictable) {
            for (Iterator<Integer> it = order.keySet().iterator(); it.hasNext(); ) {
                final int slot = it.next();
                if (evictable.test(slot)) {
                    it.remove();
                    return slot;
                }
            }
            return EvictionPolicy.NO_VICTIM;
        }
    }
}
