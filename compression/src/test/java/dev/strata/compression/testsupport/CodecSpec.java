package dev.strata.compression.testsupport;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.Codecs;
import java.util.List;

/**
 * One codec variant (type and level) that the frame, fuzz and allocation tests run over. The
 * per-codec contract suites ({@code dev.strata.compression.codec}) list their variants themselves.
 */
public final class CodecSpec {
    private final CodecType type;
    private final int level;

    private CodecSpec(final CodecType type, final int level) {
        this.type = type;
        this.level = level;
    }

    public static CodecSpec of(final CodecType type, final int level) {
        return new CodecSpec(type, level);
    }

    /** @return every variant the brief names: each type at several levels */
    public static List<CodecSpec> all() {
        return List.of(
            of(CodecType.NONE, 0),
            of(CodecType.LZ4, 1), of(CodecType.LZ4, 17),
            of(CodecType.LZ4_HC, 1), of(CodecType.LZ4_HC, 9), of(CodecType.LZ4_HC, 12),
            of(CodecType.ZSTD, -5), of(CodecType.ZSTD, 1), of(CodecType.ZSTD, 3), of(CodecType.ZSTD, 19),
            of(CodecType.ZSTD_DICT, 3),
            of(CodecType.DEFLATE, 1), of(CodecType.DEFLATE, 6), of(CodecType.DEFLATE, 9));
    }

    /** @return one variant per type, at its default level */
    public static List<CodecSpec> oneOfEachType() {
        return List.of(of(CodecType.NONE, 0), of(CodecType.LZ4, 1), of(CodecType.LZ4_HC, 9),
            of(CodecType.ZSTD, 3), of(CodecType.ZSTD_DICT, 3), of(CodecType.DEFLATE, 6));
    }

    public CodecType type() {
        return type;
    }

    public int level() {
        return level;
    }

    /** @return a new codec; ZSTD_DICT uses {@link TestDictionaries#json()} */
    public Codec create() {
        return type == CodecType.ZSTD_DICT ? Codecs.zstd(TestDictionaries.json(), level) : Codecs.create(type, level);
    }

    @Override
    public String toString() {
        return type.label() + "(" + level + ")";
    }
}
