package dev.strata.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.engine.cache.EvictionPolicies;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** {@link StoreCachePolicyBenchmark} outside JMH: its policy list, and a small trial of every mode that reads correct values. */
class StoreCachePolicyBenchmarkTest {
    @Test
    void itBenchmarksEveryShippedPolicy() throws NoSuchFieldException {
        final Param param = StoreCachePolicyBenchmark.class.getField("policy").getAnnotation(Param.class);
        assertArrayEquals(EvictionPolicies.names().toArray(new String[0]), param.value(), "@Param must list EvictionPolicies.names()");
    }

    @Test
    void aSmallTrialReadsEveryKeyItDraws() {
        for (String cache : new String[] {"block", "row"}) {
            final StoreCachePolicyBenchmark b = new StoreCachePolicyBenchmark();
            b.policy = "LRU";
            b.cache = cache;
            b.keys = 20_000;
            b.setUp();
            try {
                for (int i = 0; i < 20_000; i++) {
                    assertEquals(StoreWorkload.VALUE_LENGTH, b.get(), cache);
                }
                final String summary = b.summary();
                assertTrue(summary.contains("cache=" + cache), summary);
                assertTrue(cache.equals("block") ? summary.contains("row hit ratio 0.0000 (0 entries") : !summary.contains("row hit ratio 0.0000"),
                    summary);
            } finally {
                b.tearDown();
            }
        }
    }
}
