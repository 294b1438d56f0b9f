package dev.strata.bench.jmh;

import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * Sequential appends of 4 KiB and 64 KiB records, with and without a sync after each, on each tier
 * and on a raw {@link FileChannel} ({@code tier=raw}: {@code write} + {@code force(false)}) in the
 * same run. MB/s = records/s × record size.
 *
 * <p>Appends roll to a new segment every {@link #SEGMENT_BYTES} (seal, delete the previous one),
 * so disk use stays bounded; the roll is part of the measured cost, amortised over its records.
 * Allocation: {@code -prof gc -prof dev.strata.bench.jmh.WorkerAllocationProfiler}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class TierAppendBenchmark {
    static final long SEGMENT_BYTES = 64L << 20;

    @Param({"raw", "file-pread", "block-buffered"})
    public String tier;

    @Param({"4096", "65536"})
    public int recordSize;

    @Param({"false", "true"})
    public boolean syncEachRecord;

    private Path dir;
    private Tier store;
    private SegmentWriter writer;
    private FileChannel raw;
    private long segmentId;
    private long written;
    private UnsafeBuffer record;
    private ByteBuffer recordBuffer;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = TierSetup.freshDirectory(tier);
        recordBuffer = BufferUtil.allocateDirectAligned(recordSize, 4096);
        record = new UnsafeBuffer(recordBuffer);
        for (int i = 0; i < recordSize; i++) {
            record.putByte(i, (byte)(i * 31));
        }
        if (!"raw".equals(tier)) {
            store = TierSetup.open(tier, dir);
        }
        startSegment();
    }

    private void startSegment() throws IOException {
        segmentId++;
        written = 0;
        if (store == null) {
            raw = FileChannel.open(dir.resolve(segmentId + ".seg"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } else {
            writer = store.create(segmentId);
        }
    }

    private void rollSegment() throws IOException {
        if (store == null) {
            raw.force(false);
            raw.close();
            Files.delete(dir.resolve(segmentId + ".seg"));
        } else {
            writer.seal();
            store.delete(segmentId);
        }
        startSegment();
    }

    @Benchmark
    public long append() throws IOException {
        if (written + recordSize > SEGMENT_BYTES) {
            rollSegment();
        }
        if (store == null) {
            recordBuffer.clear();
            while (recordBuffer.hasRemaining()) {
                raw.write(recordBuffer);
            }
            if (syncEachRecord) {
                raw.force(false);
            }
        } else {
            writer.append(record, 0, recordSize);
            if (syncEachRecord) {
                writer.sync();
            }
        }
        written += recordSize;
        return written;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try {
            if (store == null) {
                raw.close();
            } else {
                writer.close();
                store.close();
            }
        } finally {
            TierSetup.deleteRecursively(dir);
        }
    }
}
