package dev.strata.bench.jmh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor of a durable put on this machine, measured in the same run as the store benchmarks:
 * append the 100-byte value to a file and {@code FileChannel.force(false)} (fdatasync), per
 * operation. The methods have the names of the stores' durable puts so that results line up:
 * {@code durablePut1} is one thread's fdatasync latency (1 / throughput); {@code durablePut16} is
 * 16 threads appending to the same file, each forcing after its own append (what the device and
 * file system give concurrent syncs without any group commit above them). The file is in a fresh
 * directory under {@code java.io.tmpdir}, like the stores' data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class FsyncBenchmark {
    private Path dir;
    private FileChannel channel;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = TierSetup.freshDirectory("store-fsync");
        channel = FileChannel.open(dir.resolve("log"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    @Benchmark
    @Threads(1)
    public long durablePut1(final StoreWriterThread w) throws IOException {
        return appendAndForce(w);
    }

    @Benchmark
    @Threads(16)
    public long durablePut16(final StoreWriterThread w) throws IOException {
        return appendAndForce(w);
    }

    private long appendAndForce(final StoreWriterThread w) throws IOException {
        final ByteBuffer record = w.valueBuffer(w.nextKey());
        long written = 0;
        while (record.hasRemaining()) {
            written += channel.write(record);
        }
        channel.force(false);
        return written;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            channel.close();
        } finally {
            TierSetup.deleteRecursively(dir);
        }
    }
}
