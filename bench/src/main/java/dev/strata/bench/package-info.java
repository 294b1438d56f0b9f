/**
 * Benchmarks, the {@code strata} command line and its labs.
 *
 * <h2>What this package owns</h2>
 * JMH suites (run from {@code bench/target/strata.jar}), the picocli {@code strata} command with
 * its labs ({@code lab compression}, later eviction and ACID-vs-BASE), the tour, peer
 * comparisons and HTML reports. Nothing here is a dependency of another module.
 *
 * <h2>Priorities</h2>
 * Honest numbers: peers measured in the same run, ratios rather than absolute figures, allocation
 * measured with {@code -prof gc}. Labs fail with a one-line error and a non-zero exit on bad input.
 */
package dev.strata.bench;
