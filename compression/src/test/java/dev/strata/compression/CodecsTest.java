package dev.strata.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.testsupport.TestDictionaries;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Codecs} and {@link CodecType}: factories, persisted ids, labels and status descriptions. */
class CodecsTest {
    @Test
    void persistedIdsNeverChange() {
        // written into every frame on disk: renumbering would make old data unreadable
        assertEquals(0, CodecType.NONE.id());
        assertEquals(1, CodecType.LZ4.id());
        assertEquals(2, CodecType.LZ4_HC.id());
        assertEquals(3, CodecType.ZSTD.id());
        assertEquals(4, CodecType.ZSTD_DICT.id());
        assertEquals(5, CodecType.DEFLATE.id());
        final Set<Integer> ids = new HashSet<>();
        for (CodecType type : CodecType.values()) {
            assertTrue(ids.add(type.id()), "duplicate id " + type.id());
            assertEquals(type, CodecType.fromId(type.id()));
            assertEquals(type, CodecType.fromLabel(type.label()));
            assertEquals(type, CodecType.fromLabel(" " + type.name().toLowerCase() + " "));
            assertTrue(type.acceptsLevel(type.defaultLevel()));
        }
        assertNull(CodecType.fromId(6));
        assertNull(CodecType.fromId(-1));
        assertNull(CodecType.fromId(256));
    }

    @Test
    void unknownLabelsListTheKnownOnes() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CodecType.fromLabel("brotli"));
        assertTrue(e.getMessage().contains("'brotli'") && e.getMessage().contains("zstd-dict, deflate"), e.getMessage());
    }

    @Test
    void factoriesBuildWhatWasAskedFor() {
        for (CodecType type : CodecType.values()) {
            if (type == CodecType.ZSTD_DICT) {
                final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codecs.create(type));
                assertTrue(e.getMessage().contains("Codecs.zstd"), e.getMessage());
                continue;
            }
            try (Codec codec = Codecs.create(type)) {
                assertEquals(type, codec.type());
                assertEquals(type.defaultLevel(), codec.level());
                assertEquals(0, codec.dictionaryId());
            }
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Codecs.zstd(TestDictionaries.json(), 23));
        assertTrue(e.getMessage().contains("use -131072 to 22"), e.getMessage());
    }

    @Test
    void statusesHaveDescriptions() {
        assertEquals("destination too small", Codec.describeStatus(Codec.DST_TOO_SMALL));
        assertEquals("malformed compressed input", Codec.describeStatus(Codec.MALFORMED_INPUT));
        assertEquals("compressed with a different dictionary", Codec.describeStatus(Codec.WRONG_DICTIONARY));
        assertEquals("ok (12 bytes)", Codec.describeStatus(12));
        assertEquals("unknown status -9", Codec.describeStatus(-9));
    }
}
