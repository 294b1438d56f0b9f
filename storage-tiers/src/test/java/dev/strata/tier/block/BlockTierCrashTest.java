package dev.strata.tier.block;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.TestSeeds;
import dev.strata.tier.io.PowerCutFileIo;
import dev.strata.tier.io.PowerCutRunner;

/**
 * Power cut at every I/O point of a small workload on the block tier (through the {@code FileIo}
 * seam): superblock generations, data-before-table ordering, the metadata copies and formatting
 * keep their promises.
 */
@ExtendWith(LeakCheckExtension.class)
class BlockTierCrashTest {
    static BlockTier open(final PowerCutFileIo io) {
        try {
            io.createDirectories(Path.of("/sim"));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return BlockTier.open(BlockTierOptions.builder(Path.of("/sim/device")).fileIo(io).createSize(4L << 20)
            .tableBytes(8 << 10).metadataBytes(1 << 20).minExtentBytes(16 << 10).writeBufferBytes(4096).build());
    }

    @Test
    void powerCutAtEveryIoPoint() {
        final long points = PowerCutRunner.cutAtEveryPoint("BlockTierCrashTest", BlockTierCrashTest::open, TestSeeds.stress() ? 20 : 3);
        assertTrue(points > 20, "the workload has " + points + " I/O points");
    }
}
