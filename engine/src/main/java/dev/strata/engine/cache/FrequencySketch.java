package dev.strata.engine.cache;

import java.util.Arrays;

/**
 * TinyLFU's popularity estimate (Einziger, Friedman and Manes, "TinyLFU: A Highly Efficient Cache
 * Admission Policy", 2017): a count-min sketch of 4-bit counters behind a doorkeeper, aged by a
 * periodic reset. Written for Strata after Caffeine's {@code FrequencySketch} and the paper's
 * doorkeeper.
 *
 * <h2>Layout</h2>
 * The sketch is a {@code long[]} of {@code ceilingPowerOfTwo(n)} words (at least 8), 16 counters per
 * word, for a cache of {@code n} entries. A key picks one 64-byte block of 8 words; each of its 4
 * counters lies in its own pair of words of that block, so an increment or estimate touches one
 * cache line. The estimate is the least of the 4 counters (count-min), which saturate at 15.
 *
 * <h2>Sized from the start</h2>
 * The arrays are allocated at construction for the most entries the cache can hold (its slot
 * count), and the sketch counts from the first increment. Caffeine sizes its sketch lazily, once
 * the cache is half full, to save memory in caches that never fill; given an initial capacity (as
 * the eviction lab's reference row is) it sizes it at construction too. A Strata cache allocates
 * its slots up front anyway, and a sketch that counted nothing until half full cost up to 9 points
 * of hit ratio on the shipped traces (docs/benchmarks.md, "W-TinyLFU and Caffeine: known
 * differences").
 *
 * <h2>Doorkeeper</h2>
 * A blocked Bloom filter in front (a key's 3 bits lie in one 64-bit word, so one memory access):
 * a key's first sighting since the last reset only sets its doorkeeper bits; later ones increment
 * the sketch; the estimate adds 1 if the doorkeeper has the key, so that until a reset it counts
 * what a sketch without a doorkeeper would (collisions apart). One-hit wonders thus never reach
 * the counters. It has 128 bits per entry (twice the sketch's 64): a sample holds at most
 * {@code 10 × n} distinct keys, about 13 bits each, for a false-positive rate of about 1.3 % when
 * it is full; with 64 bits per entry the eviction lab's hit ratios were measurably lower. It can
 * be left out (Caffeine's cache has none).
 *
 * <h2>Reset</h2>
 * After {@code sampleSize = 10 × n} sketch increments (a first sighting that the doorkeeper takes
 * does not count), every counter is halved and the doorkeeper cleared, so that old popularity
 * fades; the sample count restarts at half of what remains after taking off a quarter of the odd
 * counters (an increment touches 4 counters, and halving an odd one drops half a count), as
 * Caffeine does.
 *
 * <p>Not thread-safe.
 */
final class FrequencySketch {
    private static final long RESET_MASK = 0x7777_7777_7777_7777L;
    private static final long ONE_MASK = 0x1111_1111_1111_1111L;
    private static final int MIN_LENGTH = 8;
    private static final int MAX_LENGTH = 1 << 30;
    private static final long DOORKEEPER_SEED = 0x5DEECE66DL;

    private final long[] table;
    /** The doorkeeper's bits, or {@code null} without one. */
    private final long[] doorkeeper;
    private final int blockMask;
    private final int doorkeeperMask;
    private final int sampleSize;
    private int additions;

    /**
     * @param capacity   the most entries the cache can hold, at least 0
     * @param doorkeeper whether a doorkeeper filters first sightings
     */
    FrequencySketch(final int capacity, final boolean doorkeeper) {
        table = new long[lengthFor(capacity)];
        blockMask = (table.length >>> 3) - 1;
        this.doorkeeper = doorkeeper ? new long[Math.min(MAX_LENGTH, table.length << 1)] : null;
        doorkeeperMask = doorkeeper ? this.doorkeeper.length - 1 : 0;
        sampleSize = (int)Math.min(Integer.MAX_VALUE, Math.max(10L, 10L * capacity));
    }

    /** @return the sketch increments between two resets, which is also the hill climber's sample of requests */
    int sampleSize() {
        return sampleSize;
    }

    /** @return the estimated number of times {@code keyHash} was seen since about the last reset, 0 to 16 */
    int frequency(final long keyHash) {
        final long h = spread(keyHash);
        final int block = ((int)h & blockMask) << 3;
        int min = 15;
        for (int i = 0; i < 4; i++) {
            final int c = (int)(h >>> (32 + (i << 3)));
            final int shift = ((c >>> 1) & 15) << 2;
            min = Math.min(min, (int)(table[block + (i << 1) + (c & 1)] >>> shift) & 15);
        }
        return doorkeeper != null && doorkeeperContains(keyHash) ? min + 1 : min;
    }

    /** Records one sighting of {@code keyHash}. */
    void increment(final long keyHash) {
        if (doorkeeper != null && doorkeeperAdd(keyHash)) {
            return; // the first sighting since the last reset
        }
        final long h = spread(keyHash);
        final int block = ((int)h & blockMask) << 3;
        boolean added = false;
        for (int i = 0; i < 4; i++) {
            final int c = (int)(h >>> (32 + (i << 3)));
            final int index = block + (i << 1) + (c & 1);
            final int shift = ((c >>> 1) & 15) << 2;
            if (((table[index] >>> shift) & 15) != 15) {
                table[index] += 1L << shift;
                added = true;
            }
        }
        if (added && ++additions >= sampleSize) {
            reset();
        }
    }

    /** Halves every counter and clears the doorkeeper. */
    void reset() {
        int odd = 0;
        for (int i = 0; i < table.length; i++) {
            odd += Long.bitCount(table[i] & ONE_MASK);
            table[i] = (table[i] >>> 1) & RESET_MASK;
        }
        if (doorkeeper != null) {
            Arrays.fill(doorkeeper, 0L);
        }
        additions = (additions - (odd >>> 2)) >>> 1;
    }

    /** @return whether the key was new to the doorkeeper (some of its bits were clear) */
    private boolean doorkeeperAdd(final long keyHash) {
        final long h = spread(keyHash ^ DOORKEEPER_SEED);
        final int word = (int)(h >>> 32) & doorkeeperMask;
        final long bits = doorkeeperBits(h);
        if ((doorkeeper[word] & bits) == bits) {
            return false;
        }
        doorkeeper[word] |= bits;
        return true;
    }

    private boolean doorkeeperContains(final long keyHash) {
        final long h = spread(keyHash ^ DOORKEEPER_SEED);
        final long bits = doorkeeperBits(h);
        return (doorkeeper[(int)(h >>> 32) & doorkeeperMask] & bits) == bits;
    }

    /** @return the key's 3 bits within its doorkeeper word */
    private static long doorkeeperBits(final long h) {
        return (1L << h) | (1L << (h >>> 6)) | (1L << (h >>> 12));
    }

    /** @return the power of two of at least {@code n} words (at least 8, at most 2^30) */
    private static int lengthFor(final long n) {
        int l = MIN_LENGTH;
        while (l < n && l < MAX_LENGTH) {
            l <<= 1;
        }
        return l;
    }

    /** Re-mixes a key hash so that poorly mixed ones (small integers) still spread over blocks and counters. */
    private static long spread(final long keyHash) {
        long h = keyHash * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }
}
