package dev.strata.bench.jmh;

import java.io.IOException;

/** One operation of a tier benchmark's workload, on one tier or on a raw file: what JMH and {@link InterleavedTierRun} both run. */
interface TierWorkload extends AutoCloseable {
    /** Does one operation; @return a value the caller consumes (so the JIT cannot drop the work) */
    long once() throws IOException;

    @Override
    void close() throws IOException;
}
