package dev.strata.tier.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;

/** The tier contract on the file tier with Chronicle Bytes memory maps. */
class FileTierMmapTest extends TierContract {
    @TempDir
    Path dir;

    @Override
    protected Tier createTier() {
        return FileTier.open(FileTierOptions.builder(dir.resolve("tier")).readMode(ReadMode.MMAP).build());
    }

    @Test
    void reportsMmapAndAutoChoosesMapsHere() {
        assertTrue(MappingSupport.available(), "the build passes the JVM flags: " + MappingSupport.missingFlags());
        assertEquals("mmap", openTier().stats().readPath());
        try (FileTier auto = FileTier.open(FileTierOptions.builder(dir.resolve("auto")).build())) {
            assertEquals("mmap", auto.stats().readPath());
        }
    }
}
