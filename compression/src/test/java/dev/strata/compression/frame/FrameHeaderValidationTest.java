package dev.strata.compression.frame;

import static dev.strata.compression.BlockFrameDescriptor.CODEC_ID_OFFSET;
import static dev.strata.compression.BlockFrameDescriptor.COMPRESSED_LENGTH_OFFSET;
import static dev.strata.compression.BlockFrameDescriptor.FLAGS_OFFSET;
import static dev.strata.compression.BlockFrameDescriptor.FLAG_DICTIONARY;
import static dev.strata.compression.BlockFrameDescriptor.HEADER_LENGTH;
import static dev.strata.compression.BlockFrameDescriptor.RESERVED_OFFSET;
import static dev.strata.compression.BlockFrameDescriptor.UNCOMPRESSED_LENGTH_OFFSET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.BlockFrameDescriptor;
import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.CorruptFrameException;
import dev.strata.compression.CorruptFrameException.Reason;
import dev.strata.compression.FrameReader;
import dev.strata.compression.testsupport.CodecSpec;
import dev.strata.compression.testsupport.Frames;
import dev.strata.compression.testsupport.TestData;
import dev.strata.compression.testsupport.TestDictionaries;
import java.util.Random;
import java.util.function.Consumer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Frames whose checksum matches but whose header or payload is wrong (as a buggy or hostile writer
 * would make them) are rejected by {@link FrameReader#verify} or {@link FrameReader#read} with the
 * right {@link Reason}.
 */
class FrameHeaderValidationTest {
    private static final byte[] DATA = TestData.json(new Random(17), 64);

    private static byte[] frame(final CodecType type) {
        try (Codec codec = CodecSpec.of(type, type.defaultLevel()).create()) {
            return Frames.write(codec, false, DATA);
        }
    }

    /** @return {@code frame} after {@code edit}, with its checksum recomputed */
    private static byte[] edited(final byte[] frame, final Consumer<UnsafeBuffer> edit) {
        final byte[] copy = frame.clone();
        edit.accept(new UnsafeBuffer(copy));
        Frames.reseal(copy, 0, copy.length);
        return copy;
    }

    private static CorruptFrameException rejected(final byte[] frame, final Reason reason, final boolean byVerify) {
        try (FrameReader reader = new FrameReader().addDictionary(TestDictionaries.json())) {
            final UnsafeBuffer in = new UnsafeBuffer(frame);
            final CorruptFrameException e = assertThrows(CorruptFrameException.class, byVerify
                ? () -> reader.verify(in, 0, frame.length)
                : () -> reader.read(in, 0, frame.length, new UnsafeBuffer(new byte[256]), 0, 256));
            assertEquals(reason, e.reason(), e.getMessage());
            assertEquals(0, e.offset());
            return e;
        }
    }

    @Test
    void unknownCodecIdIsRejected() {
        rejected(edited(frame(CodecType.LZ4), b -> b.putByte(CODEC_ID_OFFSET, (byte)99)), Reason.UNKNOWN_CODEC, true);
    }

    @Test
    void unknownVersionIsRejected() {
        rejected(edited(frame(CodecType.LZ4), b -> b.putByte(FLAGS_OFFSET, (byte)2)), Reason.UNSUPPORTED_VERSION, true);
    }

    @Test
    void reservedBitsAndBytesMustBeZero() {
        rejected(edited(frame(CodecType.LZ4), b -> b.putByte(FLAGS_OFFSET, (byte)0x21)), Reason.RESERVED_BITS_SET, true);
        rejected(edited(frame(CodecType.LZ4), b -> b.putByte(RESERVED_OFFSET + 1, (byte)1)), Reason.RESERVED_BITS_SET, true);
    }

    @Test
    void impossibleLengthsAreRejectedBeforeTheChecksum() {
        final byte[] frame = frame(CodecType.ZSTD);
        final byte[] negative = frame.clone();
        new UnsafeBuffer(negative).putInt(UNCOMPRESSED_LENGTH_OFFSET, -1, BlockFrameDescriptor.BYTE_ORDER);
        rejected(negative, Reason.BAD_LENGTH, true);
        final byte[] huge = frame.clone();
        new UnsafeBuffer(huge).putInt(COMPRESSED_LENGTH_OFFSET, Integer.MAX_VALUE, BlockFrameDescriptor.BYTE_ORDER);
        rejected(huge, Reason.BAD_LENGTH, true);
    }

    @Test
    void codecNoneWithUnequalLengthsIsRejectedByVerify() {
        rejected(edited(frame(CodecType.NONE), b -> b.putInt(UNCOMPRESSED_LENGTH_OFFSET, DATA.length + 1,
            BlockFrameDescriptor.BYTE_ORDER)), Reason.BAD_LENGTH, true);
    }

    @Test
    void theDictionaryFlagMustMatchTheCodec() {
        final byte[] lz4 = frame(CodecType.LZ4);
        final byte[] withId = new byte[lz4.length + 4]; // an LZ4 frame that claims a dictionary id
        System.arraycopy(lz4, 0, withId, 0, HEADER_LENGTH);
        System.arraycopy(lz4, HEADER_LENGTH, withId, HEADER_LENGTH + 4, lz4.length - HEADER_LENGTH);
        withId[FLAGS_OFFSET] |= FLAG_DICTIONARY;
        new UnsafeBuffer(withId).putInt(BlockFrameDescriptor.DICTIONARY_ID_OFFSET, TestDictionaries.json().id(), BlockFrameDescriptor.BYTE_ORDER);
        rejected(edited(withId, b -> { }), Reason.RESERVED_BITS_SET, true);

        final byte[] dict = frame(CodecType.ZSTD_DICT);
        final byte[] withoutId = new byte[dict.length - 4]; // a zstd-dict frame without its dictionary id
        System.arraycopy(dict, 0, withoutId, 0, HEADER_LENGTH);
        System.arraycopy(dict, HEADER_LENGTH + 4, withoutId, HEADER_LENGTH, withoutId.length - HEADER_LENGTH);
        withoutId[FLAGS_OFFSET] &= ~FLAG_DICTIONARY;
        rejected(edited(withoutId, b -> { }), Reason.RESERVED_BITS_SET, true);
    }

    @ParameterizedTest
    @EnumSource(value = CodecType.class, names = {"LZ4", "LZ4_HC", "ZSTD", "ZSTD_DICT", "DEFLATE"})
    void aPayloadThatDoesNotDecodeToTheDeclaredLengthIsRejected(final CodecType type) {
        final byte[] frame = frame(type);
        final int header = BlockFrameDescriptor.headerLength(type == CodecType.ZSTD_DICT);
        final byte[] garbage = edited(frame, b -> b.setMemory(header, frame.length - header, (byte)0xFF));
        final CorruptFrameException e = rejected(garbage, Reason.UNDECODABLE_PAYLOAD, false);
        assertTrue(e.getMessage().contains(type.label()), e.getMessage());
        for (int delta : new int[] {-1, 1}) {
            rejected(edited(frame, b -> b.putInt(UNCOMPRESSED_LENGTH_OFFSET, DATA.length + delta, BlockFrameDescriptor.BYTE_ORDER)),
                Reason.UNDECODABLE_PAYLOAD, false);
        }
        try (FrameReader reader = new FrameReader()) {
            assertEquals(frame.length, reader.verify(new UnsafeBuffer(frame), 0, frame.length), "the unedited frame is fine");
        }
    }
}
