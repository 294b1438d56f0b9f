package dev.strata.bench.lab.eviction;

import dev.strata.bench.report.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Presents an {@link EvictionLab} run: a table of hit ratios (policy by capacity) for the
 * terminal, a CSV file ({@value #CSV_FILE}, one line per policy and capacity) and a self-contained
 * HTML page ({@value #HTML_FILE}: hit ratio versus cache size, one curve per policy, as inline SVG).
 */
public final class EvictionReport {
    public static final String CSV_FILE = "results.csv";
    public static final String HTML_FILE = "results.html";
    /** The CSV header, in column order. */
    public static final String CSV_HEADER = "trace,policy,capacity,unit,requests,hits,misses,hit_ratio,miss_bytes";

    private final Trace trace;
    private final long[] capacities;
    private final Map<String, List<SimResult>> rows;

    EvictionReport(final Trace trace, final long[] capacities, final Map<String, List<SimResult>> rows) {
        this.trace = trace;
        this.capacities = capacities.clone();
        this.rows = new LinkedHashMap<>(rows);
    }

    /** @return the results by row name (policies, then OPT and Caffeine), one per capacity in order */
    public Map<String, List<SimResult>> rows() {
        return rows;
    }

    /** @return the capacities, ascending */
    public long[] capacities() {
        return capacities.clone();
    }

    /** @return the trace that was replayed */
    public Trace trace() {
        return trace;
    }

    /** @return the unit of the capacities, {@code entries} or {@code bytes} */
    public String unit() {
        return trace.weighted() ? "bytes" : "entries";
    }

    /** @return one line describing the trace */
    public String description() {
        return String.format(Locale.ROOT, "trace: %s, %,d requests, %,d distinct keys%s; cache sizes in %s", trace.name(), trace.length(),
            trace.distinct(), trace.weighted() ? String.format(Locale.ROOT, " (%,d bytes)", trace.footprint()) : "", unit());
    }

    /** Prints {@link #description()} and the table of hit ratios in percent. */
    public void printTable(final PrintWriter out) {
        out.println(description());
        final TextTable table = new TextTable().column("hit %", false);
        for (String label : CacheSizes.labels(capacities, trace.weighted())) {
            table.column(label, true);
        }
        for (Map.Entry<String, List<SimResult>> row : rows.entrySet()) {
            final String[] cells = new String[1 + capacities.length];
            cells[0] = row.getKey();
            for (int c = 0; c < capacities.length; c++) {
                cells[1 + c] = percent(row.getValue().get(c));
            }
            table.row(cells);
        }
        table.print(out);
    }

    /** @return the results as CSV with {@link #CSV_HEADER} */
    public String csv() {
        final StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (Map.Entry<String, List<SimResult>> row : rows.entrySet()) {
            for (SimResult r : row.getValue()) {
                csv.append(csvCell(trace.name())).append(',').append(row.getKey()).append(',').append(r.capacity()).append(',')
                    .append(unit()).append(',').append(r.requests()).append(',').append(r.hits()).append(',').append(r.misses())
                    .append(',').append(String.format(Locale.ROOT, "%.6f", r.hitRatio())).append(',').append(r.missBytes()).append('\n');
            }
        }
        return csv.toString();
    }

    /** @return a self-contained HTML page: the description, the chart and the table */
    public String html() {
        final List<HitRatioChart.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<SimResult>> row : rows.entrySet()) {
            final double[] ratios = row.getValue().stream().mapToDouble(r -> r.hitRatio() * 100).toArray();
            series.add(new HitRatioChart.Series(row.getKey(), ratios));
        }
        final String svg = new HitRatioChart("Hit ratio versus cache size: " + trace.name(), "cache size (" + unit() + ")", capacities,
            CacheSizes.labels(capacities, trace.weighted()), series).svg();
        final StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Strata eviction lab: ")
            .append(HitRatioChart.escape(trace.name())).append("</title>\n<style>\n")
            .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}\n")
            .append("table{border-collapse:collapse;margin-top:1em}td,th{padding:.25em .7em;border-bottom:1px solid #ddd}\n")
            .append("td{text-align:right;font-variant-numeric:tabular-nums}td:first-child,th:first-child{text-align:left}\n")
            .append("</style>\n</head>\n<body>\n<h1>Strata eviction lab</h1>\n<p>").append(HitRatioChart.escape(description()))
            .append(". OPT is Bélády's optimal policy (the limit); Caffeine is the external reference.</p>\n")
            .append(svg).append("\n<table>\n<tr><th>hit %</th>");
        for (String label : CacheSizes.labels(capacities, trace.weighted())) {
            html.append("<th>").append(HitRatioChart.escape(label)).append("</th>");
        }
        html.append("</tr>\n");
        for (Map.Entry<String, List<SimResult>> row : rows.entrySet()) {
            html.append("<tr><td>").append(HitRatioChart.escape(row.getKey())).append("</td>");
            for (SimResult r : row.getValue()) {
                html.append("<td>").append(percent(r)).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n</body>\n</html>\n").toString();
    }

    /**
     * Writes {@value #CSV_FILE} and {@value #HTML_FILE} into {@code dir}, creating it if needed.
     *
     * @return the two files written
     */
    public List<Path> write(final Path dir) throws IOException {
        Files.createDirectories(dir);
        final Path csvFile = dir.resolve(CSV_FILE);
        final Path htmlFile = dir.resolve(HTML_FILE);
        Files.writeString(csvFile, csv(), StandardCharsets.UTF_8);
        Files.writeString(htmlFile, html(), StandardCharsets.UTF_8);
        return List.of(csvFile, htmlFile);
    }

    private static String percent(final SimResult r) {
        return String.format(Locale.ROOT, "%.2f", r.hitRatio() * 100);
    }

    private static String csvCell(final String text) {
        return text.indexOf(',') < 0 && text.indexOf('"') < 0 ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
