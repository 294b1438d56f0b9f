package dev.strata.engine.sst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** No false negatives ever; false-positive rate near theory; header as documented. */
class BloomFilterTest {
    @Test
    void hasNoFalseNegativesAndAboutOnePercentFalsePositivesAtTenBitsPerKey() {
        final int keys = 100_000;
        final int bits = BloomFilter.bitsFor(keys, 10);
        final ByteBuffer memory = ByteBuffer.allocateDirect(BloomFilterDescriptor.length(bits));
        try {
            checkRates(keys, bits, new UnsafeBuffer(memory));
        } finally {
            BufferUtil.free(memory);
        }
    }

    private static void checkRates(final int keys, final int bits, final UnsafeBuffer filter) {
        BloomFilter.init(filter, 0, bits, BloomFilter.probesFor(10));
        final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
        for (long i = 0; i < keys; i++) {
            key.putLong(0, i * 2, ByteOrder.BIG_ENDIAN);
            BloomFilter.add(filter, 0, BloomFilter.hash(key, 0, 8));
        }
        for (long i = 0; i < keys; i++) {
            key.putLong(0, i * 2, ByteOrder.BIG_ENDIAN);
            assertTrue(BloomFilter.mightContain(filter, 0, BloomFilter.hash(key, 0, 8)), "false negative for " + i * 2);
        }
        int falsePositives = 0;
        for (long i = 0; i < keys; i++) {
            key.putLong(0, i * 2 + 1, ByteOrder.BIG_ENDIAN);
            if (BloomFilter.mightContain(filter, 0, BloomFilter.hash(key, 0, 8))) {
                falsePositives++;
            }
        }
        final double rate = falsePositives / (double)keys;
        System.out.printf("bloom filter: 10 bits/key, %d probes, false-positive rate %.4f%n", BloomFilter.probesFor(10), rate);
        assertTrue(rate < 0.015, "false-positive rate " + rate + " is far above the ~0.0082 theory for k=7");
        assertTrue(rate > 0.002, "false-positive rate " + rate + " is implausibly low: are probes spread?");
    }

    @Test
    void headerFollowsTheDescriptor() {
        final int bits = BloomFilter.bitsFor(3, 10);
        assertEquals(64, bits);
        final UnsafeBuffer filter = new UnsafeBuffer(new byte[BloomFilterDescriptor.length(bits) + 4]);
        BloomFilter.init(filter, 4, bits, 7);
        assertEquals(64, filter.getInt(4, ByteOrder.LITTLE_ENDIAN));
        assertEquals(7, filter.getByte(4 + BloomFilterDescriptor.PROBES_OFFSET));
        assertEquals(BloomFilterDescriptor.HASH_VERSION, filter.getByte(4 + BloomFilterDescriptor.HASH_VERSION_OFFSET));
        assertEquals(16, BloomFilterDescriptor.length(64));
    }
}
