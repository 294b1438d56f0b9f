package dev.strata.tier.block;

import java.util.Arrays;

/**
 * Free data blocks as sorted, coalesced runs (start, length) in a primitive array; first fit.
 *
 * <p>Not persisted: on open it starts with every data block free and the blocks of each table
 * entry are {@link #reserve reserved}. Blocks are freed only after the superblock that stops
 * listing them is durable, so a crash never lets two segments share a block. Used under the tier
 * lock; allocates only when the run array grows.
 */
final class ExtentAllocator {
    private long[] runs = new long[16];
    private int count;
    private long freeBlocks;
    /** The run taken by the last {@link #allocate}: start block. */
    long lastStart;
    /** The run taken by the last {@link #allocate}: blocks. */
    long lastBlocks;

    ExtentAllocator(final long firstBlock, final long endBlock) {
        if (endBlock > firstBlock) {
            free(firstBlock, endBlock - firstBlock);
        }
    }

    long freeBlocks() {
        return freeBlocks;
    }

    /**
     * Takes up to {@code wanted} blocks from the first run (the whole of a smaller run).
     *
     * @return {@code false} if no block is free
     */
    boolean allocate(final long wanted) {
        if (count == 0) {
            return false;
        }
        int pick = 0;
        for (int i = 0; i < count; i++) {
            if (runs[2 * i + 1] >= wanted) {
                pick = i;
                break;
            }
        }
        lastStart = runs[2 * pick];
        lastBlocks = Math.min(wanted, runs[2 * pick + 1]);
        remove(lastStart, lastBlocks, pick);
        return true;
    }

    /** Marks {@code [start, start + blocks)} used (on open, for the blocks a table entry lists). */
    void reserve(final long start, final long blocks) {
        for (int i = 0; i < count; i++) {
            final long s = runs[2 * i];
            final long n = runs[2 * i + 1];
            if (start >= s && start + blocks <= s + n) {
                remove(start, blocks, i);
                return;
            }
        }
        throw new IllegalStateException("blocks [" + start + ", " + (start + blocks) + ") are not free: two segments share them");
    }

    /** Returns {@code [start, start + blocks)} to the free runs, merging neighbours. */
    void free(final long start, final long blocks) {
        if (blocks <= 0) {
            return;
        }
        int i = 0;
        while (i < count && runs[2 * i] < start) {
            i++;
        }
        final boolean mergePrev = i > 0 && runs[2 * i - 2] + runs[2 * i - 1] == start;
        final boolean mergeNext = i < count && start + blocks == runs[2 * i];
        if (mergePrev && mergeNext) {
            runs[2 * i - 1] += blocks + runs[2 * i + 1];
            System.arraycopy(runs, 2 * i + 2, runs, 2 * i, 2 * (count - i - 1));
            count--;
        } else if (mergePrev) {
            runs[2 * i - 1] += blocks;
        } else if (mergeNext) {
            runs[2 * i] = start;
            runs[2 * i + 1] += blocks;
        } else {
            if (2 * count + 2 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            System.arraycopy(runs, 2 * i, runs, 2 * i + 2, 2 * (count - i));
            runs[2 * i] = start;
            runs[2 * i + 1] = blocks;
            count++;
        }
        freeBlocks += blocks;
    }

    private void remove(final long start, final long blocks, final int i) {
        final long s = runs[2 * i];
        final long n = runs[2 * i + 1];
        freeBlocks -= blocks;
        if (start == s && blocks == n) {
            System.arraycopy(runs, 2 * i + 2, runs, 2 * i, 2 * (count - i - 1));
            count--;
        } else if (start == s) {
            runs[2 * i] = s + blocks;
            runs[2 * i + 1] = n - blocks;
        } else if (start + blocks == s + n) {
            runs[2 * i + 1] = n - blocks;
        } else {
            runs[2 * i + 1] = start - s;
            free(start + blocks, s + n - start - blocks);
            freeBlocks -= s + n - start - blocks; // free() counted the right part again
        }
    }
}
