package dev.strata.engine.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CorruptionException;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.StoreOpenException;
import dev.strata.Strata;
import dev.strata.compression.BlockFrameDescriptor;
import dev.strata.engine.sst.SegmentFileDescriptor;
import dev.strata.engine.wal.WalRecordDescriptor;
import dev.strata.engine.wal.WalSegmentDescriptor;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.TierKind;
import dev.strata.tier.WarmUp;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link StoreInspector} on real stores: inspect and verify pass on a sound store (file, block and
 * local object tier); bytes flipped on disk in data blocks, a WAL record or the manifest are reported with the
 * segment and offset, all of them, not just the first; a torn WAL tail is a warning. Expected
 * offsets are computed here from the layouts (frames, records), not taken from the inspector.
 * Values are random: the seed is printed, {@code -Dstrata.seed=N} replays it.
 */
class StoreInspectorTest {
    private static final long SEED = Long.getLong("strata.seed", System.nanoTime());
    private static final Pattern ENTRY = Pattern.compile("  key=\\S+ seq=\\d+ kind=(PUT|DELETE|PUT_TTL)( expires=\\S+)? value=\\S+ \\(len \\d+\\)");

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        System.out.println("StoreInspectorTest seed " + SEED + " (replay with -Dstrata.seed=" + SEED + ")");
        WarmUp.chronicle();
    }

    private StoreConfig.Builder config() {
        return StoreConfig.builder(dir).memtableBytes(64 << 10);
    }

    private static byte[] key(final int i) {
        return String.format("key%06d", i).getBytes(UTF_8);
    }

    /** A value of 1 to 100 bytes, printable or binary. */
    private static byte[] value(final Random random) {
        final byte[] v = new byte[1 + random.nextInt(100)];
        if (random.nextBoolean()) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (byte)('a' + random.nextInt(26));
            }
        } else {
            random.nextBytes(v);
        }
        return v;
    }

    /** Writes {@code n} keys (every 10th deleted afterwards, one with a TTL), flushes, closes. */
    private void writeFlushed(final StoreConfig config, final int n) {
        final Random random = new Random(SEED);
        try (Store store = Strata.open(config)) {
            for (int i = 0; i < n; i++) {
                store.put(key(i), value(random));
            }
            for (int i = 0; i < n; i += 10) {
                store.delete(key(i));
            }
            final byte[] v = "expiring".getBytes(UTF_8);
            store.put(new UnsafeBuffer(key(n)), 0, key(n).length, new UnsafeBuffer(v), 0, v.length, 3_600_000L);
            store.flush();
        }
    }

    /** Writes {@code n} keys, one batch each, without a flush: they stay in the WAL, which close seals. */
    private void writeToWal(final int n) {
        final Random random = new Random(SEED);
        try (Store store = Strata.open(config().build())) {
            for (int i = 0; i < n; i++) {
                store.put(key(i), value(random));
            }
        }
    }

    private record Run(InspectVerification result, String text) {
    }

    private Run verify() {
        final StringBuilder out = new StringBuilder();
        try (StoreInspector inspector = StoreInspector.open(dir)) {
            return new Run(inspector.verify(out), out.toString());
        }
    }

    private String inspect() {
        final StringBuilder out = new StringBuilder();
        try (StoreInspector inspector = StoreInspector.open(dir)) {
            assertTrue(inspector.inspect(out), out.toString());
        }
        return out.toString();
    }

    private FileTier fileTier() {
        return FileTier.open(FileTierOptions.builder(dir).createDirectory(false).build());
    }

    private ManifestData manifest() {
        try (Tier tier = fileTier()) {
            return Manifests.read(tier, Manifests.pointer(tier));
        }
    }

    private long manifestId() {
        try (Tier tier = fileTier()) {
            return Manifests.pointer(tier);
        }
    }

    private Path segmentFile(final long id) {
        return dir.resolve(String.format("%016x.seg", id));
    }

    /** XORs the byte at {@code segmentOffset} of a sealed file-tier segment with 0xFF. */
    private void flip(final long id, final long segmentOffset) throws IOException {
        try (FileChannel ch = FileChannel.open(segmentFile(id), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer b = ByteBuffer.allocate(1);
            final long at = dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET + segmentOffset;
            assertEquals(1, ch.read(b, at));
            b.put(0, (byte)(b.get(0) ^ 0xFF)).position(0);
            assertEquals(1, ch.write(b, at));
        }
    }

    private static byte[] read(final Tier tier, final long id) {
        try (SegmentReader r = tier.open(id)) {
            final byte[] bytes = new byte[(int)r.length()];
            assertEquals(bytes.length, r.read(0, new UnsafeBuffer(bytes), 0, bytes.length));
            return bytes;
        }
    }

    /** @return the offsets of a sorted segment's data block frames, from its footer and the frame headers */
    private List<Long> dataBlocks(final long id) {
        try (Tier tier = fileTier()) {
            final UnsafeBuffer b = new UnsafeBuffer(read(tier, id));
            final long filterAt = b.getLong(b.capacity() - SegmentFileDescriptor.FOOTER_LENGTH + SegmentFileDescriptor.FILTER_OFFSET, ByteOrder.LITTLE_ENDIAN);
            final List<Long> offsets = new ArrayList<>();
            for (int at = SegmentFileDescriptor.HEADER_LENGTH; at < filterAt; ) {
                offsets.add((long)at);
                final boolean dictionary = (BlockFrameDescriptor.flags(b, at) & BlockFrameDescriptor.FLAG_DICTIONARY) != 0;
                at += BlockFrameDescriptor.headerLength(dictionary) + b.getInt(at + BlockFrameDescriptor.COMPRESSED_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
            }
            return offsets;
        }
    }

    /** @return the largest WAL segment's id and its record offsets */
    private long[] walRecords(final List<Long> offsets) {
        try (Tier tier = fileTier()) {
            final List<long[]> all = new ArrayList<>();
            tier.list((id, sealed, length) -> all.add(new long[] {id, length}));
            all.sort(Comparator.comparingLong((long[] s) -> s[1]).reversed());
            for (long[] s : all) {
                final UnsafeBuffer b = new UnsafeBuffer(read(tier, s[0]));
                if (b.capacity() >= 8 && b.getLong(0, ByteOrder.LITTLE_ENDIAN) == WalSegmentDescriptor.MAGIC) {
                    for (int at = WalSegmentDescriptor.HEADER_LENGTH; at < b.capacity(); at += WalRecordDescriptor.HEADER_LENGTH
                        + WalRecordDescriptor.payloadLength(b, at)) {
                        offsets.add((long)at);
                    }
                    return new long[] {s[0], b.capacity()};
                }
            }
        }
        throw new AssertionError("no WAL segment in " + dir);
    }

    @Test
    void inspectListsTheSegmentsAndVerifyPasses() {
        writeFlushed(config().build(), 3000);
        final ManifestData m = manifest();
        assertFalse(m.files.isEmpty(), "the flush wrote sorted segments");
        final String summary = inspect();
        assertTrue(summary.contains("tier        file, "), summary);
        assertTrue(summary.contains("manifest    segment " + manifestId() + " "), summary);
        assertTrue(summary.contains("  #0 default: codec lz4"), summary);
        long entries = 0;
        for (ManifestData.FileEntry f : m.files) {
            assertTrue(summary.contains("    segment " + f.segmentId() + ": " + f.size() + " bytes, " + f.entries() + " entries"), "segment "
                + f.segmentId() + " in:\n" + summary);
            entries += f.entries();
        }

        final Run run = verify();
        assertSound(run.result(), run.text());
        assertEquals(m.files.size(), run.result().segments(), run.text());
        assertEquals(entries, run.result().entries(), run.text());
        assertTrue(run.result().blocks() >= m.files.size(), run.text());
    }

    /**
     * No errors, and warnings only for orphans: a compaction's inputs can outlive it on the tier until
     * the next open deletes them (seen with this engine version), which verify reports as warnings.
     */
    private static void assertSound(final InspectVerification result, final String text) {
        assertTrue(result.ok(), text);
        for (InspectProblem p : result.warnings()) {
            assertTrue(p.message().startsWith("orphan: "), p.toString());
        }
        assertTrue(text.startsWith("OK: ") || text.contains("\nOK: "), text);
    }

    @Test
    void corruptDataBlocksAreAllReportedWithSegmentAndOffset() throws IOException {
        writeFlushed(config().build(), 3000);
        final List<ManifestData.FileEntry> files = new ArrayList<>(manifest().files);
        assertTrue(files.size() >= 2, "need two sorted segments, the flush wrote " + files.size());
        files.sort(Comparator.comparingLong(ManifestData.FileEntry::size).reversed());
        final long big = files.get(0).segmentId();
        final long other = files.get(1).segmentId();
        final List<Long> blocks = dataBlocks(big);
        assertTrue(blocks.size() >= 4, "segment " + big + " has " + blocks.size() + " blocks");
        final long first = blocks.get(1);
        final long second = blocks.get(blocks.size() - 2);
        final long third = dataBlocks(other).get(0);
        flip(big, first + BlockFrameDescriptor.HEADER_LENGTH + 7);
        flip(big, second + BlockFrameDescriptor.HEADER_LENGTH + 1);
        flip(other, third + 30);

        final Run run = verify();
        assertFalse(run.result().ok(), run.text());
        final List<InspectProblem> errors = run.result().errors();
        assertEquals(3, errors.size(), run.text());
        assertProblem(errors.get(0), big, first, "CHECKSUM_MISMATCH");
        assertProblem(errors.get(1), big, second, "CHECKSUM_MISMATCH");
        assertEquals(dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET + second, errors.get(1).fileOffset());
        final InspectProblem o = errors.stream().filter(p -> p.segmentId() == other).findFirst().orElseThrow(() -> new AssertionError(run.text()));
        assertProblem(o, other, third, "CHECKSUM_MISMATCH");
        assertTrue(run.text().contains("ERROR   segment " + big + " (" + segmentFile(big) + ") at offset " + first + " (file offset " + (dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET + first)
            + "): "), run.text());
        assertTrue(run.text().contains("CORRUPT: "), run.text());
    }

    private static void assertProblem(final InspectProblem p, final long segment, final long offset, final String text) {
        assertEquals(segment, p.segmentId(), p.toString());
        assertEquals(offset, p.offset(), p.toString());
        assertTrue(p.message().contains(text), p.toString());
        assertTrue(p.location().contains("segment " + segment), p.toString());
    }

    @Test
    void corruptWalRecordInTheMiddleIsAnErrorWithItsOffset() throws IOException {
        writeToWal(300);
        final List<Long> records = new ArrayList<>();
        final long wal = walRecords(records)[0];
        assertTrue(records.size() >= 300, records.size() + " records");
        final long bad = records.get(records.size() / 2);
        flip(wal, bad + WalRecordDescriptor.HEADER_LENGTH + 2);

        final Run run = verify();
        assertFalse(run.result().ok(), run.text());
        assertEquals(1, run.result().errors().size(), run.text());
        final InspectProblem p = run.result().errors().get(0);
        assertProblem(p, wal, bad, "an intact record follows at offset " + records.get(records.size() / 2 + 1));
        assertTrue(p.location().startsWith("WAL segment " + wal), p.toString());
        assertEquals(records.size() - 1, run.result().walRecords(), "every other record is read: " + run.text());
        // the engine agrees: open stops at the same record
        final CorruptionException e = assertThrows(CorruptionException.class, () -> Strata.open(config().build()).close());
        assertEquals(bad, e.offset(), e.getMessage());
    }

    @Test
    void truncatedLastWalRecordIsATornTailWarning() {
        writeToWal(200);
        final List<Long> records = new ArrayList<>();
        final long[] wal = walRecords(records);
        final long last = records.get(records.size() - 1);
        // rewrite the segment as a crash would leave it: unsealed, the last record cut short
        try (Tier tier = fileTier()) {
            final byte[] bytes = read(tier, wal[0]);
            tier.delete(wal[0]);
            try (SegmentWriter w = tier.create(wal[0])) {
                w.append(new UnsafeBuffer(bytes), 0, bytes.length - 5);
                w.sync();
            }
        }
        assertTrue(Files.exists(dir.resolve(String.format("%016x.open", wal[0]))));

        final Run run = verify();
        assertTrue(run.result().ok(), run.text());
        final List<InspectProblem> torn = run.result().warnings().stream().filter(w -> !w.message().startsWith("orphan: ")).toList();
        assertEquals(1, torn.size(), run.text());
        final InspectProblem p = torn.get(0);
        assertEquals(wal[0], p.segmentId());
        assertEquals(last, p.offset());
        assertTrue(p.message().startsWith("torn tail at offset " + last + " (would be truncated at open"), p.toString());
        assertEquals(records.size() - 1, run.result().walRecords());
        // the engine agrees: open truncates there, every earlier write is back
        try (Store store = Strata.open(config().build())) {
            assertNull(store.get(key(records.size() - 1)));
            assertNotNull(store.get(key(records.size() - 2)));
        }
    }

    @Test
    void corruptLastRecordOfASealedWalIsAnErrorNotATornTail() throws IOException {
        writeToWal(50);
        final List<Long> records = new ArrayList<>();
        final long wal = walRecords(records)[0];
        final long last = records.get(records.size() - 1);
        flip(wal, last + WalRecordDescriptor.HEADER_LENGTH + 1);

        final Run run = verify();
        assertFalse(run.result().ok(), run.text());
        assertEquals(1, run.result().errors().size(), run.text());
        assertProblem(run.result().errors().get(0), wal, last, "corrupt last record in a sealed WAL segment");
        assertEquals(records.size() - 1, run.result().walRecords());
    }

    @Test
    void corruptManifestIsReportedAndTheSegmentsAreStillChecked() throws IOException {
        writeFlushed(config().build(), 2000);
        final int segments = manifest().files.size();
        final long manifest = manifestId();
        flip(manifest, ManifestDescriptor.HEADER_LENGTH + 3);

        final StringBuilder summary = new StringBuilder();
        try (StoreInspector inspector = StoreInspector.open(dir)) {
            assertFalse(inspector.inspect(summary), summary.toString());
            assertFalse(inspector.manifestReadable());
        }
        assertTrue(summary.toString().contains("manifest    unreadable"), summary.toString());
        final Run run = verify();
        assertFalse(run.result().ok(), run.text());
        final InspectProblem p = run.result().errors().get(0);
        assertEquals(manifest, p.segmentId(), run.text());
        assertTrue(p.message().contains("CRC32C"), p.toString());
        assertEquals(segments, run.result().segments(), "sorted segments found by their magic number: " + run.text());
    }

    @Test
    void dumpPrintsEntriesOfOneSegmentOrTheWalWithinTheLimit() {
        writeFlushed(config().build(), 1000);
        final ManifestData.FileEntry f = manifest().files.get(0);
        final StringBuilder all = new StringBuilder();
        final StringBuilder one = new StringBuilder();
        final StringBuilder wal = new StringBuilder();
        final StringBuilder full = new StringBuilder();
        try (StoreInspector inspector = StoreInspector.open(dir)) {
            assertEquals(7, inspector.dump(all, StoreInspector.ALL_SEGMENTS, false, 7).entries());
            assertTrue(inspector.dump(full, StoreInspector.ALL_SEGMENTS, false, StoreInspector.NO_LIMIT).problems().isEmpty(), full.toString());
            assertEquals(f.entries(), inspector.dump(one, f.segmentId(), false, StoreInspector.NO_LIMIT).entries());
            inspector.dump(wal, StoreInspector.ALL_SEGMENTS, true, StoreInspector.NO_LIMIT);
            assertThrows(IllegalArgumentException.class, () -> inspector.dump(new StringBuilder(), 999_999, false, 1));
        }
        final String[] lines = all.toString().split("\\R");
        assertTrue(lines[0].matches("segment \\d+ ns=default L\\d+"), lines[0]);
        assertEquals(7, java.util.Arrays.stream(lines).filter(l -> ENTRY.matcher(l).matches()).count(), all.toString());
        assertEquals("(limit of 7 entries reached)", lines[lines.length - 1]);
        assertEquals(1, java.util.Arrays.stream(lines).filter(l -> l.startsWith("(limit")).count(), all.toString());
        assertFalse(all.toString().contains("wal segment"), "nothing after the limit: " + all);

        final String[] segmentLines = one.toString().split("\\R");
        assertEquals("segment " + f.segmentId() + " ns=default L" + f.level(), segmentLines[0]);
        assertTrue(segmentLines[1].startsWith("  key=" + new String(f.smallest(), UTF_8) + " seq="), segmentLines[1]);
        for (int i = 1; i < segmentLines.length; i++) {
            assertTrue(ENTRY.matcher(segmentLines[i]).matches(), segmentLines[i]);
        }
        assertTrue(full.toString().contains(" kind=DELETE value=\"\" (len 0)"), "every 10th key is deleted");
        assertFalse(wal.toString().contains("\nsegment "), wal.toString());
        assertTrue(wal.toString().startsWith("wal segment "), wal.toString());
    }

    @Test
    void dumpShowsTtlAndBinaryValues() {
        final byte[] binary = {0, 1, (byte)0xFF};
        try (Store store = Strata.open(config().build())) {
            store.put("bin".getBytes(UTF_8), binary);
            final byte[] v = "soon".getBytes(UTF_8);
            store.put(new UnsafeBuffer("ttl".getBytes(UTF_8)), 0, 3, new UnsafeBuffer(v), 0, v.length, 3_600_000L);
        }
        final StringBuilder out = new StringBuilder();
        try (StoreInspector inspector = StoreInspector.open(dir)) {
            inspector.dump(out, StoreInspector.ALL_SEGMENTS, true, StoreInspector.NO_LIMIT);
        }
        assertTrue(out.toString().contains("  ns=default key=bin seq=1 kind=PUT value=0x0001ff (len 3)"), out.toString());
        assertTrue(Pattern.compile("  ns=default key=ttl seq=2 kind=PUT_TTL expires=\\S+Z value=soon \\(len 4\\)").matcher(out).find(), out.toString());
    }

    @ParameterizedTest
    @EnumSource(value = TierKind.class, names = {"BLOCK", "OBJECT"})
    void blockAndObjectTierStoresInspectAndVerify(final TierKind kind) {
        writeFlushed(config().tier(kind).blockTierBytes(16 << 20).build(), 3000);
        final StringBuilder summary = new StringBuilder();
        final StringBuilder text = new StringBuilder();
        final InspectVerification result;
        try (StoreInspector inspector = StoreInspector.open(dir)) {
            assertEquals(kind, inspector.tierKind());
            assertTrue(inspector.inspect(summary), summary.toString());
            result = inspector.verify(text);
        }
        assertTrue(summary.toString().contains("tier        " + kind.name().toLowerCase(java.util.Locale.ROOT) + ", "), summary.toString());
        assertTrue(summary.toString().contains("  default L"), summary.toString());
        assertSound(result, text.toString());
        assertTrue(result.segments() > 0 && result.entries() > 3000 * 9 / 10, text.toString());
    }

    @Test
    void aStoreOpenElsewhereIsRefused() {
        try (Store store = Strata.open(config().build())) {
            store.put("a".getBytes(UTF_8), "1".getBytes(UTF_8));
            final StoreOpenException e = assertThrows(StoreOpenException.class, () -> StoreInspector.open(dir).close());
            assertTrue(e.getMessage().contains("is open in another process; close it first"), e.getMessage());
        }
        // and the inspector's own lock is released on close: the store opens again
        try (StoreInspector inspector = StoreInspector.open(dir)) {
            assertTrue(inspector.manifestReadable());
        }
        try (Store store = Strata.open(config().build())) {
            assertArrayEquals("1".getBytes(UTF_8), store.get("a".getBytes(UTF_8)));
        }
    }

    @Test
    void aDirectoryWithoutAStoreIsRefusedAndLeftAlone() throws IOException {
        final StoreOpenException missing = assertThrows(StoreOpenException.class, () -> StoreInspector.open(dir.resolve("nope")).close());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Files.writeString(dir.resolve("notes.txt"), "not a store");
        final StoreOpenException other = assertThrows(StoreOpenException.class, () -> StoreInspector.open(dir).close());
        assertTrue(other.getMessage().contains("is not a Strata store"), other.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("notes.txt")), files.toList());
        }
    }
}
