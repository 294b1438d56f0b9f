package dev.strata.bench.lab.eviction;

import dev.strata.bench.lab.LabProgress;
import dev.strata.engine.cache.EvictionPolicies;
import dev.strata.engine.cache.EvictionPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The eviction lab: replays one trace through each chosen policy at each capacity, through
 * Bélády's OPT (the limit) and through Caffeine (the external reference), and collects the hit
 * ratios in an {@link EvictionReport}. Policies come from {@link EvictionPolicies} by name, so a
 * policy added there appears here without change.
 */
public final class EvictionLab {
    /** The OPT row's name. */
    public static final String OPT = "OPT";

    private final List<String> policies;
    private final boolean opt;
    private final boolean caffeine;

    /**
     * @param policies policy names as {@link EvictionPolicies#names()} lists them (any case), or
     *                 {@code ["all"]}; {@code null} or empty means all
     * @param opt      whether to add the OPT row
     * @param caffeine whether to add the Caffeine row
     * @throws IllegalArgumentException for an unknown policy name (the message lists the known ones)
     */
    public EvictionLab(final List<String> policies, final boolean opt, final boolean caffeine) {
        this.policies = resolve(policies);
        this.opt = opt;
        this.caffeine = caffeine;
    }

    private static List<String> resolve(final List<String> names) {
        if (names == null || names.isEmpty() || names.size() == 1 && names.get(0).trim().equalsIgnoreCase("all")) {
            return EvictionPolicies.names();
        }
        final List<String> resolved = new ArrayList<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("--policies has an empty entry: use e.g. --policies lru,arc or all");
            }
            EvictionPolicies.factory(name.trim()); // fails with the list of known names
            final String upper = name.trim().toUpperCase(Locale.ROOT);
            if (!resolved.contains(upper)) {
                resolved.add(upper);
            }
        }
        return resolved;
    }

    /** @return the policy names this lab runs, in order */
    public List<String> policies() {
        return policies;
    }

    /**
     * @param trace      the requests
     * @param capacities ascending capacities, entries or bytes ({@link Trace#weighted()})
     * @param progress   told of each replay
     * @return one row per policy, then OPT and Caffeine, each with one result per capacity
     */
    public EvictionReport run(final Trace trace, final long[] capacities, final LabProgress progress) {
        progress.begin((long)(policies.size() + (opt ? 1 : 0) + (caffeine ? 1 : 0)) * capacities.length);
        final Map<String, List<SimResult>> rows = new LinkedHashMap<>();
        for (String name : policies) {
            final EvictionPolicy.Factory factory = EvictionPolicies.factory(name);
            final List<SimResult> row = new ArrayList<>();
            for (long capacity : capacities) {
                progress.starting(name + " @ " + CacheSizes.label(capacity, trace.weighted()));
                row.add(CacheSimulator.replay(trace, factory, capacity));
                progress.done();
            }
            rows.put(row.get(0).policy(), row);
        }
        if (opt) {
            final int[] next = Belady.nextUses(trace);
            final List<SimResult> row = new ArrayList<>();
            for (long capacity : capacities) {
                progress.starting(OPT + " @ " + CacheSizes.label(capacity, trace.weighted()));
                row.add(Belady.replay(trace, next, capacity));
                progress.done();
            }
            rows.put(OPT, row);
        }
        if (caffeine) {
            final List<SimResult> row = new ArrayList<>();
            for (long capacity : capacities) {
                progress.starting(CaffeineReference.NAME + " @ " + CacheSizes.label(capacity, trace.weighted()));
                row.add(CaffeineReference.replay(trace, capacity));
                progress.done();
            }
            rows.put(CaffeineReference.NAME, row);
        }
        return new EvictionReport(trace, capacities, rows);
    }
}
