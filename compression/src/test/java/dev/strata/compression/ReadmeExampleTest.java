package dev.strata.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * The README's compression example, verbatim apart from the test data, so the README stays true
 * (the README links here).
 */
class ReadmeExampleTest {
    @Test
    void readmeExampleCompressesVerifiesAndRestores() {
        final byte[] text = "Strata keeps blocks compressed and checksummed. ".repeat(200).getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer data = new UnsafeBuffer(ByteBuffer.allocateDirect(text.length));
        data.putBytes(0, text);

        try (Codec zstd = Codecs.create(CodecType.ZSTD, 3);
             FrameReader reader = new FrameReader()) {
            FrameWriter writer = new FrameWriter(zstd);
            UnsafeBuffer frame = new UnsafeBuffer(ByteBuffer.allocateDirect(writer.maxFrameLength(data.capacity())));
            int frameLength = writer.write(data, 0, data.capacity(), frame, 0, frame.capacity());   // header + CRC32C + payload
            UnsafeBuffer out = new UnsafeBuffer(ByteBuffer.allocateDirect(FrameReader.uncompressedLength(frame, 0)));
            int n = reader.read(frame, 0, frameLength, out, 0, out.capacity());   // verifies the CRC first; corrupt → CorruptFrameException

            assertTrue(frameLength < text.length / 10, "repetitive text compresses well: " + frameLength);
            assertEquals(text.length, n);
            final byte[] restored = new byte[n];
            out.getBytes(0, restored);
            assertEquals(new String(text, StandardCharsets.UTF_8), new String(restored, StandardCharsets.UTF_8));

            frame.putByte(frameLength - 1, (byte)(frame.getByte(frameLength - 1) ^ 1));
            final int length = frameLength;
            final CorruptFrameException e = assertThrows(CorruptFrameException.class, () -> reader.read(frame, 0, length, out, 0, out.capacity()));
            assertEquals(CorruptFrameException.Reason.CHECKSUM_MISMATCH, e.reason());
            // not in the README: the test frees its direct buffers at once (the leak check counts them)
            BufferUtil.free(frame.byteBuffer());
            BufferUtil.free(out.byteBuffer());
        } finally {
            BufferUtil.free(data.byteBuffer());
        }
    }
}
