package dev.strata.tier.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.TierIOException;
import dev.strata.tier.TierOpenException;
import dev.strata.tier.WarmUp;
import dev.strata.tier.io.PowerCutFileIo;

/**
 * Bad locations and damaged files give typed exceptions whose messages name the place and say what
 * to do; nothing else stored is lost. The tests run as root, so a chmod would not stop writes:
 * unwritable locations are a path under a regular file (its "directory" cannot be created) and
 * {@code /proc}.
 */
@ExtendWith(LeakCheckExtension.class)
class FileTierBadInputTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        WarmUp.chronicle();
    }

    @Test
    void missingDirectoryWithoutCreate() {
        final Path missing = dir.resolve("missing");
        final TierOpenException e = assertThrows(TierOpenException.class,
            () -> FileTier.open(FileTierOptions.builder(missing).createDirectory(false).build()));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("create"), e.getMessage());
    }

    @Test
    void directoryUnderARegularFile() throws IOException {
        final Path file = Files.writeString(dir.resolve("plain-file"), "x");
        final TierOpenException e = assertThrows(TierOpenException.class,
            () -> FileTier.open(FileTierOptions.builder(file.resolve("tier")).build()));
        assertTrue(e.getMessage().contains("cannot create"), e.getMessage());
        assertTrue(FileTierOptions.builder(file).build().directory().equals(file));
        final TierOpenException notDir = assertThrows(TierOpenException.class, () -> FileTier.open(FileTierOptions.builder(file).build()));
        assertTrue(notDir.getMessage().contains("not a directory"), notDir.getMessage());
    }

    @Test
    void readOnlyLocation() {
        final TierOpenException e = assertThrows(TierOpenException.class,
            () -> FileTier.open(FileTierOptions.builder(Path.of("/proc/strata-tier")).build()));
        assertTrue(e.getMessage().contains("/proc/strata-tier"), e.getMessage());
        assertThrows(TierOpenException.class, () -> FileTier.open(FileTierOptions.builder(Path.of("/proc")).build()));
    }

    @Test
    void mapsNeedRealFiles() {
        final TierOpenException e = assertThrows(TierOpenException.class, () -> FileTier.open(
            FileTierOptions.builder(Path.of("/sim")).fileIo(new PowerCutFileIo(1)).readMode(ReadMode.MMAP).build()));
        assertTrue(e.getMessage().contains("PREAD"), e.getMessage());
        try (FileTier auto = FileTier.open(FileTierOptions.builder(Path.of("/sim")).fileIo(new PowerCutFileIo(1)).build())) {
            assertEquals("pread", auto.stats().readPath(), "AUTO falls back to positional reads");
        }
    }

    @Test
    void badOptionsAreNamed() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> FileTierOptions.builder(dir).writeBufferSize(5000));
        assertEquals("writeBufferSize must be a power of two between 4096 and 16777216, got 5000", e.getMessage());
    }

    @Test
    void damagedSegmentIsReportedAndOthersStayReadable() throws IOException {
        final Path tierDir = dir.resolve("tier");
        try (FileTier tier = FileTier.open(FileTierOptions.builder(tierDir).build())) {
            for (long id = 1; id <= 2; id++) {
                try (SegmentWriter w = tier.create(id)) {
                    w.append(new UnsafeBuffer(new byte[100]), 0, 100);
                    w.seal();
                }
            }
        }
        final Path damaged = tierDir.resolve(SegmentFileDescriptor.stem(1) + SegmentFileDescriptor.SEALED_SUFFIX);
        try (RandomAccessFile raf = new RandomAccessFile(damaged.toFile(), "rw")) {
            raf.setLength(raf.length() - 3);
        }
        try (FileTier tier = FileTier.open(FileTierOptions.builder(tierDir).build())) {
            final TierIOException e = assertThrows(TierIOException.class, () -> tier.open(1));
            assertTrue(e.getMessage().contains(damaged.toString()) && e.getMessage().contains("offset"), e.getMessage());
            try (SegmentReader r = tier.open(2)) {
                assertEquals(100, r.length());
            }
        }
    }

    @Test
    void damagedMetadataIsReported() throws IOException {
        final Path tierDir = dir.resolve("tier");
        try (FileTier tier = FileTier.open(FileTierOptions.builder(tierDir).build())) {
            tier.writeMetadata(new UnsafeBuffer(new byte[] {1, 2, 3}), 0, 3);
        }
        final Path meta = tierDir.resolve(MetadataFileDescriptor.FILE_NAME);
        final byte[] bytes = Files.readAllBytes(meta);
        bytes[bytes.length - 1] ^= 1;
        Files.write(meta, bytes);
        try (FileTier tier = FileTier.open(FileTierOptions.builder(tierDir).build())) {
            final TierIOException e = assertThrows(TierIOException.class, tier::readMetadata);
            assertTrue(e.getMessage().contains("metadata") && e.getMessage().contains("offset"), e.getMessage());
            tier.writeMetadata(new UnsafeBuffer(new byte[] {4}), 0, 1);
            assertArrayEquals(new byte[] {4}, tier.readMetadata(), "a new blob replaces the damaged one");
        }
    }

    @Test
    void leftoverTemporaryMetadataIsRemoved() throws IOException {
        final Path tierDir = Files.createDirectories(dir.resolve("tier"));
        Files.write(tierDir.resolve(MetadataFileDescriptor.TEMP_FILE_NAME), new byte[] {9, 9});
        try (FileTier tier = FileTier.open(FileTierOptions.builder(tierDir).build())) {
            assertFalse(Files.exists(tierDir.resolve(MetadataFileDescriptor.TEMP_FILE_NAME)));
            assertEquals(null, tier.readMetadata());
        }
    }
}
