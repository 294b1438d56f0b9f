package dev.strata.engine.cache;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The eviction policies that Strata ships, by name, for configuration, the eviction lab and the
 * benchmarks. Names are case-insensitive ({@code "lru"}, {@code "LRU"}) and equal each policy's
 * {@link EvictionPolicy#name()}: LRU, FIFO, CLOCK, SIEVE, LFU (with aging), ARC and W-TINYLFU.
 */
public final class EvictionPolicies {
    private static final Map<String, EvictionPolicy.Factory> BY_NAME = new TreeMap<>();

    static {
        BY_NAME.put("LRU", LruPolicy::new);
        BY_NAME.put("FIFO", FifoPolicy::new);
        BY_NAME.put("CLOCK", ClockPolicy::new);
        BY_NAME.put("SIEVE", SievePolicy::new);
        BY_NAME.put("LFU", LfuPolicy::new);
        BY_NAME.put("ARC", ArcPolicy::new);
        BY_NAME.put("W-TINYLFU", WTinyLfuPolicy::new);
    }

    private EvictionPolicies() {
    }

    /**
     * @param name a policy name, as listed by {@link #names()}, in any case
     * @return the factory for that policy
     * @throws IllegalArgumentException if no policy has that name; the message lists the known ones
     */
    public static EvictionPolicy.Factory factory(final String name) {
        final EvictionPolicy.Factory f = name == null ? null : BY_NAME.get(name.toUpperCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("unknown eviction policy '" + name + "'; known policies: " + String.join(", ", names()));
        }
        return f;
    }

    /** @return the names of all shipped policies, in a stable order */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
