package dev.strata.compression.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.BlockFrameDescriptor;
import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.FrameReader;
import dev.strata.compression.FrameWriter;
import dev.strata.compression.testsupport.BufferKind;
import dev.strata.compression.testsupport.CodecSpec;
import dev.strata.compression.testsupport.GuardedBuffer;
import dev.strata.compression.testsupport.TestBuffers;
import dev.strata.compression.testsupport.TestData;
import dev.strata.compression.testsupport.TestDictionaries;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FrameWriter} then {@link FrameReader} returns the input for every codec, in every buffer
 * kind, at non-zero offsets, without writing outside the given ranges; the header records what
 * the Javadoc of {@link BlockFrameDescriptor} says; short destinations give
 * {@link Codec#DST_TOO_SMALL}; {@code storeIncompressible} falls back to codec NONE.
 */
class FrameRoundTripTest {
    private final TestBuffers buffers = new TestBuffers();
    private final Random rnd = new Random(3);

    static List<CodecSpec> specs() {
        return CodecSpec.all();
    }

    @AfterEach
    void free() {
        buffers.close();
    }

    @ParameterizedTest
    @MethodSource("specs")
    void framesRoundTripInEveryBufferKind(final CodecSpec spec) {
        final byte[][] inputs = {new byte[0], {42}, TestData.jsonRecord(rnd), TestData.compressible(rnd, 4_096),
            TestData.random(rnd, 100_000), TestData.mixed(rnd, 300_000)};
        try (Codec codec = spec.create(); FrameReader reader = new FrameReader().addDictionary(TestDictionaries.json())) {
            final FrameWriter writer = new FrameWriter(codec);
            final BufferKind[] kinds = BufferKind.values();
            for (int i = 0; i < inputs.length; i++) {
                final byte[] data = inputs[i];
                final BufferKind frameKind = kinds[i % kinds.length];
                final BufferKind dataKind = kinds[(i + 1) % kinds.length];
                final String what = spec + " " + data.length + " bytes, data " + dataKind + ", frame " + frameKind;
                final GuardedBuffer src = buffers.guarded(dataKind, data.length, 7).put(data);
                final GuardedBuffer frame = buffers.guarded(frameKind, writer.maxFrameLength(data.length), 37);
                final int n = writer.write(src.buffer(), src.offset(), data.length, frame.buffer(), frame.offset(), frame.length());
                assertTrue(n >= BlockFrameDescriptor.HEADER_LENGTH && n <= writer.maxFrameLength(data.length), what + ": " + n);
                frame.assertGuardsIntact(what + " write");
                assertHeader(frame, spec.type(), codec.dictionaryId(), data.length, n, what);
                assertEquals(n, reader.verify(frame.buffer(), frame.offset(), frame.length()), what + " verify");

                final GuardedBuffer out = buffers.guarded(dataKind, data.length, 13);
                final int m = reader.read(frame.buffer(), frame.offset(), n, out.buffer(), out.offset(), data.length);
                assertEquals(data.length, m, what + " read");
                out.assertGuardsIntact(what + " read");
                assertArrayEquals(data, out.bytes(data.length), what);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void storeIncompressibleWritesCodecNoneForRandomData(final CodecSpec spec) {
        try (Codec codec = spec.create(); FrameReader reader = new FrameReader().addDictionary(TestDictionaries.json())) {
            final FrameWriter writer = new FrameWriter(codec, true);
            final byte[] random = TestData.random(rnd, 4_096);
            final GuardedBuffer frame = buffers.guarded(BufferKind.DIRECT_BYTE_BUFFER, writer.maxFrameLength(random.length));
            final GuardedBuffer src = buffers.guarded(BufferKind.ARRAY, random.length).put(random);
            final int n = writer.write(src.buffer(), src.offset(), random.length, frame.buffer(), frame.offset(), frame.length());
            assertHeader(frame, CodecType.NONE, 0, random.length, n, spec + " random data");
            assertEquals(BlockFrameDescriptor.HEADER_LENGTH + random.length, n);
            final GuardedBuffer out = buffers.guarded(BufferKind.ARRAY, random.length);
            assertEquals(random.length, reader.read(frame.buffer(), frame.offset(), n, out.buffer(), out.offset(), random.length));
            assertArrayEquals(random, out.bytes(random.length));

            final byte[] text = TestData.compressible(rnd, 4_096);
            src.put(text);
            final int m = writer.write(src.buffer(), src.offset(), text.length, frame.buffer(), frame.offset(), frame.length());
            assertHeader(frame, spec.type(), codec.dictionaryId(), text.length, m, spec + " compressible data");
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void shortDestinationsGiveDstTooSmall(final CodecSpec spec) {
        final byte[] data = TestData.json(rnd, 2_000);
        try (Codec codec = spec.create(); FrameReader reader = new FrameReader().addDictionary(TestDictionaries.json())) {
            for (boolean storeIncompressible : new boolean[] {false, true}) {
                final FrameWriter writer = new FrameWriter(codec, storeIncompressible);
                final GuardedBuffer src = buffers.guarded(BufferKind.ARRAY, data.length).put(data);
                final GuardedBuffer frame = buffers.guarded(BufferKind.ARRAY, writer.maxFrameLength(data.length));
                final int n = writer.write(src.buffer(), src.offset(), data.length, frame.buffer(), frame.offset(), frame.length());
                for (int capacity : new int[] {0, BlockFrameDescriptor.HEADER_LENGTH - 1, BlockFrameDescriptor.HEADER_LENGTH, n - 1}) {
                    final GuardedBuffer small = buffers.guarded(BufferKind.RAW_MEMORY, capacity);
                    assertEquals(Codec.DST_TOO_SMALL,
                        writer.write(src.buffer(), src.offset(), data.length, small.buffer(), small.offset(), capacity),
                        spec + " frame of " + n + " bytes into " + capacity);
                    small.assertGuardsIntact(spec + " write into " + capacity);
                }
                final GuardedBuffer out = buffers.guarded(BufferKind.DIRECT_BYTE_BUFFER, data.length - 1);
                assertEquals(Codec.DST_TOO_SMALL, reader.read(frame.buffer(), frame.offset(), n, out.buffer(), out.offset(), data.length - 1));
                out.assertGuardsIntact(spec + " read into a short destination");
            }
        }
    }

    private static void assertHeader(final GuardedBuffer frame, final CodecType type, final int dictionaryId,
        final int uncompressed, final int frameLength, final String what) {
        final int at = frame.offset();
        final int header = BlockFrameDescriptor.headerLength(dictionaryId != 0);
        assertEquals(type.id(), BlockFrameDescriptor.codecId(frame.buffer(), at), what + " codec id");
        assertEquals(BlockFrameDescriptor.VERSION | (dictionaryId != 0 ? BlockFrameDescriptor.FLAG_DICTIONARY : 0),
            BlockFrameDescriptor.flags(frame.buffer(), at), what + " flags");
        assertEquals(0, BlockFrameDescriptor.reserved(frame.buffer(), at), what + " reserved");
        assertEquals(uncompressed, BlockFrameDescriptor.uncompressedLength(frame.buffer(), at), what + " uncompressed length");
        assertEquals(frameLength - header, BlockFrameDescriptor.compressedLength(frame.buffer(), at), what + " compressed length");
        if (dictionaryId != 0) {
            assertEquals(dictionaryId, BlockFrameDescriptor.dictionaryId(frame.buffer(), at), what + " dictionary id");
        }
    }
}
