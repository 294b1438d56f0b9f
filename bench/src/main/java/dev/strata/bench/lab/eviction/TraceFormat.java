package dev.strata.bench.lab.eviction;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The trace file formats the eviction lab reads; see {@link TraceReader}. */
public enum TraceFormat {
    /** LIRS block traces: one integer block number per line, {@code *} lines skipped. */
    LIRS("lirs", false),
    /** ARC traces (Megiddo and Modha): {@code start count ignored seq}, meaning blocks {@code start .. start+count-1}. */
    ARC("arc", false),
    /** libCacheSim's oracleGeneral binary: 24-byte little-endian records {@code u32 time, u64 id, u32 size, i64 next}. */
    ORACLE_GENERAL("oracle-general", true),
    /** Text, one request per line: {@code key} or {@code key,size} (sizes in bytes make the trace byte-weighted). */
    CSV("csv", false);

    private final String label;
    private final boolean weighted;

    TraceFormat(final String label, final boolean weighted) {
        this.label = label;
        this.weighted = weighted;
    }

    /** @return the name used on the command line, such as {@code oracle-general} */
    public String label() {
        return label;
    }

    /** @return whether traces in this format always carry object sizes */
    public boolean weighted() {
        return weighted;
    }

    /**
     * @param label a format name, in any case
     * @return the format
     * @throws IllegalArgumentException naming the known formats
     */
    public static TraceFormat fromLabel(final String label) {
        for (TraceFormat f : values()) {
            if (f.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown trace format '" + label + "': use one of " + labels());
    }

    /** @return the format names, comma-separated */
    public static String labels() {
        return Arrays.stream(values()).map(TraceFormat::label).collect(Collectors.joining(", "));
    }
}
