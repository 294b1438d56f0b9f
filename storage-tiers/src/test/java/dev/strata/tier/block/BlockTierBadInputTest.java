package dev.strata.tier.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.TierFullException;
import dev.strata.tier.TierOpenException;

/**
 * Bad devices give typed exceptions that name the device and say what to do, and never change a
 * device that is not a Strata block tier; a full device keeps what it stored. (Tests run as root:
 * an unwritable location is a path under a regular file, not a chmod.)
 */
@ExtendWith(LeakCheckExtension.class)
class BlockTierBadInputTest {
    @TempDir
    Path dir;

    private BlockTierOptions.Builder small(final Path p) {
        return BlockTierOptions.builder(p).tableBytes(8 << 10).metadataBytes(1 << 20).minExtentBytes(64 << 10).maxExtentBytes(64 << 10);
    }

    @Test
    void missingDeviceWithoutCreateSize() {
        final TierOpenException e = assertThrows(TierOpenException.class, () -> BlockTier.open(small(dir.resolve("none")).build()));
        assertTrue(e.getMessage().contains("createSize"), e.getMessage());
    }

    @Test
    void deviceTooSmall() {
        final TierOpenException e = assertThrows(TierOpenException.class,
            () -> BlockTier.open(small(dir.resolve("tiny")).createSize(1 << 20).build()));
        assertTrue(e.getMessage().contains("too small") && e.getMessage().contains("larger"), e.getMessage());
    }

    @Test
    void unwritableLocations() throws IOException {
        final Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThrows(TierOpenException.class, () -> BlockTier.open(small(file.resolve("device")).createSize(8 << 20).build()));
        final TierOpenException onDir = assertThrows(TierOpenException.class, () -> BlockTier.open(small(dir).build()));
        assertTrue(onDir.getMessage().contains("directory"), onDir.getMessage());
    }

    @Test
    void foreignFileIsRefusedAndUnchanged() throws IOException {
        final byte[] junk = new byte[4 << 20];
        new Random(1).nextBytes(junk);
        final Path foreign = Files.write(dir.resolve("foreign"), junk);
        final TierOpenException e = assertThrows(TierOpenException.class, () -> BlockTier.open(small(foreign).build()));
        assertTrue(e.getMessage().contains("not a Strata block tier"), e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(foreign), "nothing was written");
    }

    @Test
    void otherTableSizeIsRefused() {
        final Path device = dir.resolve("device");
        BlockTier.open(small(device).createSize(8 << 20).build()).close();
        final TierOpenException e = assertThrows(TierOpenException.class, () -> BlockTier.open(small(device).tableBytes(16 << 10).build()));
        assertTrue(e.getMessage().contains("formatted"), e.getMessage());
    }

    @Test
    void fullDeviceKeepsWhatItStored() {
        final Path device = dir.resolve("device");
        final UnsafeBuffer chunk = new UnsafeBuffer(new byte[100_000]);
        new Random(2).nextBytes(chunk.byteArray());
        try (BlockTier tier = BlockTier.open(small(device).createSize(4 << 20).build())) {
            long stored = 0;
            try (SegmentWriter w = tier.create(1)) {
                final TierFullException full = assertThrows(TierFullException.class, () -> {
                    for (int i = 0; i < 1000; i++) {
                        w.append(chunk, 0, chunk.capacity());
                    }
                });
                assertTrue(full.getMessage().contains("full") && full.getMessage().contains("delete"), full.getMessage());
                stored = w.length();
                assertEquals(0, stored % chunk.capacity(), "a refused append adds nothing");
                w.seal();
            }
            try (SegmentReader r = tier.open(1)) {
                assertEquals(stored, r.length());
                final UnsafeBuffer dst = new UnsafeBuffer(new byte[chunk.capacity()]);
                r.read(stored - chunk.capacity(), dst, 0, chunk.capacity());
                assertArrayEquals(chunk.byteArray(), dst.byteArray());
            }
            assertThrows(TierFullException.class, () -> {
                try (SegmentWriter w = tier.create(2)) {
                    w.append(chunk, 0, chunk.capacity());
                }
            });
            tier.delete(2);
            tier.delete(1);
            try (SegmentWriter w = tier.create(3)) {
                w.append(chunk, 0, chunk.capacity());
                w.seal();
            }
        }
        try (BlockTier tier = BlockTier.open(small(device).build())) {
            try (SegmentReader r = tier.open(3)) {
                assertEquals(chunk.capacity(), r.length());
            }
        }
    }

    @Test
    void directIoOnTmpfsFallsBackOrFails() throws IOException {
        final Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && "tmpfs".equals(Files.getFileStore(shm).type()), "no tmpfs at /dev/shm");
        final Path device = Files.createTempDirectory(shm, "strata").resolve("device");
        try {
            // Linux 6.6+ accepts O_DIRECT on tmpfs; older kernels refuse it at open.
            String direct;
            try (BlockTier tier = BlockTier.open(small(device).createSize(4 << 20).ioMode(IoMode.DIRECT).build())) {
                direct = tier.stats().readPath();
            } catch (final TierOpenException e) {
                assertTrue(e.getMessage().contains("O_DIRECT"), e.getMessage());
                direct = null;
            }
            try (BlockTier tier = BlockTier.open(small(device).createSize(4 << 20).build())) {
                assertEquals(direct == null ? "buffered" : "direct", tier.stats().readPath(), "AUTO uses O_DIRECT only where it works");
            }
        } finally {
            Files.deleteIfExists(device);
            Files.deleteIfExists(device.getParent());
        }
    }
}
