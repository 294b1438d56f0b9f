package dev.strata.tier.block;

import java.util.Arrays;

/**
 * One segment in the block tier's table: its id, committed length, sealed flag and extents (runs
 * of device blocks, in logical order). Changes happen under the tier lock; the owning writer also
 * reads the extents without it (only it adds extents, and it does so through the tier).
 */
final class SegmentEntry {
    final long segmentId;
    /** Bytes committed in the newest durable superblock (for a sealed segment: its length). */
    long length;
    boolean sealed;
    /** start0, blocks0, start1, blocks1, ... */
    private long[] extents = new long[8];
    private int extentCount;
    private long capacityBlocks;
    BlockSegmentWriter writer;

    SegmentEntry(final long segmentId) {
        this.segmentId = segmentId;
    }

    int extentCount() {
        return extentCount;
    }

    long extentStart(final int i) {
        return extents[2 * i];
    }

    long extentBlocks(final int i) {
        return extents[2 * i + 1];
    }

    /** @return blocks the extents hold */
    long capacityBlocks() {
        return capacityBlocks;
    }

    void addExtent(final long start, final long blocks) {
        if (extentCount > 0 && extents[2 * extentCount - 2] + extents[2 * extentCount - 1] == start) {
            extents[2 * extentCount - 1] += blocks;
        } else {
            if (2 * extentCount == extents.length) {
                extents = Arrays.copyOf(extents, extents.length * 2);
            }
            extents[2 * extentCount] = start;
            extents[2 * extentCount + 1] = blocks;
            extentCount++;
        }
        capacityBlocks += blocks;
    }

    /**
     * Cuts the extents down to {@code keepBlocks} and hands the cut runs to {@code freed}.
     */
    void trim(final long keepBlocks, final ExtentAllocator freed) {
        long kept = 0;
        int i = 0;
        while (i < extentCount && kept + extents[2 * i + 1] <= keepBlocks) {
            kept += extents[2 * i + 1];
            i++;
        }
        if (i < extentCount) {
            final long keepHere = keepBlocks - kept;
            freed.free(extents[2 * i] + keepHere, extents[2 * i + 1] - keepHere);
            extents[2 * i + 1] = keepHere;
            for (int j = i + 1; j < extentCount; j++) {
                freed.free(extents[2 * j], extents[2 * j + 1]);
            }
            extentCount = keepHere == 0 ? i : i + 1;
        }
        capacityBlocks = Math.min(capacityBlocks, keepBlocks);
    }

    /** @return a copy of the extents, for a reader of a sealed segment (which never changes) */
    long[] extentsCopy() {
        return Arrays.copyOf(extents, 2 * extentCount);
    }

    /** @return bytes this entry takes in the table */
    int tableBytes() {
        return SuperblockDescriptor.entryLength(extentCount);
    }

    /**
     * @return the device block holding logical block {@code logical}, and in {@code run[0]} how many
     *     blocks follow contiguously from it (including it)
     */
    static long physical(final long[] extents, final int count, final long logical, final long[] run) {
        long base = 0;
        for (int i = 0; i < count; i++) {
            final long blocks = extents[2 * i + 1];
            if (logical < base + blocks) {
                run[0] = base + blocks - logical;
                return extents[2 * i] + (logical - base);
            }
            base += blocks;
        }
        throw new IllegalStateException("logical block " + logical + " is beyond the extents (" + base + " blocks)");
    }

    long[] rawExtents() {
        return extents;
    }
}
