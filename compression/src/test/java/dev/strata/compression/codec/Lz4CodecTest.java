package dev.strata.compression.codec;

import dev.strata.compression.CodecType;
import org.junit.jupiter.api.Nested;

/** The contract for {@link CodecType#LZ4} at the default acceleration and at a higher one. */
class Lz4CodecTest {
    @Nested
    class Acceleration1 extends LeveledContract {
        Acceleration1() {
            super(CodecType.LZ4, 1);
        }
    }

    @Nested
    class Acceleration17 extends LeveledContract {
        Acceleration17() {
            super(CodecType.LZ4, 17);
        }
    }
}
