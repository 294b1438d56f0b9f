package dev.strata.compression.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.Codecs;
import dev.strata.compression.ZstdDictionary;
import dev.strata.compression.testsupport.TestData;
import dev.strata.compression.testsupport.TestDictionaries;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract for {@link CodecType#ZSTD_DICT} with a dictionary trained on JSON-like records, and
 * what a dictionary adds: better ratios on small records, and {@link Codec#WRONG_DICTIONARY} for
 * data compressed with another dictionary.
 */
class ZstdDictCodecTest {
    abstract static class DictionaryContract extends CodecContract {
        private final int level;

        DictionaryContract(final int level) {
            this.level = level;
        }

        @Override
        protected Codec newCodec() {
            return newCodec(level);
        }

        @Override
        protected Codec newCodec(final int level) {
            return Codecs.zstd(TestDictionaries.json(), level);
        }
    }

    @Nested
    class Level3 extends DictionaryContract {
        Level3() {
            super(3);
        }
    }

    @Nested
    class LevelMinus5 extends DictionaryContract {
        LevelMinus5() {
            super(-5);
        }
    }

    @Test
    void codecReportsItsTypeAndDictionary() {
        final ZstdDictionary dictionary = TestDictionaries.json();
        try (Codec codec = Codecs.zstd(dictionary, 3)) {
            assertEquals(CodecType.ZSTD_DICT, codec.type());
            assertEquals(3, codec.level());
            assertEquals(dictionary.id(), codec.dictionaryId());
        }
    }

    @Test
    void dictionaryShrinksSmallRecords() {
        final byte[] record = TestData.jsonRecord(new Random(99));
        try (Codec plain = Codecs.create(CodecType.ZSTD, 3); Codec dict = Codecs.zstd(TestDictionaries.json(), 3)) {
            final int withDictionary = compress(dict, record).capacity();
            final int without = compress(plain, record).capacity();
            assertTrue(withDictionary * 3 / 2 < without, "a " + record.length + "-byte record: " + withDictionary
                + " bytes with the dictionary, " + without + " without");
        }
    }

    @Test
    void dataCompressedWithAnotherDictionaryIsRefused() {
        final byte[] record = TestData.jsonRecord(new Random(5));
        final ZstdDictionary json = TestDictionaries.json();
        final ZstdDictionary text = TestDictionaries.text();
        assertTrue(json.id() != text.id(), "two different dictionaries have different ids");
        try (Codec a = Codecs.zstd(json, 3); Codec b = Codecs.zstd(text, 3); Codec plain = Codecs.create(CodecType.ZSTD, 3)) {
            final UnsafeBuffer packed = compress(a, record);
            final UnsafeBuffer out = new UnsafeBuffer(new byte[record.length]);
            assertEquals(Codec.WRONG_DICTIONARY, b.decompress(packed, 0, packed.capacity(), out, 0, record.length));
            assertEquals(Codec.WRONG_DICTIONARY, plain.decompress(packed, 0, packed.capacity(), out, 0, record.length));
            assertEquals(record.length, a.decompress(packed, 0, packed.capacity(), out, 0, record.length));
        }
    }

    private static UnsafeBuffer compress(final Codec codec, final byte[] data) {
        final UnsafeBuffer dst = new UnsafeBuffer(new byte[codec.maxCompressedLength(data.length)]);
        final int n = codec.compress(new UnsafeBuffer(data), 0, data.length, dst, 0, dst.capacity());
        assertTrue(n > 0, Codec.describeStatus(n));
        return new UnsafeBuffer(dst, 0, n);
    }
}
