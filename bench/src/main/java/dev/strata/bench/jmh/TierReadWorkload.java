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
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Random aligned reads of a sealed {@link #SEGMENT_BYTES} segment written just before (so in the
 * page cache, except with O_DIRECT), on one tier or on a raw {@link FileChannel}: the workload of
 * {@link TierReadBenchmark} and {@link InterleavedTierRun}. Positions come from a generator with a
 * fixed seed, the same for every tier.
 *
 * <p>{@code raw-on-file-tier} writes the segment through the file tier and reads its file with a
 * raw {@code FileChannel} at the data offset: it separates what the file costs (how the page cache
 * holds it) from what the tier's read path costs.
 */
final class TierReadWorkload implements TierWorkload {
    static final long SEGMENT_BYTES = 256L << 20;

    private final Tier tier;
    private final FileChannel raw;
    /** Where the data starts in {@link #raw}. */
    private final long rawBase;
    private final SegmentReader reader;
    private final ByteBuffer targetBuffer;
    private final UnsafeBuffer target;
    private final int size;
    private final long slots;
    private final SplittableRandom random = new SplittableRandom(42);

    /** @param kind {@code raw}, {@code raw-on-file-tier} or a tier {@link TierSetup#open} knows */
    TierReadWorkload(final String kind, final Path dir, final int size) throws IOException {
        this.size = size;
        this.slots = SEGMENT_BYTES / size;
        targetBuffer = BufferUtil.allocateDirectAligned(size, 4096);
        target = new UnsafeBuffer(targetBuffer);
        final UnsafeBuffer chunk = new UnsafeBuffer(BufferUtil.allocateDirectAligned(1 << 20, 4096));
        for (int i = 0; i < chunk.capacity(); i++) {
            chunk.putByte(i, (byte) (i * 31));
        }
        if ("raw".equals(kind)) {
            tier = null;
            reader = null;
            final Path file = dir.resolve("read.seg");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (long done = 0; done < SEGMENT_BYTES; done += chunk.capacity()) {
                    final ByteBuffer bb = chunk.byteBuffer().clear();
                    while (bb.hasRemaining()) {
                        ch.write(bb);
                    }
                }
                ch.force(false);
            }
            raw = FileChannel.open(file, StandardOpenOption.READ);
            rawBase = 0;
            return;
        }
        final boolean rawOnTierFile = "raw-on-file-tier".equals(kind);
        tier = TierSetup.open(rawOnTierFile ? "file-pread" : kind, dir);
        final SegmentWriter w = tier.create(1);
        for (long done = 0; done < SEGMENT_BYTES; done += chunk.capacity()) {
            w.append(chunk, 0, chunk.capacity());
        }
        w.seal();
        if (rawOnTierFile) {
            raw = FileChannel.open(dir.resolve(SegmentFileDescriptor.stem(1) + SegmentFileDescriptor.SEALED_SUFFIX), StandardOpenOption.READ);
            rawBase = SegmentFileDescriptor.DATA_OFFSET;
            reader = null;
        } else {
            raw = null;
            rawBase = 0;
            reader = tier.open(1);
        }
    }

    /** Reads {@code size} bytes at the next random aligned position; @return bytes read */
    @Override
    public long once() throws IOException {
        final long position = random.nextLong(slots) * size;
        if (raw != null) {
            targetBuffer.clear();
            int n = 0;
            while (targetBuffer.hasRemaining()) {
                n += raw.read(targetBuffer, rawBase + position + n);
            }
            return n;
        }
        return reader.read(position, target, 0, size);
    }

    @Override
    public void close() throws IOException {
        if (raw != null) {
            raw.close();
        }
        if (reader != null) {
            reader.close();
        }
        if (tier != null) {
            tier.close();
        }
    }
}
