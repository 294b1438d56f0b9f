package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link GhostLists} against a {@link HashMap} and two lists, on random adds and removes (including colliding keys). */
class GhostListsTest {
    @Test
    void randomAddsAndRemovesMatchTheModel() {
        final long seed = Seeds.seed("GhostListsTest.random");
        final Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            final int capacity = 1 + random.nextInt(300);
            final GhostLists ghosts = new GhostLists(capacity, 2);
            final Map<Long, Integer> listOf = new HashMap<>();
            final List<List<Long>> order = List.of(new ArrayList<>(), new ArrayList<>());
            for (int step = 0; step < 5_000; step++) {
                final long key = random.nextBoolean() ? random.nextInt(2 * capacity) : random.nextLong();
                final String where = "seed " + seed + ", round " + round + ", step " + step;
                final int found = ghosts.find(key);
                assertEquals(listOf.containsKey(key), found != GhostLists.ABSENT, where);
                if (found != GhostLists.ABSENT) {
                    assertEquals((int)listOf.get(key), ghosts.listOf(found), where);
                    ghosts.remove(found);
                    order.get(listOf.remove(key)).remove(Long.valueOf(key));
                } else {
                    final int list = random.nextInt(2);
                    if (ghosts.isFull()) {
                        final int from = order.get(0).isEmpty() ? 1 : 0;
                        final int oldest = ghosts.oldest(from);
                        final long oldestKey = order.get(from).remove(0);
                        assertEquals(ghosts.find(oldestKey), oldest, where);
                        ghosts.remove(oldest);
                        listOf.remove(oldestKey);
                    }
                    ghosts.addNewest(list, key, step);
                    listOf.put(key, list);
                    order.get(list).add(key);
                }
                assertEquals(order.get(0).size(), ghosts.count(0), where);
                assertEquals(order.get(1).size(), ghosts.count(1), where);
            }
            for (Map.Entry<Long, Integer> e : listOf.entrySet()) {
                assertTrue(ghosts.find(e.getKey()) != GhostLists.ABSENT, "seed " + seed);
            }
        }
    }
}
