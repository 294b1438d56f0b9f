package dev.strata.engine.cache;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ClockPolicy} against the contract, with a model that is libCacheSim's description taken
 * literally: a list from oldest to newest and a bit per entry; the oldest evictable entry with its
 * bit set has it cleared and goes to the new end, the first evictable one with a clear bit goes.
 */
class ClockPolicyContractTest extends EvictionPolicyContract {
    @Override
    protected EvictionPolicy create(final int capacity) {
        return new ClockPolicy(capacity);
    }

    @Override
    protected Model model(final int capacity) {
        return new SecondChanceModel();
    }

    private static final class SecondChanceModel implements Model {
        private final List<Integer> order = new ArrayList<>();
        private final Map<Integer, Boolean> bit = new HashMap<>();

        @Override
        public void insert(final int slot, final long keyHash) {
            order.add(slot);
            bit.put(slot, false);
        }

        @Override
        public void access(final int slot) {
            bit.put(slot, true);
        }

        @Override
        public void update(final int slot) {
            bit.put(slot, true);
        }

        @Override
        public void remove(final int slot) {
            order.remove(Integer.valueOf(slot));
            bit.remove(slot);
        }

        @Override
        public int victim(final EvictionPolicy.SlotPredicate evictable) {
            int i = 0;
            while (i < order.size()) {
                final int slot = order.get(i);
                if (!evictable.test(slot)) {
                    i++;
                } else if (!bit.get(slot)) {
                    order.remove(i);
                    bit.remove(slot);
                    return slot;
                } else {
                    bit.put(slot, false);
                    order.remove(i);
                    order.add(slot); // i now points at the next one (or at slot again if it was last)
                }
            }
            return EvictionPolicy.NO_VICTIM;
        }
    }
}
