package dev.strata.tier.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ObjectTierBehaviour} on the {@link LocalObjectStore}, plus the allocation proof of its hot path. */
class ObjectTierLocalTest extends ObjectTierBehaviour {
    @TempDir
    Path dir;

    @Override
    protected ObjectStore newStore() {
        return LocalObjectStore.open(dir);
    }

    /**
     * Appends and reads allocate nothing once warm (the design's rule, measured with the thread's
     * allocation counter rather than believed). Warm means: the tier's buffer pool holds a buffer
     * big enough (after a first segment) and the paths have run long enough to be compiled (the
     * first calls allocate while the JIT settles, as JMH's warm-up also shows). A stray JIT
     * transition can still land in a measured window, so up to five rounds are measured and one
     * must allocate exactly nothing; a real allocation on the path would show in every round.
     */
    @Test
    void appendsAndReadsAllocateNothingOnceWarm() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long me = Thread.currentThread().getId();
        final ObjectTier tier = tier(newStore());
        final ByteBuffer direct = ByteBuffer.allocateDirect(4096);
        try {
            final UnsafeBuffer src = new UnsafeBuffer(direct);
            try (SegmentWriter warm = tier.create(1)) {
                for (int i = 0; i < 300; i++) {
                    warm.append(src, 0, 4096);
                }
                warm.seal();
            }
            try (SegmentWriter w = tier.create(2)) {
                for (int i = 0; i < 60_000; i++) {
                    w.append(src, i & 1023, 8);
                }
                final StringBuilder rounds = new StringBuilder();
                boolean zero = false;
                for (int round = 0; round < 5 && !zero; round++) {
                    final long before = threads.getThreadAllocatedBytes(me);
                    for (int i = 0; i < 10_000; i++) {
                        w.append(src, i & 1023, 8);
                    }
                    final long allocated = threads.getThreadAllocatedBytes(me) - before;
                    rounds.append(allocated).append(' ');
                    zero = allocated == 0;
                }
                assertTrue(zero, "bytes allocated per round of 10,000 appends: " + rounds);
                w.seal();
            }
            try (SegmentReader r = tier.open(1)) {
                for (int i = 0; i < 60_000; i++) {
                    r.read((i * 7919L) % r.length(), src, 0, 64);
                }
                final StringBuilder rounds = new StringBuilder();
                boolean zero = false;
                for (int round = 0; round < 5 && !zero; round++) {
                    final long before = threads.getThreadAllocatedBytes(me);
                    long sum = 0;
                    for (int i = 0; i < 10_000; i++) {
                        sum += r.read((i * 7919L) % (r.length() - 4096), src, 0, 4096);
                    }
                    final long allocated = threads.getThreadAllocatedBytes(me) - before;
                    assertEquals(10_000L * 4096, sum);
                    rounds.append(allocated).append(' ');
                    zero = allocated == 0;
                }
                assertTrue(zero, "bytes allocated per round of 10,000 reads: " + rounds);
            }
        } finally {
            BufferUtil.free(direct);
        }
        assertTrue(tier.stats().reads() >= 70_000);
    }
}
