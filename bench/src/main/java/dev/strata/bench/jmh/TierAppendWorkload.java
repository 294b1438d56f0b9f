package dev.strata.bench.jmh;

import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sequential appends of one record size, with or without a sync after each, to one tier or to a
 * raw {@link FileChannel} ({@code raw}: {@code write} + {@code force(false)}): the workload of
 * {@link TierAppendBenchmark} and {@link InterleavedTierRun}. Appends roll to a new segment every
 * {@link #SEGMENT_BYTES} (seal, delete the previous one), so disk use stays bounded; the roll is
 * part of the cost, amortised over its records.
 */
final class TierAppendWorkload implements TierWorkload {
    static final long SEGMENT_BYTES = 64L << 20;

    private final Path dir;
    private final Tier tier;
    private final boolean sync;
    private final ByteBuffer recordBuffer;
    private final UnsafeBuffer record;
    private FileChannel raw;
    private SegmentWriter writer;
    private long segmentId;
    private long written;

    /** @param kind {@code raw} or a tier {@link TierSetup#open} knows */
    TierAppendWorkload(final String kind, final Path dir, final int recordSize, final boolean sync) throws IOException {
        this.dir = dir;
        this.sync = sync;
        this.tier = "raw".equals(kind) ? null : TierSetup.open(kind, dir);
        recordBuffer = BufferUtil.allocateDirectAligned(recordSize, 4096);
        record = new UnsafeBuffer(recordBuffer);
        for (int i = 0; i < recordSize; i++) {
            record.putByte(i, (byte) (i * 31));
        }
        startSegment();
    }

    private void startSegment() throws IOException {
        segmentId++;
        written = 0;
        if (tier == null) {
            raw = FileChannel.open(dir.resolve(segmentId + ".seg"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } else {
            writer = tier.create(segmentId);
        }
    }

    private void rollSegment() throws IOException {
        if (tier == null) {
            raw.force(false);
            raw.close();
            Files.delete(dir.resolve(segmentId + ".seg"));
        } else {
            writer.seal();
            tier.delete(segmentId);
        }
        startSegment();
    }

    /** Appends one record (and syncs, if asked); @return bytes written to the current segment */
    @Override
    public long once() throws IOException {
        final int size = record.capacity();
        if (written + size > SEGMENT_BYTES) {
            rollSegment();
        }
        if (tier == null) {
            recordBuffer.clear();
            while (recordBuffer.hasRemaining()) {
                raw.write(recordBuffer);
            }
            if (sync) {
                raw.force(false);
            }
        } else {
            writer.append(record, 0, size);
            if (sync) {
                writer.sync();
            }
        }
        written += size;
        return written;
    }

    @Override
    public void close() throws IOException {
        if (tier == null) {
            raw.close();
        } else {
            writer.close();
            tier.close();
        }
    }
}
