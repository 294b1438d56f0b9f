package dev.strata.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.testsupport.Frames;
import dev.strata.compression.testsupport.TestData;
import dev.strata.compression.testsupport.TestDictionaries;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link ZstdDictionary}: training, persisting and loading; and how frames that need a dictionary
 * behave in a {@link FrameReader} that lacks it. (The codec-level {@link Codec#WRONG_DICTIONARY}
 * status is tested in {@code ZstdDictCodecTest}.)
 */
class ZstdDictionaryTest {
    private static final byte[] RECORD = TestData.jsonRecord(new Random(23));

    @Test
    void persistedBytesLoadTheSameDictionary() {
        final ZstdDictionary trained = TestDictionaries.json();
        final byte[] bytes = trained.toBytes();
        final ZstdDictionary loaded = ZstdDictionary.of(bytes);
        assertEquals(trained.id(), loaded.id());
        assertNotEquals(0, loaded.id());
        assertEquals(trained.size(), loaded.size());
        assertEquals(bytes.length, loaded.size());
        assertArrayEquals(bytes, loaded.toBytes());
        assertTrue(loaded.toString().contains(Integer.toUnsignedString(trained.id())), loaded.toString());

        bytes[bytes.length - 1] ^= 1; // the dictionary keeps its own copy
        assertNotEquals(bytes[bytes.length - 1], loaded.toBytes()[bytes.length - 1]);
    }

    @Test
    void aFrameWrittenWithTheLoadedDictionaryReadsWithTheTrainedOne() {
        final byte[] frame;
        try (Codec codec = Codecs.zstd(ZstdDictionary.of(TestDictionaries.json().toBytes()), 3)) {
            frame = Frames.write(codec, false, RECORD);
        }
        try (FrameReader reader = new FrameReader().addDictionary(TestDictionaries.json())) {
            final UnsafeBuffer out = new UnsafeBuffer(new byte[RECORD.length]);
            assertEquals(RECORD.length, reader.read(new UnsafeBuffer(frame), 0, frame.length, out, 0, RECORD.length));
            assertArrayEquals(RECORD, out.byteArray());
        }
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ZstdDictionary.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
        final IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
            () -> ZstdDictionary.train(TestData.jsonSamples(1, 100), 100));
        assertTrue(small.getMessage().contains("maxDictSize"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ZstdDictionary.train(List.of(), 16 * 1024));
        final IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
            () -> ZstdDictionary.train(List.of(new byte[] {1}), 16 * 1024));
        assertTrue(few.getMessage().contains("give more and larger samples"), few.getMessage());
    }

    @Test
    void aReaderWithoutTheDictionaryNamesTheMissingId() {
        final ZstdDictionary json = TestDictionaries.json();
        final byte[] frame;
        try (Codec codec = Codecs.zstd(json, 3)) {
            frame = Frames.write(codec, false, RECORD);
        }
        // no dictionary, and another one: both lack the one the frame names
        for (FrameReader reader : new FrameReader[] {new FrameReader(), new FrameReader().addDictionary(TestDictionaries.text())}) {
            try (reader) {
                final UnsafeBuffer out = new UnsafeBuffer(new byte[RECORD.length]);
                final MissingDictionaryException e = assertThrows(MissingDictionaryException.class,
                    () -> reader.read(new UnsafeBuffer(frame), 0, frame.length, out, 0, RECORD.length));
                assertEquals(json.id(), e.dictionaryId());
                assertTrue(e.getMessage().contains(Integer.toUnsignedString(json.id())), e.getMessage());
                assertEquals(frame.length, reader.verify(new UnsafeBuffer(frame), 0, frame.length), "the frame itself is intact");

                reader.addDictionary(json);
                assertEquals(RECORD.length, reader.read(new UnsafeBuffer(frame), 0, frame.length, out, 0, RECORD.length));
                assertArrayEquals(RECORD, out.byteArray());
            }
        }
    }

    @Test
    void aFrameWhosePayloadUsedAnotherDictionaryThanItsHeaderNames() {
        final byte[] frame;
        try (Codec codec = Codecs.zstd(TestDictionaries.text(), 3)) {
            frame = Frames.write(codec, false, RECORD);
        }
        // a writer bug: the header names the json dictionary, the payload needs the text one
        new UnsafeBuffer(frame).putInt(BlockFrameDescriptor.DICTIONARY_ID_OFFSET, TestDictionaries.json().id(),
            BlockFrameDescriptor.BYTE_ORDER);
        Frames.reseal(frame, 0, frame.length);
        try (FrameReader reader = new FrameReader().addDictionary(TestDictionaries.json())) {
            final MissingDictionaryException e = assertThrows(MissingDictionaryException.class, () -> reader.read(
                new UnsafeBuffer(frame), 0, frame.length, new UnsafeBuffer(new byte[RECORD.length]), 0, RECORD.length));
            assertEquals(TestDictionaries.json().id(), e.dictionaryId());
        }
    }
}
