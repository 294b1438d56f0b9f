package dev.strata.tier.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import dev.strata.tier.TestSeeds;

/** The tier contract on the block tier with buffered I/O. */
class BlockTierBufferedTest extends TierContract {
    @TempDir
    Path dir;

    /** A sparse file: room for the large-segment test (3 GiB under -Pstress). */
    static long deviceBytes() {
        return TestSeeds.stress() ? (3L << 30) : (256L << 20);
    }

    @Override
    protected Tier createTier() {
        return BlockTier.open(BlockTierOptions.builder(dir.resolve("device")).createSize(deviceBytes()).ioMode(IoMode.BUFFERED).build());
    }

    @Test
    void reportsBufferedAndUsesTheFileSystemBlockSize() throws Exception {
        final BlockTier tier = (BlockTier) openTier();
        assertEquals("buffered", tier.stats().readPath());
        assertEquals(Files.getFileStore(dir).getBlockSize(), tier.blockSize());
        assertTrue(tier.freeBlocks() > 0);
    }
}
