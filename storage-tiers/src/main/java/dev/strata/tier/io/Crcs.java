package dev.strata.tier.io;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C over a range of a buffer without disturbing its position and limit, and without allocating (for direct buffers). */
public final class Crcs {
    private Crcs() {
    }

    /** @return the CRC32C of {@code buf[offset, offset + length)} */
    public static int crc(final CRC32C crc, final ByteBuffer buf, final int offset, final int length) {
        final int pos = buf.position();
        final int lim = buf.limit();
        crc.reset();
        buf.limit(offset + length).position(offset);
        crc.update(buf);
        buf.limit(lim).position(pos);
        return (int) crc.getValue();
    }
}
