package dev.strata.compression;

import java.util.Locale;

/**
 * The codecs Strata knows, with their persisted ids and level ranges.
 *
 * <p>The {@link #id()} byte is written into every {@link BlockFrameDescriptor frame}; an id is
 * never reused or renumbered, new codecs take new ids.
 */
public enum CodecType {
    /** Stored as is. Level is ignored (0). */
    NONE(0, "none", 0, 0, 0),
    /** LZ4 block format, fast compressor; the level is LZ4's acceleration (1 = default, higher = faster, larger). */
    LZ4(1, "lz4", 1, 65_537, 1),
    /** LZ4 block format, high-compression compressor; same decoder as {@link #LZ4}. Levels 1 to 12. */
    LZ4_HC(2, "lz4hc", 1, 12, 9),
    /** Zstandard frame (content size in the frame, no Zstd checksum: the block frame has a CRC32C).
     * Levels -131072 (fastest) to 22; negative levels are Zstd's fast modes. */
    ZSTD(3, "zstd", -131_072, 22, 3),
    /** Zstandard with a trained dictionary ({@link ZstdDictionary}); the dictionary id is persisted
     * in the block frame and in the Zstd frame. Same levels as {@link #ZSTD}. */
    ZSTD_DICT(4, "zstd-dict", -131_072, 22, 3),
    /** Raw DEFLATE from the JDK ({@link java.util.zip.Deflater}), a baseline. Levels 0 to 9. */
    DEFLATE(5, "deflate", 0, 9, 6);

    private static final CodecType[] BY_ID = new CodecType[256];

    static {
        for (CodecType t : values()) {
            BY_ID[t.id] = t;
        }
    }

    private final int id;
    private final String label;
    private final int minLevel;
    private final int maxLevel;
    private final int defaultLevel;

    CodecType(final int id, final String label, final int minLevel, final int maxLevel, final int defaultLevel) {
        this.id = id;
        this.label = label;
        this.minLevel = minLevel;
        this.maxLevel = maxLevel;
        this.defaultLevel = defaultLevel;
    }

    /** @return the persisted id byte (0..255). */
    public int id() {
        return id;
    }

    /** @return the name used on the command line and in reports, e.g. {@code "lz4hc"}. */
    public String label() {
        return label;
    }

    public int minLevel() {
        return minLevel;
    }

    public int maxLevel() {
        return maxLevel;
    }

    public int defaultLevel() {
        return defaultLevel;
    }

    /** @return whether {@code level} is in this codec's range. */
    public boolean acceptsLevel(final int level) {
        return level >= minLevel && level <= maxLevel;
    }

    /**
     * @throws IllegalArgumentException naming the codec and its range if {@code level} is outside it
     */
    public int checkLevel(final int level) {
        if (!acceptsLevel(level)) {
            throw new IllegalArgumentException("level " + level + " is out of range for codec " + label
                + ": use " + minLevel + " to " + maxLevel + " (default " + defaultLevel + ")");
        }
        return level;
    }

    /** @return the codec with this persisted id, or {@code null} if the id is unknown. */
    public static CodecType fromId(final int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }

    /**
     * @param label a {@link #label()} (case-insensitive) or enum name
     * @throws IllegalArgumentException listing the known labels if none matches
     */
    public static CodecType fromLabel(final String label) {
        final String wanted = label.trim().toLowerCase(Locale.ROOT);
        for (CodecType t : values()) {
            if (t.label.equals(wanted) || t.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return t;
            }
        }
        final StringBuilder known = new StringBuilder();
        for (CodecType t : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(t.label);
        }
        throw new IllegalArgumentException("unknown codec '" + label + "': use one of " + known);
    }
}
