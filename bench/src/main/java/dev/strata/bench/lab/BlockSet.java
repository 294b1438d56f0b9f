package dev.strata.bench.lab;

import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A corpus copied into one off-heap buffer and cut into blocks, the unit a store compresses.
 *
 * <p>Each file is cut on its own: a block never spans two files, and the last block of a file may
 * be shorter than the block size. With {@link LabSettings#WHOLE_FILE} each file is one block; empty
 * files have none. The buffer is direct (off-heap) because the engine's blocks are; close the set
 * to free it.
 */
public final class BlockSet implements AutoCloseable {
    private final UnsafeBuffer data;
    private final int[] offsets;
    private final int[] lengths;
    private final int totalBytes;
    private final int maxBlockLength;

    private BlockSet(final UnsafeBuffer data, final int[] offsets, final int[] lengths) {
        this.data = data;
        this.offsets = offsets;
        this.lengths = lengths;
        int total = 0;
        int max = 0;
        for (int length : lengths) {
            total += length;
            max = Math.max(max, length);
        }
        this.totalBytes = total;
        this.maxBlockLength = max;
    }

    /**
     * @param blockSize a power of two, or {@link LabSettings#WHOLE_FILE}
     * @throws LabInputException if the corpus exceeds {@link Corpus#MAX_TOTAL_BYTES}
     */
    public static BlockSet of(final Corpus corpus, final int blockSize) {
        final long total = corpus.totalBytes();
        if (total > Corpus.MAX_TOTAL_BYTES) {
            throw new LabInputException("corpus " + corpus.description() + " is larger than 1 GiB; use a smaller one");
        }
        int count = 0;
        for (CorpusFile f : corpus.files()) {
            count += blocksIn(f.length(), blockSize);
        }
        final int[] offsets = new int[count];
        final int[] lengths = new int[count];
        final UnsafeBuffer data = OffHeap.allocate((int)total);
        int at = 0;
        int block = 0;
        for (CorpusFile f : corpus.files()) {
            data.putBytes(at, f.data());
            final int step = blockSize == LabSettings.WHOLE_FILE ? Math.max(f.length(), 1) : blockSize;
            for (int from = 0; from < f.length(); from += step) {
                offsets[block] = at + from;
                lengths[block] = Math.min(step, f.length() - from);
                block++;
            }
            at += f.length();
        }
        return new BlockSet(data, offsets, lengths);
    }

    private static int blocksIn(final int fileLength, final int blockSize) {
        if (fileLength == 0) {
            return 0;
        }
        return blockSize == LabSettings.WHOLE_FILE ? 1 : (int)((fileLength + (long)blockSize - 1) / blockSize);
    }

    /** @return the buffer holding every file, back to back */
    public UnsafeBuffer data() {
        return data;
    }

    /** @return the number of blocks */
    public int count() {
        return offsets.length;
    }

    /** @return the offset of block {@code i} in {@link #data()} */
    public int offset(final int i) {
        return offsets[i];
    }

    /** @return the length of block {@code i} */
    public int length(final int i) {
        return lengths[i];
    }

    /** @return the sum of the block lengths (the corpus size) */
    public int totalBytes() {
        return totalBytes;
    }

    /** @return the longest block */
    public int maxBlockLength() {
        return maxBlockLength;
    }

    /** @return the index of the first byte where {@code other} differs from {@link #data()}, or -1 */
    public int firstMismatch(final UnsafeBuffer other) {
        final ByteBuffer a = data.byteBuffer().duplicate().clear().limit(totalBytes);
        final ByteBuffer b = other.byteBuffer().duplicate().clear().limit(totalBytes);
        return a.mismatch(b);
    }

    /** Frees the off-heap buffer. */
    @Override
    public void close() {
        OffHeap.free(data);
    }
}
