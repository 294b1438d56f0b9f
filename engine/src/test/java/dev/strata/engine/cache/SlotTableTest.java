package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SlotTable}: colliding keys (with a probe run that wraps around) and random operations against a {@link HashMap}. */
class SlotTableTest {
    private record Key(long segment, long offset) {
        long hash() {
            return SlotTable.hash(segment, offset);
        }
    }

    /** @return {@code n} keys of segment 7 whose home bucket in a table of {@code buckets} is {@code home} */
    private static List<Key> keysWithHome(final int home, final int buckets, final int n) {
        final List<Key> keys = new ArrayList<>();
        for (long offset = 0; keys.size() < n; offset += 4096) {
            final Key key = new Key(7, offset);
            if (((int)key.hash() & (buckets - 1)) == home) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Test
    void deletionKeepsEveryCollidingKeyReachableAcrossTheEndOfTheTable() {
        final int slots = 8; // 32 buckets
        final List<Key> keys = new ArrayList<>(keysWithHome(31, 32, 4));
        keys.addAll(keysWithHome(0, 32, 3));
        keys.add(keysWithHome(2, 32, 1).get(0)); // its run is pushed on by the wrapped entries
        for (int removeFirst = 0; removeFirst < keys.size(); removeFirst++) {
            final SlotTable table = new SlotTable(slots);
            for (int slot = 0; slot < keys.size(); slot++) {
                table.put(keys.get(slot).hash(), keys.get(slot).segment(), keys.get(slot).offset(), slot);
            }
            table.remove(removeFirst);
            for (int slot = 0; slot < keys.size(); slot++) {
                final Key key = keys.get(slot);
                assertEquals(slot == removeFirst ? -1 : slot, table.find(key.hash(), key.segment(), key.offset()),
                    "key of slot " + slot + " after removing slot " + removeFirst);
            }
        }
    }

    @Test
    void randomPutsAndRemovesMatchAHashMap() {
        final Random random = new Random(Seeds.seed("SlotTableTest.randomPutsAndRemoves"));
        for (int round = 0; round < 20; round++) {
            final int slots = 1 + random.nextInt(100);
            final SlotTable table = new SlotTable(slots);
            final Map<Key, Integer> model = new HashMap<>();
            final Key[] bySlot = new Key[slots];
            for (int step = 0; step < 5_000; step++) {
                final int slot = random.nextInt(slots);
                if (bySlot[slot] != null) {
                    table.remove(slot);
                    model.remove(bySlot[slot]);
                    bySlot[slot] = null;
                } else {
                    final Key key = new Key(random.nextInt(4), random.nextInt(64) * 4096L);
                    if (!model.containsKey(key)) {
                        table.put(key.hash(), key.segment(), key.offset(), slot);
                        model.put(key, slot);
                        bySlot[slot] = key;
                    }
                }
                final Key probe = new Key(random.nextInt(4), random.nextInt(64) * 4096L);
                assertEquals((int)model.getOrDefault(probe, -1), table.find(probe.hash(), probe.segment(), probe.offset()),
                    "round " + round + ", step " + step);
            }
            for (Map.Entry<Key, Integer> e : model.entrySet()) {
                assertEquals((int)e.getValue(), table.find(e.getKey().hash(), e.getKey().segment(), e.getKey().offset()));
            }
        }
    }
}
