package dev.strata.compression.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.Codecs;
import dev.strata.compression.testsupport.TestData;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract for {@link CodecType#LZ4_HC} at levels 1, 9 (default) and 12 (max). */
class Lz4HcCodecTest {
    @Nested
    class Level1 extends LeveledContract {
        Level1() {
            super(CodecType.LZ4_HC, 1);
        }
    }

    @Nested
    class Level9 extends LeveledContract {
        Level9() {
            super(CodecType.LZ4_HC, 9);
        }
    }

    @Nested
    class Level12 extends LeveledContract {
        Level12() {
            super(CodecType.LZ4_HC, 12);
        }

        @Override
        protected int randomIterations() {
            return 60; // the slowest LZ4 HC level
        }
    }

    @Test
    void highCompressionWritesTheLz4BlockFormatAndCompressesBetter() {
        final byte[] data = TestData.json(new Random(7), 50_000);
        try (Codec hc = Codecs.create(CodecType.LZ4_HC, 12); Codec fast = Codecs.create(CodecType.LZ4, 1)) {
            final UnsafeBuffer src = new UnsafeBuffer(data);
            final UnsafeBuffer packedHc = new UnsafeBuffer(new byte[hc.maxCompressedLength(data.length)]);
            final UnsafeBuffer packedFast = new UnsafeBuffer(new byte[fast.maxCompressedLength(data.length)]);
            final int nHc = hc.compress(src, 0, data.length, packedHc, 0, packedHc.capacity());
            final int nFast = fast.compress(src, 0, data.length, packedFast, 0, packedFast.capacity());
            assertTrue(nHc < nFast, "HC level 12 (" + nHc + " bytes) beats the fast compressor (" + nFast + ")");

            final UnsafeBuffer out = new UnsafeBuffer(new byte[data.length]);
            assertEquals(data.length, fast.decompress(packedHc, 0, nHc, out, 0, data.length), "LZ4 decodes LZ4 HC output");
            assertArrayEquals(data, out.byteArray());
        }
    }
}
