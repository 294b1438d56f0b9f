package dev.strata.compression.codec;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.Codecs;

/** {@link CodecContract} for a codec made by {@link Codecs#create(CodecType, int)} at one level. */
abstract class LeveledContract extends CodecContract {
    private final CodecType type;
    private final int level;

    LeveledContract(final CodecType type, final int level) {
        this.type = type;
        this.level = level;
    }

    @Override
    protected Codec newCodec() {
        return newCodec(level);
    }

    @Override
    protected Codec newCodec(final int level) {
        return Codecs.create(type, level);
    }

    @Override
    protected boolean compresses() {
        return type != CodecType.NONE;
    }
}
