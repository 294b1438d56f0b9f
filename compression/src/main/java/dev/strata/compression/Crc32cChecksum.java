package dev.strata.compression;

import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.checksum.Crc32c;

/**
 * CRC32C of a {@link DirectBuffer} range without allocation: array-backed buffers go through an
 * owned {@link CRC32C}, off-heap ones through Agrona's address-based {@link Crc32c} (both use the
 * JVM's CRC32C intrinsic). Not thread-safe; one per owner.
 */
public final class Crc32cChecksum {
    private final CRC32C heap = new CRC32C();

    /** @return the CRC32C of {@code buffer[offset, offset + length)} */
    public int compute(final DirectBuffer buffer, final int offset, final int length) {
        final byte[] array = buffer.byteArray();
        if (array != null) {
            heap.reset();
            heap.update(array, buffer.wrapAdjustment() + offset, length);
            return (int)heap.getValue();
        }
        return Crc32c.INSTANCE.compute(buffer.addressOffset(), offset, length);
    }
}
