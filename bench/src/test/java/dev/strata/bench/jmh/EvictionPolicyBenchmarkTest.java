package dev.strata.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.engine.cache.EvictionPolicies;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** {@link EvictionPolicyBenchmark} outside JMH: its policy list, its Zipf pattern and both methods. */
class EvictionPolicyBenchmarkTest {
    @Test
    void itBenchmarksEveryShippedPolicy() throws NoSuchFieldException {
        final Param param = EvictionPolicyBenchmark.class.getField("policy").getAnnotation(Param.class);
        assertArrayEquals(EvictionPolicies.names().toArray(new String[0]), param.value(), "@Param must list EvictionPolicies.names()");
    }

    @Test
    void thePatternIsSkewed() {
        final int[] slots = EvictionPolicyBenchmark.zipfSlots(new SplittableRandom(42));
        final int[] counts = new int[EvictionPolicyBenchmark.SLOTS];
        for (int slot : slots) {
            counts[slot]++;
        }
        java.util.Arrays.sort(counts);
        long top = 0;
        for (int i = counts.length - 655; i < counts.length; i++) {
            top += counts[i];
        }
        final double share = (double)top / slots.length;
        assertTrue(share > 0.4 && share < 0.7, "the hottest 1 % of slots take " + share + " of accesses");
    }

    @Test
    void bothMethodsRunOnEveryPolicyAndReturnTrackedSlots() {
        for (String name : EvictionPolicies.names()) {
            final EvictionPolicyBenchmark benchmark = new EvictionPolicyBenchmark();
            benchmark.policy = name;
            benchmark.setUp();
            for (int i = 0; i < 10_000; i++) {
                final int hit = benchmark.hit();
                final int victim = benchmark.missAndEvict();
                assertTrue(hit >= 0 && hit < EvictionPolicyBenchmark.SLOTS, name);
                assertTrue(victim >= 0 && victim < EvictionPolicyBenchmark.SLOTS, name + " victim " + victim);
            }
            assertEquals(name, EvictionPolicies.factory(name).create(1).name());
        }
    }
}
