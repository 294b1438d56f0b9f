package dev.strata.bench.lab;

/**
 * How the compression lab cuts and times its runs.
 *
 * @param blockSize     bytes per block, a power of two, or {@link #WHOLE_FILE}: each file is one block
 * @param warmupNanos   minimum warm-up time per codec, level and direction (at least one pass is run)
 * @param minTimeNanos  minimum measured time per codec, level and direction (at least one pass)
 * @param timed         {@code false} to measure sizes and verify round trips only (no throughput)
 */
public record LabSettings(int blockSize, long warmupNanos, long minTimeNanos, boolean timed) {
    /** {@link #blockSize()} value meaning "one block per file". */
    public static final int WHOLE_FILE = 0;
    /** The default block size: 64 KiB. */
    public static final int DEFAULT_BLOCK_SIZE = 64 << 10;
    /** Smallest block size accepted. */
    public static final int MIN_BLOCK_SIZE = 256;

    /** @throws IllegalArgumentException naming the bad value */
    public LabSettings {
        if (blockSize != WHOLE_FILE && (blockSize < MIN_BLOCK_SIZE || Integer.bitCount(blockSize) != 1)) {
            throw new IllegalArgumentException("blockSize must be a power of two from " + MIN_BLOCK_SIZE + " to 1 GiB, got " + blockSize);
        }
        if (warmupNanos < 0 || minTimeNanos < 0) {
            throw new IllegalArgumentException("warm-up and minimum times must not be negative, got " + warmupNanos + " and " + minTimeNanos + " ns");
        }
    }

    /** @return settings that time each run: {@code warmupNanos} of warm-up, then at least {@code minTimeNanos} */
    public static LabSettings timed(final int blockSize, final long warmupNanos, final long minTimeNanos) {
        return new LabSettings(blockSize, warmupNanos, minTimeNanos, true);
    }

    /** @return settings that only measure sizes and verify round trips */
    public static LabSettings sizesOnly(final int blockSize) {
        return new LabSettings(blockSize, 0, 0, false);
    }

    /** @return the block size as text: {@code "whole file"}, {@code "64 KiB"}, {@code "1 MiB"} or bytes */
    public String blockSizeLabel() {
        if (blockSize == WHOLE_FILE) {
            return "whole file";
        }
        if (blockSize >= 1 << 20) {
            return (blockSize >> 20) + " MiB";
        }
        return blockSize >= 1 << 10 ? (blockSize >> 10) + " KiB" : blockSize + " B";
    }
}
