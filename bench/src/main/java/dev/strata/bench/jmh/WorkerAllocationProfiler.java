package dev.strata.bench.jmh;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Heap bytes allocated per operation by the benchmark's own worker threads only:
 * {@code strata bench ... -prof dev.strata.bench.jmh.WorkerAllocationProfiler}.
 *
 * <p>Why, next to {@code -prof gc}: JMH 1.37's {@code gc.alloc.rate.norm} sums the allocation of
 * every thread in the fork, including the harness's own bookkeeping (a few KB per iteration,
 * whatever the benchmark does). Divided by the operations of one iteration, that floor exceeds
 * 0.1 B/op for any operation slower than about 15 µs, although the code under test allocates
 * nothing. This profiler reads {@link ThreadMXBean#getThreadAllocatedBytes(long)} for the threads
 * JMH names {@code *-jmh-worker-*} before and after each iteration and divides by all operations the
 * workers ran in it, so the figure is the benchmark's allocation per operation (plus the worker's
 * per-iteration loop overhead, amortised the same way). Run a baseline benchmark in the same run to
 * see what that overhead is.
 */
public final class WorkerAllocationProfiler implements InternalProfiler {
    private static final ThreadMXBean THREADS = (ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before = new HashMap<>();

    @Override
    public String getDescription() {
        return "Heap allocation per operation of the JMH worker threads only (excludes harness threads)";
    }

    @Override
    public void beforeIteration(final BenchmarkParams benchmarkParams, final IterationParams iterationParams) {
        before.clear();
        for (Thread t : workers()) {
            before.put(t.getId(), THREADS.getThreadAllocatedBytes(t.getId()));
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's InternalProfiler declares its return type with the raw Result
    public Collection<? extends Result> afterIteration(final BenchmarkParams benchmarkParams,
        final IterationParams iterationParams, final IterationResult result) {
        long allocated = 0;
        for (Thread t : workers()) {
            final long now = THREADS.getThreadAllocatedBytes(t.getId());
            allocated += now - before.getOrDefault(t.getId(), 0L);
        }
        final long ops = Math.max(1, result.getMetadata().getAllOps());
        return List.of(new ScalarResult("worker.alloc.norm", allocated / (double)ops, "B/op", AggregationPolicy.AVG));
    }

    private static List<Thread> workers() {
        final Thread[] all = new Thread[Thread.activeCount() * 2 + 16];
        final int n = Thread.enumerate(all);
        final List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (all[i].getName().contains("jmh-worker")) {
                workers.add(all[i]);
            }
        }
        return workers;
    }
}
