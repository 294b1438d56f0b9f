package dev.strata.bench.cli;

import dev.strata.bench.lab.CodecLevel;
import dev.strata.bench.lab.LabSettings;
import dev.strata.compression.CodecType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the lab options whose syntax is ours: sizes ({@code 64k}, {@code 1m}, {@code whole}),
 * times ({@code 0.3}, {@code 300ms}, {@code 2s}) and the codec plan ({@code --codecs} with
 * {@code --levels CODEC=L1,L2,...}). Every method throws {@link IllegalArgumentException} with a
 * one-line message naming the bad value.
 */
final class LabArgs {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,9})?)\\s*(|s|ms)");
    private static final long MAX_TIME_NANOS = 3_600_000_000_000L;

    private LabArgs() {
    }

    /**
     * @param text bytes with an optional binary suffix ({@code 4096}, {@code 64k}, {@code 1m}, {@code 1g}),
     *             or {@code whole} (also {@code file}, {@code whole-file}) for one block per file
     * @return the block size, or {@link LabSettings#WHOLE_FILE}
     */
    static int blockSize(final String text) {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("whole") || t.equals("file") || t.equals("whole-file")) {
            return LabSettings.WHOLE_FILE;
        }
        final Matcher m = SIZE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("block size '" + text + "' is not a size: use bytes or a size like 4k, 64k, 1m, or 'whole'");
        }
        final long size = Long.parseLong(m.group(1)) << shift(m.group(2));
        if (size > 1L << 30 || size < LabSettings.MIN_BLOCK_SIZE || Long.bitCount(size) != 1) {
            throw new IllegalArgumentException("block size " + text + " (" + size + " bytes) is not a power of two from "
                + LabSettings.MIN_BLOCK_SIZE + " to 1g: use e.g. 4k, 64k, 1m, or 'whole'");
        }
        return (int)size;
    }

    private static int shift(final String suffix) {
        switch (suffix.isEmpty() ? ' ' : suffix.charAt(0)) {
            case 'k': return 10;
            case 'm': return 20;
            case 'g': return 30;
            default: return 0;
        }
    }

    /**
     * @param option the option name, for messages
     * @param text   seconds ({@code 0.3}, {@code 2s}) or milliseconds ({@code 300ms}), at most an hour
     * @return nanoseconds
     */
    static long nanos(final String option, final String text) {
        final Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a time: use seconds (0.3, 2s) or milliseconds (300ms)");
        }
        final double value = Double.parseDouble(m.group(1));
        final double nanos = m.group(2).equals("ms") ? value * 1e6 : value * 1e9;
        if (nanos > MAX_TIME_NANOS) {
            throw new IllegalArgumentException(option + " " + text + " is longer than an hour");
        }
        return Math.round(nanos);
    }

    /**
     * @param codecs codec labels ({@code null} or empty: all codecs; {@code all} also means all)
     * @param levels {@code CODEC=L1,L2,...} entries; codecs without one get {@link CodecLevel#defaultLevels}
     * @return codec and level pairs in the order of {@code codecs}, then of the levels
     */
    static List<CodecLevel> plan(final List<String> codecs, final List<String> levels) {
        final List<CodecType> types = codecTypes(codecs);
        final Map<CodecType, List<Integer>> chosen = new LinkedHashMap<>();
        for (String entry : levels == null ? List.<String>of() : levels) {
            final int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--levels '" + entry + "' is not CODEC=LEVEL[,LEVEL...]: e.g. --levels zstd=1,3,19");
            }
            final CodecType type = CodecType.fromLabel(entry.substring(0, eq));
            if (!types.contains(type)) {
                throw new IllegalArgumentException("--levels names codec " + type.label() + ", which --codecs leaves out");
            }
            final List<Integer> list = chosen.computeIfAbsent(type, t -> new ArrayList<>());
            for (String level : entry.substring(eq + 1).split(",", -1)) {
                final int value = CodecLevel.parse(type.label() + ":" + level.trim()).level();
                if (!list.contains(value)) {
                    list.add(value);
                }
            }
        }
        final List<CodecLevel> plan = new ArrayList<>();
        for (CodecType type : types) {
            for (int level : chosen.getOrDefault(type, CodecLevel.defaultLevels(type))) {
                plan.add(new CodecLevel(type, level));
            }
        }
        return plan;
    }

    private static List<CodecType> codecTypes(final List<String> codecs) {
        if (codecs == null || codecs.isEmpty() || codecs.size() == 1 && codecs.get(0).trim().equalsIgnoreCase("all")) {
            return List.of(CodecType.values());
        }
        final List<CodecType> types = new ArrayList<>();
        for (String label : codecs) {
            if (label.isBlank()) {
                throw new IllegalArgumentException("--codecs has an empty entry: use e.g. --codecs lz4,zstd");
            }
            final CodecType type = CodecType.fromLabel(label);
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        return types;
    }
}
