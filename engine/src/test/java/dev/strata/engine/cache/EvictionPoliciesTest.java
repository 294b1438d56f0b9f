package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EvictionPolicies}: every shipped policy by name, in any case. */
class EvictionPoliciesTest {
    @Test
    void everyPolicyIsRegisteredUnderItsOwnName() {
        assertEquals(List.of("ARC", "CLOCK", "FIFO", "LFU", "LRU", "SIEVE", "W-TINYLFU"), EvictionPolicies.names());
        for (String name : EvictionPolicies.names()) {
            assertEquals(name, EvictionPolicies.factory(name).create(4).name());
            assertEquals(name, EvictionPolicies.factory(name.toLowerCase(java.util.Locale.ROOT)).create(0).name());
        }
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvictionPolicies.factory("MRU"));
        assertTrue(e.getMessage().contains("'MRU'") && e.getMessage().contains("W-TINYLFU"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EvictionPolicies.factory(null));
    }
}
