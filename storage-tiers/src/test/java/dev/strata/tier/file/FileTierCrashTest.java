package dev.strata.tier.file;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.TestSeeds;
import dev.strata.tier.io.PowerCutRunner;

/**
 * Power cut at every I/O point of a small workload on the file tier (through the {@code FileIo}
 * seam): the create/sync/seal protocol, the metadata rename and deletes keep their promises.
 */
@ExtendWith(LeakCheckExtension.class)
class FileTierCrashTest {
    @Test
    void powerCutAtEveryIoPoint() {
        final long points = PowerCutRunner.cutAtEveryPoint("FileTierCrashTest", io -> FileTier.open(
            FileTierOptions.builder(Path.of("/sim/tier")).fileIo(io).writeBufferSize(4096).build()), TestSeeds.stress() ? 20 : 3);
        assertTrue(points > 30, "the workload has " + points + " I/O points");
    }
}
