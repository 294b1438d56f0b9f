package dev.strata.tier.block;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import dev.strata.tier.TierOpenException;

/** The tier contract on the block tier with O_DIRECT; skipped where the file system refuses direct I/O (e.g. tmpfs). */
class BlockTierDirectTest extends TierContract {
    @TempDir
    Path dir;

    @BeforeEach
    void requireDirectIo() {
        try {
            createTier().close();
        } catch (final TierOpenException e) {
            Assumptions.abort("O_DIRECT is not available here: " + e.getMessage());
        }
    }

    @Override
    protected Tier createTier() {
        return BlockTier.open(BlockTierOptions.builder(dir.resolve("device")).createSize(BlockTierBufferedTest.deviceBytes())
            .ioMode(IoMode.DIRECT).build());
    }

    @Test
    void reportsDirect() {
        assertEquals("direct", openTier().stats().readPath());
    }
}
