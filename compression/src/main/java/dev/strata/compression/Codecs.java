package dev.strata.compression;

import dev.strata.compression.internal.DeflateCodec;
import dev.strata.compression.internal.Lz4Codec;
import dev.strata.compression.internal.NoneCodec;
import dev.strata.compression.internal.ZstdCodec;

/**
 * Creates codecs. Each call returns a new, independent instance that owns its native state: use it
 * from one thread at a time and close it.
 *
 * <pre>{@code
 * try (Codec zstd = Codecs.create(CodecType.ZSTD, 3)) {
 *     int n = zstd.compress(src, 0, srcLength, dst, 0, dst.capacity());
 * }
 * }</pre>
 */
public final class Codecs {
    private Codecs() {
    }

    /**
     * @param type  any type but {@link CodecType#ZSTD_DICT} (use {@link #zstd(ZstdDictionary, int)})
     * @param level within {@link CodecType#minLevel()}..{@link CodecType#maxLevel()}
     * @throws IllegalArgumentException for a level out of range
     * @throws MissingJvmFlagsException if the JVM lacks the flags Agrona needs
     */
    public static Codec create(final CodecType type, final int level) {
        JvmFlags.requireAgrona("Strata codec " + type.label());
        type.checkLevel(level);
        switch (type) {
            case NONE: return new NoneCodec();
            case LZ4: return new Lz4Codec(false, level);
            case LZ4_HC: return new Lz4Codec(true, level);
            case ZSTD: return new ZstdCodec(level);
            case DEFLATE: return new DeflateCodec(level);
            case ZSTD_DICT:
                throw new IllegalArgumentException("codec zstd-dict needs a dictionary: use Codecs.zstd(ZstdDictionary, level)");
            default:
                throw new IllegalArgumentException("no implementation for codec " + type);
        }
    }

    /** @return a codec of {@code type} at its default level */
    public static Codec create(final CodecType type) {
        return create(type, type.defaultLevel());
    }

    /**
     * @return a Zstd codec that compresses and decompresses with {@code dictionary}
     * @throws IllegalArgumentException for a level out of range
     */
    public static Codec zstd(final ZstdDictionary dictionary, final int level) {
        JvmFlags.requireAgrona("Strata codec zstd-dict");
        CodecType.ZSTD_DICT.checkLevel(level);
        return new ZstdCodec(level, dictionary.bytesUnsafe(), dictionary.id());
    }
}
