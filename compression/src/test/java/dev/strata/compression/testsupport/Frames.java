package dev.strata.compression.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.BlockFrameDescriptor;
import dev.strata.compression.Codec;
import dev.strata.compression.Crc32cChecksum;
import dev.strata.compression.FrameWriter;
import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;

/** Helpers that build block frames as byte arrays, and re-seal frames a test has edited. */
public final class Frames {
    private Frames() {
    }

    /** @return one frame of {@code data} written with {@code codec}, exactly as long as the frame */
    public static byte[] write(final Codec codec, final boolean storeIncompressible, final byte[] data) {
        final FrameWriter writer = new FrameWriter(codec, storeIncompressible);
        final UnsafeBuffer dst = new UnsafeBuffer(new byte[writer.maxFrameLength(data.length)]);
        final int n = writer.write(new UnsafeBuffer(data), 0, data.length, dst, 0, dst.capacity());
        assertTrue(n > 0, "frame write returned " + Codec.describeStatus(n));
        return Arrays.copyOf(dst.byteArray(), n);
    }

    /** @return {@code frame} placed at {@code offset} in a new array with {@code trailing} bytes after it */
    public static byte[] at(final byte[] frame, final int offset, final int trailing) {
        final byte[] b = new byte[offset + frame.length + trailing];
        Arrays.fill(b, (byte)0x5A);
        System.arraycopy(frame, 0, b, offset, frame.length);
        return b;
    }

    /** Recomputes the CRC32C of the frame at {@code offset} (of {@code length} bytes) after an edit. */
    public static void reseal(final byte[] buffer, final int offset, final int length) {
        final UnsafeBuffer b = new UnsafeBuffer(buffer);
        final int crc = new Crc32cChecksum().compute(b, offset + 4, length - 4);
        BlockFrameDescriptor.writeChecksum(b, offset, crc);
    }
}
