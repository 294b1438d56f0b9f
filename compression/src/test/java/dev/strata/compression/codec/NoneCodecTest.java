package dev.strata.compression.codec;

import dev.strata.compression.CodecType;

/** The contract for {@link CodecType#NONE}: data is stored as is, so nothing is malformed. */
class NoneCodecTest extends LeveledContract {
    NoneCodecTest() {
        super(CodecType.NONE, 0);
    }
}
