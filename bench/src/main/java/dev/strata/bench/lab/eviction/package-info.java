/**
 * The eviction lab ({@code strata lab eviction}): replays request traces through every
 * {@link dev.strata.engine.cache.EvictionPolicy} that {@link dev.strata.engine.cache.EvictionPolicies}
 * names, through Bélády's OPT and through Caffeine, and reports hit ratio by cache size.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link dev.strata.bench.lab.eviction.Trace}: requests in primitive arrays, keys numbered
 *       densely; built by {@link dev.strata.bench.lab.eviction.TraceReader} (lirs, arc,
 *       oracle-general, csv; gzip or zstd), {@link dev.strata.bench.lab.eviction.SyntheticWorkload}
 *       (seeded Zipf, uniform, scan, loop, shifting hot set, mixes) or
 *       {@link dev.strata.bench.lab.eviction.StoreCapture} (a real store's reads through
 *       {@link dev.strata.engine.cache.AccessTraceRecorder}).</li>
 *   <li>{@link dev.strata.bench.lab.eviction.CacheSimulator} (a policy at a capacity in entries or
 *       bytes), {@link dev.strata.bench.lab.eviction.Belady} (OPT) and
 *       {@link dev.strata.bench.lab.eviction.CaffeineReference}: one
 *       {@link dev.strata.bench.lab.eviction.SimResult} per replay.</li>
 *   <li>{@link dev.strata.bench.lab.eviction.EvictionLab} runs the grid;
 *       {@link dev.strata.bench.lab.eviction.EvictionReport} prints the table and writes CSV and a
 *       self-contained HTML page of curves.</li>
 * </ul>
 *
 * <h2>Semantics</h2>
 * Demand caching as libCacheSim simulates it: every miss inserts the object, evicting until it
 * fits; an object larger than the cache is not inserted. Replays allocate nothing per request
 * (except the Caffeine row, which boxes keys).
 *
 * <h2>Errors</h2>
 * Unusable input (a missing, unreadable or malformed trace, an empty one) is a
 * {@link dev.strata.bench.lab.LabInputException} with a one-line message; bad sizes, policies or
 * synthetic specs are {@link java.lang.IllegalArgumentException}s that the command line turns into
 * usage errors.
 */
package dev.strata.bench.lab.eviction;
