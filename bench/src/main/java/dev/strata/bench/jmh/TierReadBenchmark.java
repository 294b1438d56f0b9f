package dev.strata.bench.jmh;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.file.SegmentFileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
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
 * {@link FileChannel} ({@code tier=raw}) in the same run. The segment is written just before, so
 * it is in the page cache (except for O_DIRECT): this measures each read path's overhead, not the
 * disk. Positions come from a seeded generator, identical for every tier.
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
    static final long SEGMENT_BYTES = 256L << 20;
    static final int READ_SIZE = 4096;

    @Param({"raw", "file-pread", "file-mmap", "block-buffered", "raw-on-file-tier"})
    public String tier;

    private Path dir;
    private Tier store;
    private SegmentReader reader;
    private FileChannel raw;
    /** Where the data starts in {@link #raw}: 0, or the file tier's header length for {@code raw-on-file-tier}. */
    private long rawBase;
    private UnsafeBuffer target;
    private ByteBuffer targetBuffer;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = TierSetup.freshDirectory(tier);
        targetBuffer = BufferUtil.allocateDirectAligned(READ_SIZE, 4096);
        target = new UnsafeBuffer(targetBuffer);
        random = new SplittableRandom(42);
        final ByteBuffer chunkBuffer = BufferUtil.allocateDirectAligned(1 << 20, 4096);
        final UnsafeBuffer chunk = new UnsafeBuffer(chunkBuffer);
        for (int i = 0; i < chunk.capacity(); i++) {
            chunk.putByte(i, (byte)(i * 31));
        }
        if ("raw".equals(tier)) {
            final Path file = dir.resolve("read.seg");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (long done = 0; done < SEGMENT_BYTES; done += chunk.capacity()) {
                    chunkBuffer.clear();
                    while (chunkBuffer.hasRemaining()) {
                        ch.write(chunkBuffer);
                    }
                }
                ch.force(false);
            }
            raw = FileChannel.open(file, StandardOpenOption.READ);
        } else {
            store = TierSetup.open("raw-on-file-tier".equals(tier) ? "file-pread" : tier, dir);
            final SegmentWriter w = store.create(1);
            for (long done = 0; done < SEGMENT_BYTES; done += chunk.capacity()) {
                w.append(chunk, 0, chunk.capacity());
            }
            w.seal();
            if ("raw-on-file-tier".equals(tier)) {
                // the file tier's own segment file, read by a raw channel: separates the file from the read path
                raw = FileChannel.open(dir.resolve(String.format("%016x.seg", 1)), StandardOpenOption.READ);
                rawBase = SegmentFileDescriptor.HEADER_LENGTH;
            } else {
                reader = store.open(1);
            }
        }
    }

    @Benchmark
    public int randomRead() throws IOException {
        final long position = random.nextLong(SEGMENT_BYTES / READ_SIZE) * READ_SIZE;
        if (raw != null) {
            targetBuffer.clear();
            int n = 0;
            while (targetBuffer.hasRemaining()) {
                n += raw.read(targetBuffer, rawBase + position + n);
            }
            return n;
        }
        return reader.read(position, target, 0, READ_SIZE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            if (raw != null) {
                raw.close();
            }
            if (reader != null) {
                reader.close();
            }
            if (store != null) {
                store.close();
            }
        } finally {
            TierSetup.deleteRecursively(dir);
        }
    }
}
