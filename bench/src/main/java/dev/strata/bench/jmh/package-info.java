/**
 * JMH benchmarks, run with {@code strata bench [JMH args]} ({@link dev.strata.bench.jmh.JmhLauncher}
 * gives forked JVMs Strata's flags).
 *
 * <h2>Rules</h2>
 * Strata and its peers (the raw libraries) are benchmarked in classes with identical method names
 * and parameters over identical input ({@link dev.strata.bench.jmh.BenchmarkBlocks}), so that
 * ratios come from one run; setup verifies round trips and that peers are configured alike.
 * Hot-path benchmarks are run with {@code -prof gc}. Benchmarks never live in {@code src/test}.
 */
package dev.strata.bench.jmh;
