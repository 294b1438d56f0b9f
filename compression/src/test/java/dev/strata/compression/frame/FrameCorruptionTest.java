package dev.strata.compression.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.CorruptFrameException;
import dev.strata.compression.CorruptFrameException.Reason;
import dev.strata.compression.FrameReader;
import dev.strata.compression.testsupport.CodecSpec;
import dev.strata.compression.testsupport.Frames;
import dev.strata.compression.testsupport.TestData;
import dev.strata.compression.testsupport.TestDictionaries;
import java.util.List;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged frames raise {@link CorruptFrameException}, never wrong data: every single-bit flip of a
 * small frame of every codec (the CRC32C detects all of them, and is checked before any dictionary
 * lookup, so a flip is never reported as a missing dictionary), and every truncation, which is
 * reported as {@link Reason#TRUNCATED} at the frame's offset.
 */
class FrameCorruptionTest {
    private static final int INPUT_LENGTH = 64;

    static List<CodecSpec> specs() {
        return CodecSpec.all();
    }

    /** @return a frame of 64 bytes of JSON, compressible enough that every codec keeps its own id */
    private static byte[] smallFrame(final CodecSpec spec) {
        try (Codec codec = spec.create()) {
            return Frames.write(codec, false, TestData.json(new Random(11), INPUT_LENGTH));
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everySingleBitFlipIsCorrupt(final CodecSpec spec) {
        final byte[] frame = smallFrame(spec);
        // no dictionary registered: a flip must be found by the checksum before the dictionary lookup
        try (FrameReader reader = new FrameReader()) {
            for (int[] layout : new int[][] {{0, 0}, {21, 8}}) {
                final int offset = layout[0];
                final byte[] buffer = Frames.at(frame, offset, layout[1]);
                final UnsafeBuffer in = new UnsafeBuffer(buffer);
                final UnsafeBuffer out = new UnsafeBuffer(new byte[INPUT_LENGTH]);
                for (int bit = 0; bit < frame.length * 8; bit++) {
                    buffer[offset + (bit >>> 3)] ^= (byte)(1 << (bit & 7));
                    final String what = spec + " frame of " + frame.length + " bytes at " + offset + ", bit " + bit + " flipped";
                    final CorruptFrameException e = assertThrows(CorruptFrameException.class,
                        () -> reader.read(in, offset, buffer.length - offset, out, 0, INPUT_LENGTH), what);
                    assertEquals(offset, e.offset(), what);
                    assertThrows(CorruptFrameException.class, () -> reader.verify(in, offset, buffer.length - offset), what);
                    buffer[offset + (bit >>> 3)] ^= (byte)(1 << (bit & 7));
                }
                assertEquals(INPUT_LENGTH, readWithDictionary(in, offset, buffer.length - offset),
                    spec + ": the restored frame reads again");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyTruncationIsReportedAsTruncatedAtTheFrameOffset(final CodecSpec spec) {
        final byte[] frame = smallFrame(spec);
        try (FrameReader reader = new FrameReader()) {
            for (int offset : new int[] {0, 37}) {
                final byte[] buffer = Frames.at(frame, offset, 0);
                final UnsafeBuffer out = new UnsafeBuffer(new byte[INPUT_LENGTH]);
                for (int available = 0; available < frame.length; available++) {
                    // the view ends where the truncated frame ends: reading one byte further would throw
                    final UnsafeBuffer in = new UnsafeBuffer(buffer, 0, offset + available);
                    final int length = available;
                    final String what = spec + " frame of " + frame.length + " bytes at " + offset + " cut to " + available;
                    final CorruptFrameException e = assertThrows(CorruptFrameException.class,
                        () -> reader.read(in, offset, length, out, 0, INPUT_LENGTH), what);
                    assertEquals(Reason.TRUNCATED, e.reason(), what + ": " + e.getMessage());
                    assertEquals(offset, e.offset(), what);
                    assertTrue(e.getMessage().contains("offset " + offset) && e.getMessage().contains("TRUNCATED"),
                        "the message names the offset and the reason: " + e.getMessage());
                }
            }
        }
    }

    @Test
    void aCorruptFrameDeepInABufferReportsItsOwnOffset() {
        final byte[] frame = smallFrame(CodecSpec.of(CodecType.ZSTD, 3));
        final byte[] buffer = Frames.at(frame, 1_000, 100);
        buffer[1_000 + frame.length - 1] ^= 0x10; // last payload byte
        try (FrameReader reader = new FrameReader()) {
            final CorruptFrameException e = assertThrows(CorruptFrameException.class,
                () -> reader.read(new UnsafeBuffer(buffer), 1_000, frame.length + 100, new UnsafeBuffer(new byte[64]), 0, 64));
            assertEquals(Reason.CHECKSUM_MISMATCH, e.reason());
            assertEquals(1_000, e.offset());
            assertTrue(e.getMessage().startsWith("corrupt block frame at offset 1000: CHECKSUM_MISMATCH"), e.getMessage());
        }
    }

    private static int readWithDictionary(final UnsafeBuffer in, final int offset, final int available) {
        try (FrameReader reader = new FrameReader().addDictionary(TestDictionaries.json())) {
            return reader.read(in, offset, available, new UnsafeBuffer(new byte[INPUT_LENGTH]), 0, INPUT_LENGTH);
        }
    }
}
