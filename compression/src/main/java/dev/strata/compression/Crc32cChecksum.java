package dev.strata.compression;

import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;

/**
 * CRC32C of a {@link DirectBuffer} range without allocation, through an owned {@link CRC32C} (the
 * JVM's CRC32C intrinsic). Array-backed buffers are checksummed in place; off-heap ones (direct
 * {@code ByteBuffer}s, raw memory) are copied through an owned chunk buffer first. Not
 * thread-safe; one per owner.
 *
 * <p>Why not Agrona's address-based {@code org.agrona.checksum.Crc32c}: it reaches the JDK's private
 * {@code CRC32C.updateDirectByteBuffer} by reflection, which needs {@code --add-opens
 * java.base/java.util.zip=ALL-UNNAMED}, a flag Strata does not require (see {@link JvmFlags});
 * without it its class initialiser throws an {@link Error}. The JDK's public
 * {@code CRC32C.update(ByteBuffer)} would move the position of the caller's buffer, and raw memory
 * has no {@code ByteBuffer}. A copy of a 16 KiB chunk stays in the L1/L2 cache and costs far less
 * than the checksum itself.
 */
public final class Crc32cChecksum {
    private static final int CHUNK = 16 * 1024;

    private final CRC32C crc = new CRC32C();
    private final byte[] chunk = new byte[CHUNK];

    /** @return the CRC32C of {@code buffer[offset, offset + length)} */
    public int compute(final DirectBuffer buffer, final int offset, final int length) {
        crc.reset();
        final byte[] array = buffer.byteArray();
        if (array != null) {
            buffer.boundsCheck(offset, length);
            crc.update(array, buffer.wrapAdjustment() + offset, length);
        } else {
            int done = 0;
            while (done < length) {
                final int n = Math.min(CHUNK, length - done);
                buffer.getBytes(offset + done, chunk, 0, n);
                crc.update(chunk, 0, n);
                done += n;
            }
        }
        return (int)crc.getValue();
    }
}
