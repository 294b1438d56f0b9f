package dev.strata.bench.lab;

import dev.strata.bench.report.JsonWriter;
import dev.strata.bench.report.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Presents the results of a {@link CompressionLab} run: a table for the terminal, and CSV and JSON
 * files ({@value #CSV_FILE}, {@value #JSON_FILE}) for plots and later comparison.
 *
 * <p>Sizes are block-frame bytes as Strata stores them (16-byte header, 20 with a dictionary id,
 * plus the codec payload); the ratio is uncompressed / frame bytes; MB/s are 10^6 uncompressed
 * bytes per second through the codec alone.
 */
public final class CompressionReport {
    public static final String CSV_FILE = "results.csv";
    public static final String JSON_FILE = "results.json";
    /** The CSV header, in column order. */
    public static final String CSV_HEADER = "codec,level,block_size,blocks,uncompressed_bytes,compressed_bytes,payload_bytes,"
        + "ratio,compress_mb_s,decompress_mb_s,dictionary_bytes";

    private final Corpus corpus;
    private final LabSettings settings;
    private final List<CodecResult> results;

    public CompressionReport(final Corpus corpus, final LabSettings settings, final List<CodecResult> results) {
        this.corpus = corpus;
        this.settings = settings;
        this.results = List.copyOf(results);
    }

    /** Prints a one-line description of the run, then the table. */
    public void printTable(final PrintWriter out) {
        out.println(String.format(Locale.ROOT, "corpus: %s, %d files, %,d bytes; blocks: %s; %s",
            corpus.description(), corpus.files().size(), corpus.totalBytes(), settings.blockSizeLabel(),
            settings.timed() ? String.format(Locale.ROOT, "warm-up %.2f s, min time %.2f s per direction",
                settings.warmupNanos() / 1e9, settings.minTimeNanos() / 1e9) : "sizes only"));
        final TextTable table = new TextTable().column("codec", false).column("level", true).column("ratio", true)
            .column("compress MB/s", true).column("decompress MB/s", true).column("compressed bytes", true);
        for (CodecResult r : results) {
            table.row(r.codec().type().label(), Integer.toString(r.codec().level()), fixed(r.ratio(), 3),
                rate(r.compressMBps()), rate(r.decompressMBps()), String.format(Locale.ROOT, "%,d", r.frameBytes()));
        }
        table.print(out);
    }

    /** @return the results as CSV, one row per codec and level, with {@link #CSV_HEADER} */
    public String csv() {
        final StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (CodecResult r : results) {
            csv.append(r.codec().type().label()).append(',').append(r.codec().level()).append(',')
                .append(r.blockSize()).append(',').append(r.blocks()).append(',')
                .append(r.uncompressedBytes()).append(',').append(r.frameBytes()).append(',').append(r.payloadBytes()).append(',')
                .append(fixed(r.ratio(), 4)).append(',')
                .append(Double.isNaN(r.compressMBps()) ? "" : fixed(r.compressMBps(), 1)).append(',')
                .append(Double.isNaN(r.decompressMBps()) ? "" : fixed(r.decompressMBps(), 1)).append(',')
                .append(r.dictionaryBytes()).append('\n');
        }
        return csv.toString();
    }

    /** @return the run's settings, corpus and results as a JSON document */
    public String json() {
        final JsonWriter json = new JsonWriter().beginObject()
            .name("lab").value("compression")
            .name("corpus").beginObject()
            .name("description").value(corpus.description())
            .name("files").value(corpus.files().size())
            .name("bytes").value(corpus.totalBytes())
            .name("sha256").value(corpus.sha256())
            .endObject()
            .name("blockSize").value(settings.blockSize())
            .name("blockSizeLabel").value(settings.blockSizeLabel())
            .name("timed").value(settings.timed())
            .name("warmupSeconds").value(settings.warmupNanos() / 1e9, 3)
            .name("minTimeSeconds").value(settings.minTimeNanos() / 1e9, 3)
            .name("results").beginArray();
        for (CodecResult r : results) {
            json.beginObject()
                .name("codec").value(r.codec().type().label())
                .name("level").value(r.codec().level())
                .name("blocks").value(r.blocks())
                .name("uncompressedBytes").value(r.uncompressedBytes())
                .name("compressedBytes").value(r.frameBytes())
                .name("payloadBytes").value(r.payloadBytes())
                .name("ratio").value(r.ratio(), 4)
                .name("compressMBps").value(r.compressMBps(), 1)
                .name("decompressMBps").value(r.decompressMBps(), 1)
                .name("dictionaryBytes").value(r.dictionaryBytes())
                .endObject();
        }
        return json.endArray().endObject().toString();
    }

    /**
     * Writes {@value #CSV_FILE} and {@value #JSON_FILE} into {@code dir}, creating it if needed.
     *
     * @return the two files written
     */
    public List<Path> write(final Path dir) throws IOException {
        Files.createDirectories(dir);
        final Path csvFile = dir.resolve(CSV_FILE);
        final Path jsonFile = dir.resolve(JSON_FILE);
        Files.writeString(csvFile, csv(), StandardCharsets.UTF_8);
        Files.writeString(jsonFile, json(), StandardCharsets.UTF_8);
        return List.of(csvFile, jsonFile);
    }

    private static String rate(final double mbps) {
        return Double.isNaN(mbps) ? "-" : String.format(Locale.ROOT, "%,.1f", mbps);
    }

    private static String fixed(final double value, final int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
