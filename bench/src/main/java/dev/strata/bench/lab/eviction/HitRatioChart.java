package dev.strata.bench.lab.eviction;

import java.util.List;
import java.util.Locale;

/**
 * A line chart of hit ratio (percent) versus cache size as inline SVG, no script: one polyline
 * with point markers per series, labelled axes with grid lines, and a legend. The size axis is
 * logarithmic when the sizes span a factor of 8 or more, linear otherwise. OPT is drawn dashed and
 * Caffeine dotted, so the references stand apart from the policies.
 */
final class HitRatioChart {
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
        "#bcbd22", "#7f7f7f", "#393b79", "#ad494a"};
    private static final int WIDTH = 860;
    private static final int HEIGHT = 460;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    /** One curve: a name and a hit ratio in percent per size. */
    record Series(String name, double[] percents) {
    }

    private final String title;
    private final String xLabel;
    private final long[] sizes;
    private final List<String> sizeLabels;
    private final List<Series> series;

    HitRatioChart(final String title, final String xLabel, final long[] sizes, final List<String> sizeLabels, final List<Series> series) {
        this.title = title;
        this.xLabel = xLabel;
        this.sizes = sizes;
        this.sizeLabels = sizeLabels;
        this.series = series;
    }

    String svg() {
        final double top = yTop();
        final StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
            + " font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, escape(title)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, escape(title)));
        final int plotRight = WIDTH - RIGHT;
        final int plotBottom = HEIGHT - BOTTOM;
        for (int t = 0; t <= 10; t++) {
            final double v = top * t / 10;
            final double y = y(v, top);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n", LEFT, y, plotRight, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4,
                top >= 20 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)));
        }
        for (int i = 0; i < sizes.length; i++) {
            final double x = x(i);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#f0f0f0\"/>%n", x, TOP, x, plotBottom));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, plotBottom + 18,
                escape(sizeLabels.get(i))));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n", LEFT, TOP,
            plotRight - LEFT, plotBottom - TOP));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s%s</text>%n", (LEFT + plotRight) / 2,
            HEIGHT - 18, escape(xLabel), logScale() ? ", log scale" : ""));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(20 %d) rotate(-90)\" text-anchor=\"middle\">hit ratio (%%)</text>%n",
            (TOP + plotBottom) / 2));
        for (int k = 0; k < series.size(); k++) {
            final Series line = series.get(k);
            final String color = color(k, line.name());
            final String dash = line.name().equals(EvictionLab.OPT) ? " stroke-dasharray=\"7 4\""
                : line.name().equals(CaffeineReference.NAME) ? " stroke-dasharray=\"2 3\"" : "";
            final StringBuilder points = new StringBuilder();
            for (int i = 0; i < sizes.length; i++) {
                points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x(i), y(line.percents()[i], top)));
            }
            s.append(String.format(Locale.ROOT, "<g><title>%s</title><polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                escape(line.name()), points, color, dash));
            for (int i = 0; i < sizes.length; i++) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %.2f %%</title></circle>",
                    x(i), y(line.percents()[i], top), color, escape(line.name()), escape(sizeLabels.get(i)), line.percents()[i]));
            }
            s.append("</g>\n");
            final int ly = TOP + 10 + k * 20;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>", plotRight + 16,
                ly, plotRight + 44, ly, color, dash));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", plotRight + 50, ly + 4, escape(line.name())));
        }
        return s.append("</svg>").toString();
    }

    private static String color(final int k, final String name) {
        if (name.equals(EvictionLab.OPT)) {
            return "#000000";
        }
        if (name.equals(CaffeineReference.NAME)) {
            return "#555555";
        }
        return COLORS[k % COLORS.length];
    }

    /** @return the top of the y axis: the highest value rounded up to a multiple of 10 (at most 100), or 10 */
    private double yTop() {
        double max = 0;
        for (Series line : series) {
            for (double p : line.percents()) {
                max = Math.max(max, p);
            }
        }
        return Math.min(100, Math.max(10, Math.ceil(max / 10) * 10));
    }

    private boolean logScale() {
        return sizes.length > 1 && sizes[0] > 0 && (double)sizes[sizes.length - 1] / sizes[0] >= 8;
    }

    private double x(final int i) {
        final int plotRight = WIDTH - RIGHT;
        final double pad = 20;
        if (sizes.length == 1) {
            return (LEFT + plotRight) / 2.0;
        }
        final double f = logScale()
            ? (Math.log(sizes[i]) - Math.log(sizes[0])) / (Math.log(sizes[sizes.length - 1]) - Math.log(sizes[0]))
            : (double)(sizes[i] - sizes[0]) / (sizes[sizes.length - 1] - sizes[0]);
        return LEFT + pad + f * (plotRight - LEFT - 2 * pad);
    }

    private static double y(final double percent, final double top) {
        final int plotBottom = HEIGHT - BOTTOM;
        return plotBottom - Math.min(percent, top) / top * (plotBottom - TOP);
    }

    /** @return {@code text} safe inside HTML or SVG text and attributes */
    static String escape(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
