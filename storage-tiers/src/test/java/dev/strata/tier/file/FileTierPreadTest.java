package dev.strata.tier.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;

/** The tier contract on the file tier with positional reads. */
class FileTierPreadTest extends TierContract {
    @TempDir
    Path dir;

    @Override
    protected Tier createTier() {
        return FileTier.open(FileTierOptions.builder(dir.resolve("tier")).readMode(ReadMode.PREAD).build());
    }

    @Test
    void reportsPread() {
        assertEquals("pread", openTier().stats().readPath());
    }
}
