package dev.strata.bench.tool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.bench.cli.CliRun;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata inspect | verify | dump} in-process: exit status 0 when sound, 1 on corruption, 2 (one line on stderr) for bad arguments. */
class StoreToolCommandsTest {
    /** File tier: where a segment file's data starts (after its header block and the gap to 1 MiB). */
    private static final int FILE_HEADER = dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET;
    /** "STRATSST", the sorted-segment magic, little-endian. */
    private static final long SST_MAGIC = 0x5453535441525453L;

    @TempDir
    Path dir;

    /** The first store open maps Chronicle's native libraries and static buffers: do it before any leak check. */
    @BeforeAll
    static void warmUp(@TempDir final Path warm) {
        writeStore(warm, 10);
        CliRun.of("verify", warm.toString());
    }

    private static void writeStore(final Path at, final int keys) {
        try (Store store = Strata.open(StoreConfig.builder(at).memtableBytes(64 << 10).build())) {
            for (int i = 0; i < keys; i++) {
                store.put(String.format("key%06d", i).getBytes(UTF_8), ("value-" + i).getBytes(UTF_8));
            }
            store.flush();
        }
    }

    @Test
    void soundStoreInspectsAndVerifiesWithStatus0() {
        writeStore(dir, 1500);
        final CliRun inspect = CliRun.of("inspect", dir.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("tier        file, "), inspect.out());
        assertTrue(inspect.out().contains("  default L"), inspect.out());
        final CliRun verify = CliRun.of("verify", dir.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("OK: "), verify.out());
        assertEquals("", verify.err());
    }

    @Test
    void corruptionMakesVerifyAndDumpExitWith1() throws IOException {
        writeStore(dir, 1500);
        final Path sst = sortedSegmentFile();
        flip(sst, FILE_HEADER + 16 + 20);
        final CliRun verify = CliRun.of("verify", dir.toString());
        assertEquals(1, verify.exitCode(), verify.out() + verify.err());
        final long id = Long.parseLong(sst.getFileName().toString().substring(0, 16), 16);
        assertTrue(verify.out().contains("ERROR   segment " + id + " (" + sst + ") at offset 16 (file offset " + (FILE_HEADER + 16) + "): "), verify.out());
        assertTrue(verify.out().contains("CORRUPT: "), verify.out());
        assertEquals("", verify.err());
        final CliRun dump = CliRun.of("dump", dir.toString(), "--segment", Long.toString(id));
        assertEquals(1, dump.exitCode(), dump.out() + dump.err());
    }

    @Test
    void dumpPrintsEntriesUpToTheLimit() {
        writeStore(dir, 1500);
        final CliRun dump = CliRun.of("dump", dir.toString(), "--limit", "5");
        assertEquals(0, dump.exitCode(), dump.err());
        final List<String> lines = Arrays.asList(dump.out().split("\\R"));
        assertTrue(lines.get(0).matches("segment \\d+ ns=default L\\d+"), dump.out());
        assertEquals(5, lines.stream().filter(l -> l.matches("  key=key\\d{6} seq=\\d+ kind=PUT value=value-\\d+ \\(len \\d+\\)")).count(), dump.out());
        assertEquals("(limit of 5 entries reached)", lines.get(lines.size() - 1));
    }

    @Test
    void badArgumentsExitWith2AndOneLine() throws IOException {
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        assertUsageError(CliRun.of("verify", dir.resolve("missing").toString()), "the directory does not exist");
        assertUsageError(CliRun.of("inspect", empty.toString()), "is not a Strata store");
        assertUsageError(CliRun.of("verify"), "Missing required parameter: 'DIR'");
        final Path store = dir.resolve("store");
        writeStore(store, 10);
        assertUsageError(CliRun.of("dump", store.toString(), "--segment", "999999"), "no segment 999999 in the store");
        assertUsageError(CliRun.of("dump", store.toString(), "--segment", "1", "--wal"), "--segment and --wal exclude each other");
        assertUsageError(CliRun.of("dump", store.toString(), "--limit", "-1"), "--limit must be >= 0");
        try (Store open = Strata.open(StoreConfig.builder(store).build())) {
            assertTrue(open.lastSequence() > 0);
            assertUsageError(CliRun.of("verify", store.toString()), "is open in another process; close it first");
        }
    }

    private static void assertUsageError(final CliRun run, final String expected) {
        assertEquals(2, run.exitCode(), "exit status; stderr: " + run.err());
        assertEquals(1, run.errLines().length, "exactly one line on stderr: " + run.err());
        assertTrue(run.errLines()[0].startsWith("strata: error: "), run.err());
        assertTrue(run.errLines()[0].contains(expected), "expected '" + expected + "' in: " + run.err());
        assertEquals("", run.out(), "nothing on stdout");
    }

    /** @return a sealed file-tier segment holding a sorted segment (its data starts with the SST magic) */
    private Path sortedSegmentFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".seg")).sorted().toList()) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                    final ByteBuffer magic = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                    if (ch.read(magic, FILE_HEADER) == 8 && magic.getLong(0) == SST_MAGIC) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError("no sorted segment in " + dir);
    }

    private static void flip(final Path file, final long at) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer b = ByteBuffer.allocate(1);
            assertEquals(1, ch.read(b, at));
            b.put(0, (byte)(b.get(0) ^ 0xFF)).position(0);
            assertEquals(1, ch.write(b, at));
        }
    }
}
