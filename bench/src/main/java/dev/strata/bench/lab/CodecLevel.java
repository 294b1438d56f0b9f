package dev.strata.bench.lab;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.Codecs;
import dev.strata.compression.ZstdDictionary;
import java.util.List;

/**
 * One codec at one level: the unit the compression lab and the codec benchmarks measure.
 *
 * <p>The compact text form is {@code codec[:level]}, e.g. {@code "zstd:-1"}, {@code "lz4hc:9"} or
 * {@code "lz4"} (the codec's default level); JMH parameters use it.
 *
 * @param type  the codec
 * @param level a level within the codec's range (checked)
 */
public record CodecLevel(CodecType type, int level) {
    /** @throws IllegalArgumentException if the level is out of the codec's range */
    public CodecLevel {
        type.checkLevel(level);
    }

    /**
     * @param spec {@code codec[:level]}
     * @throws IllegalArgumentException for an unknown codec, a level that is not an integer or out of range
     */
    public static CodecLevel parse(final String spec) {
        final int colon = spec.indexOf(':');
        final CodecType type = CodecType.fromLabel(colon < 0 ? spec : spec.substring(0, colon));
        if (colon < 0) {
            return new CodecLevel(type, type.defaultLevel());
        }
        final String level = spec.substring(colon + 1).trim();
        try {
            return new CodecLevel(type, Integer.parseInt(level));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("level '" + level + "' for codec " + type.label() + " is not an integer", e);
        }
    }

    /**
     * The levels the lab measures when none are given: a few that span each codec's range.
     * LZ4's level is its acceleration (1 = the reference {@code lz4 -1}).
     */
    public static List<Integer> defaultLevels(final CodecType type) {
        switch (type) {
            case NONE: return List.of(0);
            case LZ4: return List.of(1);
            case LZ4_HC: return List.of(9, 12);
            case ZSTD: return List.of(-5, 1, 3, 9, 19);
            case ZSTD_DICT: return List.of(3);
            case DEFLATE: return List.of(6);
            default: return List.of(type.defaultLevel());
        }
    }

    /**
     * Creates a new codec (owned by the caller, who closes it).
     *
     * @param dictionary required for {@link CodecType#ZSTD_DICT}, ignored otherwise
     */
    public Codec open(final ZstdDictionary dictionary) {
        if (type == CodecType.ZSTD_DICT) {
            if (dictionary == null) {
                throw new IllegalArgumentException("codec zstd-dict needs a trained dictionary");
            }
            return Codecs.zstd(dictionary, level);
        }
        return Codecs.create(type, level);
    }

    /** @return the compact form, {@code codec:level} */
    @Override
    public String toString() {
        return type.label() + ":" + level;
    }
}
