package dev.strata.compression.codec;

import dev.strata.compression.CodecType;
import org.junit.jupiter.api.Nested;

/** The contract for {@link CodecType#DEFLATE} at the fastest, default and best levels. */
class DeflateCodecTest {
    @Nested
    class Level1 extends LeveledContract {
        Level1() {
            super(CodecType.DEFLATE, 1);
        }
    }

    @Nested
    class Level6 extends LeveledContract {
        Level6() {
            super(CodecType.DEFLATE, 6);
        }
    }

    @Nested
    class Level9 extends LeveledContract {
        Level9() {
            super(CodecType.DEFLATE, 9);
        }
    }
}
