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
 * Random 4 KiB positional reads of a sealed 256 MiB segment on each tier and on a raw
 * {@link java.nio.channels.FileChannel} ({@code tier=raw}) in the same run: the workload of
 * {@link TierReadWorkload}. The segment is written just before, so it is in the page cache (except
 * for O_DIRECT): this measures each read path's overhead, not the disk.
 *
 * <p>{@code tier=raw-on-file-tier} reads the file tier's own segment file with a raw
 * {@code FileChannel} at its data offset: it separates what the file costs (how the page cache
 * holds it) from what the tier's read path costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class TierReadBenchmark {
    static final int READ_SIZE = 4096;

    @Param({"raw", "file-pread", "file-mmap", "block-buffered", "raw-on-file-tier"})
    public String tier;

    private Path dir;
    private TierReadWorkload workload;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = TierSetup.freshDirectory(tier);
        workload = new TierReadWorkload(tier, dir, READ_SIZE);
    }

    @Benchmark
    public long randomRead() throws IOException {
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
