package dev.strata.engine.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;

/** {@link FifoPolicy} against the contract, with a {@link LinkedHashMap} in insertion order as its exact model. */
class FifoPolicyContractTest extends EvictionPolicyContract {
    @Override
    protected EvictionPolicy create(final int capacity) {
        return new FifoPolicy(capacity);
    }

    @Override
    protected Model model(final int capacity) {
        return new InsertionOrderModel();
    }

    /** Iteration order is insertion order; hits and updates change nothing. */
    private static final class InsertionOrderModel implements Model {
        private final LinkedHashMap<Integer, Boolean> order = new LinkedHashMap<>();

        @Override
        public void insert(final int slot, final long keyHash) {
            order.put(slot, Boolean.TRUE);
        }

        @Override
        public void access(final int slot) {
        }

        @Override
        public void update(final int slot) {
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
