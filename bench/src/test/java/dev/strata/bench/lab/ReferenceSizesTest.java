package dev.strata.bench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.bench.report.TextTable;
import dev.strata.compression.BlockFrameDescriptor;
import dev.strata.compression.CodecType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Truth check: the lab's codecs on the Calgary and Canterbury files, one block per file, against
 * the sizes the reference command-line tools produced ({@code shared/data/corpus/reference_sizes.tsv}:
 * lz4 1.9.4 {@code -1 -9 -12}, zstd 1.5.4 {@code -1 -3 -9 -19}). Every size must be within 1 %.
 *
 * <h2>What is compared</h2>
 * The codec output in the reference tool's container, so that only compression is compared:
 * <ul>
 *   <li>The reference sizes are the tools' outputs without checksums: {@code lz4 --no-frame-crc}
 *       and {@code zstd --no-check} reproduce them exactly (the defaults are 4 bytes larger).</li>
 *   <li>zstd: both sides are zstd frames with the content size and no checksum, so our payload is
 *       compared as is.</li>
 *   <li>lz4: the reference is an LZ4 frame holding one block: 7 header + 4 block-size + 4
 *       end-mark bytes around the block, so our LZ4 block payload + 15 is compared.</li>
 *   <li>Our block frame adds a 16-byte header (CRC32C included) to the payload; that is asserted
 *       exactly, separately. Compared whole, it alone exceeds 1 % on the smallest outputs (16 bytes
 *       on canterbury/grammar.lsp's 1,210 at zstd -19 is 1.3 %).</li>
 * </ul>
 *
 * <h2>Known library differences</h2>
 * {@link KnownDifferences} lists the cells where the libraries Strata bundles compress differently
 * from the reference versions; those are asserted to be exactly the size our libraries produce.
 */
class ReferenceSizesTest {
    private static final double TOLERANCE = 0.01;
    /** LZ4 frame around one block: magic 4, FLG 1, BD 1, header checksum 1, block size 4, end mark 4. */
    private static final int LZ4_FRAME_OVERHEAD = 15;
    private static final List<Column> COLUMNS = List.of(
        new Column("lz4_1", new CodecLevel(CodecType.LZ4, 1), LZ4_FRAME_OVERHEAD),
        new Column("lz4hc_9", new CodecLevel(CodecType.LZ4_HC, 9), LZ4_FRAME_OVERHEAD),
        new Column("lz4hc_12", new CodecLevel(CodecType.LZ4_HC, 12), LZ4_FRAME_OVERHEAD),
        new Column("zstd_1", new CodecLevel(CodecType.ZSTD, 1), 0),
        new Column("zstd_3", new CodecLevel(CodecType.ZSTD, 3), 0),
        new Column("zstd_9", new CodecLevel(CodecType.ZSTD, 9), 0),
        new Column("zstd_19", new CodecLevel(CodecType.ZSTD, 19), 0));

    /** A reference column: its TSV name, our codec and level, the reference container's bytes around one block. */
    private record Column(String name, CodecLevel codec, int containerBytes) {
    }

    @Test
    void lab_sizes_match_the_reference_tools() throws IOException {
        final Path corpusDir = SharedData.corpus();
        final List<String> lines = Files.readAllLines(corpusDir.resolve("reference_sizes.tsv"));
        assertEquals("file\tsize\t" + String.join("\t", COLUMNS.stream().map(Column::name).toList()), lines.get(0), "TSV header");
        final CompressionLab lab = new CompressionLab(LabSettings.sizesOnly(LabSettings.WHOLE_FILE));
        final List<CodecLevel> codecs = COLUMNS.stream().map(Column::codec).toList();
        final List<String> failures = new ArrayList<>();
        final long[] ourTotal = new long[COLUMNS.size()];
        final long[] refTotal = new long[COLUMNS.size()];
        final double[] worst = new double[COLUMNS.size()];
        final String[] worstFile = new String[COLUMNS.size()];
        Arrays.fill(worstFile, "-");
        final TextTable table = new TextTable().column("file", false).column("size", true);
        COLUMNS.forEach(c -> table.column(c.name() + " ours/ref", true));
        for (String line : lines.subList(1, lines.size())) {
            final String[] cells = line.split("\t");
            final byte[] data = Files.readAllBytes(corpusDir.resolve(cells[0]));
            assertEquals(Long.parseLong(cells[1]), data.length, cells[0] + " size");
            final List<CodecResult> results = lab.run(new Corpus(cells[0], List.of(new CorpusFile(cells[0], data))), codecs, null, LabProgress.NONE);
            final String[] row = new String[2 + COLUMNS.size()];
            row[0] = cells[0];
            row[1] = cells[1];
            for (int c = 0; c < COLUMNS.size(); c++) {
                final Column column = COLUMNS.get(c);
                final CodecResult r = results.get(c);
                assertEquals(BlockFrameDescriptor.HEADER_LENGTH, r.frameBytes() - r.payloadBytes(), "frame header, " + cells[0]);
                final long ours = r.payloadBytes() + column.containerBytes();
                final long ref = Long.parseLong(cells[2 + c]);
                final double deviation = (double)(ours - ref) / ref;
                ourTotal[c] += ours;
                refTotal[c] += ref;
                final Long known = KnownDifferences.SIZES.get(cells[0] + " " + column.name());
                String mark = "";
                if (known != null) {
                    mark = " *";
                    if (ours != known) {
                        failures.add(cells[0] + " " + column.name() + ": " + ours + " bytes, the bundled library gave " + known
                            + " when this was checked: a library or codec setting changed");
                    }
                } else {
                    if (Math.abs(deviation) > Math.abs(worst[c])) {
                        worst[c] = deviation;
                        worstFile[c] = cells[0];
                    }
                    if (Math.abs(deviation) > TOLERANCE) {
                        failures.add(String.format(Locale.ROOT, "%s %s: %d bytes vs reference %d (%+.2f %%)", cells[0], column.name(), ours, ref, deviation * 100));
                    }
                }
                row[2 + c] = String.format(Locale.ROOT, "%d/%d %+.2f%%%s", ours, ref, deviation * 100, mark);
            }
            table.row(row);
        }
        final String[] totals = new String[2 + COLUMNS.size()];
        final String[] worstRow = new String[2 + COLUMNS.size()];
        totals[0] = "total";
        totals[1] = "";
        worstRow[0] = "worst outside *";
        worstRow[1] = "";
        for (int c = 0; c < COLUMNS.size(); c++) {
            final double deviation = (double)(ourTotal[c] - refTotal[c]) / refTotal[c];
            totals[2 + c] = String.format(Locale.ROOT, "%d/%d %+.2f%%", ourTotal[c], refTotal[c], deviation * 100);
            worstRow[2 + c] = String.format(Locale.ROOT, "%+.2f%% %s", worst[c] * 100, worstFile[c]);
            if (Math.abs(deviation) > TOLERANCE) {
                failures.add(String.format(Locale.ROOT, "column %s total: %+.2f %%", COLUMNS.get(c).name(), deviation * 100));
            }
        }
        table.row(totals);
        table.row(worstRow);
        final PrintWriter out = new PrintWriter(System.out, true);
        out.println("Truth check: payload in the reference container (ours) vs reference tools; * = known library difference, asserted exactly");
        table.print(out);
        assertTrue(failures.isEmpty(), failures.size() + " sizes off by more than 1 %:\n" + String.join("\n", failures));
    }

    /**
     * Cells where the bundled libraries differ from the reference versions by more than 1 %, with
     * the exact size the bundled library produced (keyed {@code "file column"}). Checked by hand:
     * <ul>
     *   <li>{@code lz4_1}: lz4-java 1.14.0 bundles liblz4 1.11.0. Debian's liblz4 1.9.4
     *       ({@code LZ4_compress_default} through ctypes) gives exactly reference − 15 on every
     *       file, so the reference is the 1.9.4 block; 1.11.0's fast compressor emits different
     *       blocks (smaller on most of these files, larger on pic/ptt5). HC levels 9 and 12 are
     *       unchanged (within 3 bytes).</li>
     *   <li>{@code zstd_19}: zstd-jni 1.5.7-28 bundles zstd 1.5.7. zstd-jni 1.5.5-11 reproduces
     *       every reference size at -19 exactly; from zstd 1.5.6 on (zstd-jni 1.5.6-3 and later)
     *       level 19 compresses these numeric files better (1.5.6: "improved compression of arrays
     *       of integers" at high levels).</li>
     * </ul>
     * Not a tolerance: a change in any of these sizes fails the test, as it means the library or a
     * codec setting changed.
     */
    private static final class KnownDifferences {
        static final Map<String, Long> SIZES = Map.ofEntries(
            Map.entry("calgary/bib lz4_1", 56_132L),
            Map.entry("calgary/paper1 lz4_1", 28_605L),
            Map.entry("calgary/pic lz4_1", 88_896L),
            Map.entry("calgary/progc lz4_1", 20_688L),
            Map.entry("calgary/progl lz4_1", 26_354L),
            Map.entry("calgary/progp lz4_1", 18_146L),
            Map.entry("calgary/trans lz4_1", 29_476L),
            Map.entry("canterbury/fields.c lz4_1", 5_130L),
            Map.entry("canterbury/ptt5 lz4_1", 88_896L),
            Map.entry("canterbury/xargs.1 lz4_1", 2_638L),
            Map.entry("calgary/geo zstd_19", 63_051L),
            Map.entry("canterbury/kennedy.xls zstd_19", 64_825L),
            Map.entry("canterbury/sum zstd_19", 11_107L));
    }
}
