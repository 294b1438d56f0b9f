package dev.strata.bench.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sequential appends of 4 KiB and 64 KiB records, with and without a sync after each, on each tier
 * and on a raw {@link java.nio.channels.FileChannel} ({@code tier=raw}: {@code write} +
 * {@code force(false)}) in the same run: the workload of {@link TierAppendWorkload} (a roll to a
 * new segment every 64 MiB is part of the cost). MB/s = records/s × record size.
 * Allocation: {@code -prof gc -prof dev.strata.bench.jmh.WorkerAllocationProfiler}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class TierAppendBenchmark {
    @Param({"raw", "file-pread", "block-buffered"})
    public String tier;

    @Param({"4096", "65536"})
    public int recordSize;

    @Param({"false", "true"})
    public boolean syncEachRecord;

    private Path dir;
    private TierAppendWorkload workload;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = TierSetup.freshDirectory(tier);
        workload = new TierAppendWorkload(tier, dir, recordSize, syncEachRecord);
    }

    @Benchmark
    public long append() throws IOException {
        return workload.once();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            workload.close();
        } finally {
            TierSetup.deleteRecursively(dir);
        }
    }
}
