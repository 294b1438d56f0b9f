package dev.strata.bench.lab.eviction;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cache capacities for the lab: parsing {@code --sizes}, defaults, and labels. A trace without sizes
 * counts entries ({@code 100,500,1000}); a byte-weighted one counts bytes, with an optional binary
 * unit ({@code 128MiB}, {@code 1g}, {@code 65536}).
 */
public final class CacheSizes {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([a-z]*)");
    private static final double[] DEFAULT_FRACTIONS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5};

    private CacheSizes() {
    }

    /**
     * @param texts    the sizes as given, one per element
     * @param weighted whether the trace is byte-weighted (sizes in bytes) or not (entries)
     * @return the capacities, ascending, without duplicates
     * @throws IllegalArgumentException with a one-line message naming the bad size
     */
    public static long[] parse(final List<String> texts, final boolean weighted) {
        final TreeSet<Long> sizes = new TreeSet<>();
        for (String text : texts) {
            sizes.add(parse(text, weighted));
        }
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("--sizes is empty: give at least one cache size");
        }
        return sizes.stream().mapToLong(Long::longValue).toArray();
    }

    private static long parse(final String text, final boolean weighted) {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        final Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("cache size '" + text + "' is not a positive number"
                + (weighted ? " of bytes: use e.g. 65536, 128MiB, 1GiB" : " of entries: use e.g. 100,1000"));
        }
        final String unit = m.group(2);
        final int shift;
        switch (unit) {
            case "": case "b": shift = 0; break;
            case "k": case "kb": case "kib": shift = 10; break;
            case "m": case "mb": case "mib": shift = 20; break;
            case "g": case "gb": case "gib": shift = 30; break;
            case "t": case "tb": case "tib": shift = 40; break;
            default: throw new IllegalArgumentException("cache size '" + text + "' has an unknown unit '" + unit + "': use KiB, MiB, GiB");
        }
        if (!weighted && !unit.isEmpty()) {
            throw new IllegalArgumentException("cache size '" + text + "' is in bytes, but this trace has no object sizes and counts"
                + " entries: give entry counts such as 100,1000");
        }
        final long value = Long.parseLong(m.group(1));
        if (value > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException("cache size '" + text + "' is too large");
        }
        if (value == 0) {
            throw new IllegalArgumentException("cache size '" + text + "' must be at least 1");
        }
        if (!weighted && value > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cache size " + text + " is over " + (Integer.MAX_VALUE - 8) + " entries");
        }
        return value << shift;
    }

    /**
     * @return capacities of 1, 2, 5, 10, 20 and 50 % of the trace's footprint (distinct keys, or
     *         their bytes), ascending, at least 1, without duplicates
     */
    public static long[] defaults(final Trace trace) {
        final long footprint = trace.footprint();
        final TreeSet<Long> sizes = new TreeSet<>();
        for (double f : DEFAULT_FRACTIONS) {
            long size = Math.max(1, Math.round(footprint * f));
            if (trace.weighted() && size > 1 << 20) {
                size = Math.round(size / 1048576.0) << 20; // whole MiB, for readable labels
            }
            sizes.add(size);
        }
        return sizes.stream().mapToLong(Long::longValue).toArray();
    }

    /** @return {@code capacity} for a report: entries as a number, bytes with a binary unit when exact ({@code 128MiB}) */
    public static String label(final long capacity, final boolean weighted) {
        if (!weighted) {
            return Long.toString(capacity);
        }
        final String[] units = {"TiB", "GiB", "MiB", "KiB"};
        final int[] shifts = {40, 30, 20, 10};
        for (int u = 0; u < units.length; u++) {
            if (capacity >= 1L << shifts[u] && capacity % (1L << shifts[u]) == 0) {
                return (capacity >> shifts[u]) + units[u];
            }
        }
        return capacity + "B";
    }

    /** @return the labels of {@code capacities} */
    public static List<String> labels(final long[] capacities, final boolean weighted) {
        return Arrays.stream(capacities).mapToObj(c -> label(c, weighted)).toList();
    }
}
