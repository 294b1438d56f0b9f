package dev.strata.bench.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the terminal: columns sized to their widest cell, text left-aligned,
 * numeric columns right-aligned.
 *
 * <pre>{@code
 * TextTable t = new TextTable().column("codec", false).column("ratio", true);
 * t.row("zstd", "3.120");
 * t.print(out);
 * }</pre>
 */
public final class TextTable {
    private final List<String> headers = new ArrayList<>();
    private final List<Boolean> rightAligned = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    /** Adds a column; {@code numeric} columns are right-aligned. */
    public TextTable column(final String header, final boolean numeric) {
        headers.add(header);
        rightAligned.add(numeric);
        return this;
    }

    /** Adds a row with one cell per column. */
    public TextTable row(final String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table has " + headers.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Prints the header, a rule and the rows. */
    public void print(final PrintWriter out) {
        final int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        line(out, headers.toArray(new String[0]), widths);
        final StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (String[] row : rows) {
            line(out, row, widths);
        }
        out.flush();
    }

    private void line(final PrintWriter out, final String[] cells, final int[] widths) {
        final StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            final String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(c == 0 ? "" : "  ").append(rightAligned.get(c) ? pad + cells[c] : cells[c] + pad);
        }
        out.println(line.toString().stripTrailing());
    }
}
