package dev.strata.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Function;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.block.BlockTier;
import dev.strata.tier.block.BlockTierOptions;
import dev.strata.tier.block.IoMode;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import dev.strata.tier.file.ReadMode;

/**
 * Appends and reads allocate nothing once warm: {@code ThreadMXBean#getThreadAllocatedBytes}
 * over 100,000 appends and 100,000 reads must stay under 0.1 byte per operation. The slack
 * (10 KB per 100,000 operations) covers one-off growth inside the JDK (e.g. a native-thread set
 * or an extent array doubling), not per-operation garbage.
 */
@ExtendWith(LeakCheckExtension.class)
class TierAllocationTest {
    private static final int OPS = 100_000;
    private static final double MAX_BYTES_PER_OP = 0.1;

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        WarmUp.chronicle();
    }

    @Test
    void filePread() {
        measure("file/pread", d -> FileTier.open(FileTierOptions.builder(d).readMode(ReadMode.PREAD).build()), OPS);
    }

    @Test
    void fileMmap() {
        measure("file/mmap", d -> FileTier.open(FileTierOptions.builder(d).readMode(ReadMode.MMAP).build()), OPS);
    }

    @Test
    void blockBuffered() {
        measure("block/buffered", d -> BlockTier.open(BlockTierOptions.builder(d.resolve("device")).createSize(128L << 20)
            .ioMode(IoMode.BUFFERED).build()), OPS);
    }

    @Test
    void blockAuto() {
        // O_DIRECT where available: every read goes to the device (no page cache), so 10,000 reads
        // in the default build (100,000 under -Pstress) keep the test quick
        measure("block/auto", d -> BlockTier.open(BlockTierOptions.builder(d.resolve("device")).createSize(128L << 20).build()),
            TestSeeds.stress() ? OPS : OPS / 10);
    }

    private void measure(final String name, final Function<Path, Tier> open, final int reads) {
        final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final ByteBuffer srcMem = ByteBuffer.allocateDirect(128);
        final ByteBuffer dstMem = ByteBuffer.allocateDirect(128);
        try (Tier tier = open.apply(dir)) {
            final UnsafeBuffer src = new UnsafeBuffer(srcMem);
            final UnsafeBuffer dst = new UnsafeBuffer(dstMem);
            final SegmentWriter w = tier.create(1);
            for (int i = 0; i < OPS; i++) {
                w.append(src, 0, 100);
            }
            w.sync();
            final long beforeAppends = mx.getThreadAllocatedBytes(thread);
            for (int i = 0; i < OPS; i++) {
                src.putInt(0, i);
                w.append(src, 0, 100);
            }
            final long appendBytes = mx.getThreadAllocatedBytes(thread) - beforeAppends;
            w.seal();
            try (SegmentReader r = tier.open(1)) {
                final long length = r.length();
                long pos = 12345;
                for (int i = 0; i < reads / 5; i++) {
                    pos = (pos * 6364136223846793005L + 1442695040888963407L) & Long.MAX_VALUE;
                    r.read(pos % (length - 100), dst, 0, 100);
                }
                final long beforeReads = mx.getThreadAllocatedBytes(thread);
                long sum = 0;
                for (int i = 0; i < reads; i++) {
                    pos = (pos * 6364136223846793005L + 1442695040888963407L) & Long.MAX_VALUE;
                    sum += r.read(pos % (length - 100), dst, 0, 100);
                }
                final long readBytes = mx.getThreadAllocatedBytes(thread) - beforeReads;
                assertEquals(100L * reads, sum);
                final double perAppend = (double) appendBytes / OPS;
                final double perRead = (double) readBytes / reads;
                System.out.printf("[alloc] %s: %.4f B/append (%d B over %d), %.4f B/read (%d B over %d)%n",
                    name, perAppend, appendBytes, OPS, perRead, readBytes, reads);
                assertTrue(perAppend < MAX_BYTES_PER_OP, name + ": " + perAppend + " bytes allocated per append");
                assertTrue(perRead < MAX_BYTES_PER_OP, name + ": " + perRead + " bytes allocated per read");
            }
        } finally {
            BufferUtil.free(srcMem);
            BufferUtil.free(dstMem);
        }
    }
}
