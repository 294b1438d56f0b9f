package dev.strata.compression.codec;

import dev.strata.compression.CodecType;
import org.junit.jupiter.api.Nested;

/** The contract for {@link CodecType#ZSTD} at a negative (fast) level, 1, the default 3 and 19. */
class ZstdCodecTest {
    @Nested
    class LevelMinus5 extends LeveledContract {
        LevelMinus5() {
            super(CodecType.ZSTD, -5);
        }
    }

    @Nested
    class Level1 extends LeveledContract {
        Level1() {
            super(CodecType.ZSTD, 1);
        }
    }

    @Nested
    class Level3 extends LeveledContract {
        Level3() {
            super(CodecType.ZSTD, 3);
        }
    }

    @Nested
    class Level19 extends LeveledContract {
        Level19() {
            super(CodecType.ZSTD, 19);
        }

        @Override
        protected int randomIterations() {
            return 40; // level 19 compresses at a few MB/s
        }
    }
}
