package dev.strata.engine.cache;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link LfuPolicy} (with its default aging) against the contract, with a model that keeps a count
 * and a "joined its count" tick per entry and sorts: the victim is the least count, then the
 * earliest tick. Aging is modelled independently of buckets: every {@code max(16, 10 × capacity)}
 * hits each count halves (at least 1), and entries are re-ticked in the order (new count, old count,
 * old tick), which is what merging buckets in ascending order must produce.
 */
class LfuPolicyContractTest extends EvictionPolicyContract {
    @Override
    protected EvictionPolicy create(final int capacity) {
        return new LfuPolicy(capacity);
    }

    @Override
    protected Model model(final int capacity) {
        return new CountModel(Math.max(16L, 10L * capacity));
    }

    private static final class CountModel implements Model {
        private final Map<Integer, long[]> entries = new HashMap<>(); // slot -> {count, tick}
        private final long agingPeriod;
        private long tick;
        private long hits;

        CountModel(final long agingPeriod) {
            this.agingPeriod = agingPeriod;
        }

        @Override
        public void insert(final int slot, final long keyHash) {
            entries.put(slot, new long[] {1, tick++});
        }

        @Override
        public void access(final int slot) {
            final long[] e = entries.get(slot);
            e[0]++;
            e[1] = tick++;
            if (++hits >= agingPeriod) {
                hits = 0;
                age();
            }
        }

        @Override
        public void update(final int slot) {
            access(slot);
        }

        @Override
        public void remove(final int slot) {
            entries.remove(slot);
        }

        @Override
        public int victim(final EvictionPolicy.SlotPredicate evictable) {
            final List<Integer> order = sorted(Comparator.comparingLong((Integer s) -> entries.get(s)[0])
                .thenComparingLong(s -> entries.get(s)[1]));
            for (int slot : order) {
                if (evictable.test(slot)) {
                    entries.remove(slot);
                    return slot;
                }
            }
            return EvictionPolicy.NO_VICTIM;
        }

        private void age() {
            final List<Integer> order = sorted(Comparator.comparingLong((Integer s) -> Math.max(1, entries.get(s)[0] >>> 1))
                .thenComparingLong(s -> entries.get(s)[0])
                .thenComparingLong(s -> entries.get(s)[1]));
            for (int slot : order) {
                final long[] e = entries.get(slot);
                e[0] = Math.max(1, e[0] >>> 1);
                e[1] = tick++;
            }
        }

        private List<Integer> sorted(final Comparator<Integer> comparator) {
            final List<Integer> order = new ArrayList<>(entries.keySet());
            order.sort(comparator);
            return order;
        }
    }
}
