package dev.strata.engine.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SievePolicy} against the contract, with a model after the NSDI'24 paper's pseudo-code: a
 * list from oldest to newest, a visited bit per entry and a hand that is an index into the list.
 */
class SievePolicyContractTest extends EvictionPolicyContract {
    @Override
    protected EvictionPolicy create(final int capacity) {
        return new SievePolicy(capacity);
    }

    @Override
    protected Model model(final int capacity) {
        return new HandModel();
    }

    private static final class HandModel implements Model {
        private final List<Integer> order = new ArrayList<>();
        private final Map<Integer, Boolean> visited = new HashMap<>();
        /** The slot the hand rests on, or null for "start at the oldest". */
        private Integer hand;

        @Override
        public void insert(final int slot, final long keyHash) {
            order.add(slot);
            visited.put(slot, false);
        }

        @Override
        public void access(final int slot) {
            visited.put(slot, true);
        }

        @Override
        public void update(final int slot) {
            visited.put(slot, true);
        }

        @Override
        public void remove(final int slot) {
            if (Integer.valueOf(slot).equals(hand)) {
                hand = newer(slot);
            }
            order.remove(Integer.valueOf(slot));
            visited.remove(slot);
        }

        @Override
        public int victim(final EvictionPolicy.SlotPredicate evictable) {
            if (order.isEmpty()) {
                return EvictionPolicy.NO_VICTIM;
            }
            int i = hand == null ? 0 : order.indexOf(hand);
            for (int steps = 0; steps < 2 * order.size(); steps++) {
                final int slot = order.get(i);
                if (evictable.test(slot)) {
                    if (!visited.get(slot)) {
                        hand = newer(slot);
                        order.remove(i);
                        visited.remove(slot);
                        return slot;
                    }
                    visited.put(slot, false);
                }
                i = (i + 1) % order.size();
            }
            return EvictionPolicy.NO_VICTIM;
        }

        private Integer newer(final int slot) {
            final int i = order.indexOf(slot);
            return i + 1 < order.size() ? order.get(i + 1) : null;
        }
    }
}
