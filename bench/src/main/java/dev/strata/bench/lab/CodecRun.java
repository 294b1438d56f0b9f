package dev.strata.bench.lab;

import dev.strata.compression.BlockFrameDescriptor;
import dev.strata.compression.Codec;
import dev.strata.compression.FrameReader;
import dev.strata.compression.FrameWriter;
import dev.strata.compression.ZstdDictionary;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Measures one codec at one level over a {@link BlockSet}: frame sizes with a verified round trip,
 * then compression and decompression throughput.
 *
 * <h2>What is timed</h2>
 * The codec alone ({@link Codec#compress} and {@link Codec#decompress}) on off-heap buffers, as the
 * engine calls it; frame headers and checksums are not in the timed loop (they are in the sizes).
 * Each direction first runs for the warm-up time (at least one pass over every block), then passes
 * are repeated until the minimum time has elapsed; throughput is passes × corpus bytes / elapsed.
 * The output of the timed decompression is compared with the input afterwards.
 */
final class CodecRun implements AutoCloseable {
    private static final double NANOS_PER_SECOND = 1e9;
    private static final double BYTES_PER_MB = 1e6;

    private final BlockSet blocks;
    private final CodecLevel level;
    private final Codec codec;
    private final FrameReader reader = new FrameReader();
    private final int header;
    private final int[] frameOffsets;
    private final int[] payloadLengths;
    private final UnsafeBuffer frames;
    private final UnsafeBuffer restored;
    private final UnsafeBuffer scratch;
    private long frameBytes;
    private long payloadBytes;

    CodecRun(final BlockSet blocks, final CodecLevel level, final ZstdDictionary dictionary) {
        this.blocks = blocks;
        this.level = level;
        this.codec = level.open(dictionary);
        if (dictionary != null) {
            reader.addDictionary(dictionary);
        }
        this.header = BlockFrameDescriptor.headerLength(codec.dictionaryId() != 0);
        this.frameOffsets = new int[blocks.count()];
        this.payloadLengths = new int[blocks.count()];
        final FrameWriter writer = new FrameWriter(codec);
        long capacity = 0;
        for (int i = 0; i < blocks.count(); i++) {
            capacity += writer.maxFrameLength(blocks.length(i));
        }
        if (capacity > Integer.MAX_VALUE - 64) {
            throw new LabInputException("the frames of corpus would exceed 2 GiB with " + level + "; use a smaller corpus");
        }
        this.frames = OffHeap.allocate((int)capacity);
        this.restored = OffHeap.allocate(blocks.totalBytes());
        this.scratch = OffHeap.allocate(codec.maxCompressedLength(blocks.maxBlockLength()));
    }

    /**
     * Writes every block as a frame, reads every frame back and compares the result with the input.
     *
     * @throws RoundTripException if any block does not come back identical
     */
    void writeAndVerify() {
        final FrameWriter writer = new FrameWriter(codec);
        final UnsafeBuffer data = blocks.data();
        int at = 0;
        frameBytes = 0;
        payloadBytes = 0;
        for (int i = 0; i < blocks.count(); i++) {
            final int n = writer.write(data, blocks.offset(i), blocks.length(i), frames, at, frames.capacity() - at);
            if (n < 0) {
                throw new RoundTripException(level + " could not compress block " + i + ": " + Codec.describeStatus(n));
            }
            frameOffsets[i] = at;
            payloadLengths[i] = n - header;
            frameBytes += n;
            payloadBytes += n - header;
            at += n;
        }
        restored.setMemory(0, restored.capacity(), (byte)0);
        for (int i = 0; i < blocks.count(); i++) {
            final int n = reader.read(frames, frameOffsets[i], frames.capacity() - frameOffsets[i], restored, blocks.offset(i), blocks.length(i));
            if (n != blocks.length(i)) {
                throw new RoundTripException(level + " frame of block " + i + " decoded to " + Codec.describeStatus(n)
                    + ", expected " + blocks.length(i) + " bytes");
            }
        }
        checkRestored("frame round trip");
    }

    long frameBytes() {
        return frameBytes;
    }

    long payloadBytes() {
        return payloadBytes;
    }

    /** @return compression throughput in MB/s (10^6 uncompressed bytes per second) */
    double compressMBps(final long warmupNanos, final long minNanos) {
        return measure(true, warmupNanos, minNanos);
    }

    /**
     * @return decompression throughput in MB/s (10^6 uncompressed bytes per second)
     * @throws RoundTripException if the decompressed bytes differ from the input
     */
    double decompressMBps(final long warmupNanos, final long minNanos) {
        restored.setMemory(0, restored.capacity(), (byte)0);
        final double rate = measure(false, warmupNanos, minNanos);
        checkRestored("timed decompression");
        return rate;
    }

    private double measure(final boolean compress, final long warmupNanos, final long minNanos) {
        final long warmupStart = System.nanoTime();
        do {
            pass(compress);
        } while (System.nanoTime() - warmupStart < warmupNanos);
        long passes = 0;
        final long start = System.nanoTime();
        long elapsed;
        do {
            pass(compress);
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < minNanos);
        return passes * (double)blocks.totalBytes() / Math.max(elapsed, 1) * NANOS_PER_SECOND / BYTES_PER_MB;
    }

    private void pass(final boolean compress) {
        final UnsafeBuffer data = blocks.data();
        final int scratchCapacity = scratch.capacity();
        for (int i = 0; i < blocks.count(); i++) {
            final int n = compress
                ? codec.compress(data, blocks.offset(i), blocks.length(i), scratch, 0, scratchCapacity)
                : codec.decompress(frames, frameOffsets[i] + header, payloadLengths[i], restored, blocks.offset(i), blocks.length(i));
            if (n < 0) {
                throw new RoundTripException(level + (compress ? " compression" : " decompression") + " of block " + i
                    + " failed: " + Codec.describeStatus(n));
            }
        }
    }

    private void checkRestored(final String what) {
        final int mismatch = blocks.firstMismatch(restored);
        if (mismatch >= 0) {
            throw new RoundTripException(level + " " + what + " changed the data: first difference at corpus byte " + mismatch);
        }
    }

    @Override
    public void close() {
        codec.close();
        reader.close();
        OffHeap.free(frames);
        OffHeap.free(restored);
        OffHeap.free(scratch);
    }
}
