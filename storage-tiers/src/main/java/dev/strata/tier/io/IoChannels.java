package dev.strata.tier.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Loops that turn partial channel transfers into whole ones. */
public final class IoChannels {
    private IoChannels() {
    }

    /**
     * Reads until {@code dst} is full.
     *
     * @throws EOFException if the file ends first
     */
    public static void readFully(final IoChannel ch, final ByteBuffer dst, final long position) throws IOException {
        long pos = position;
        while (dst.hasRemaining()) {
            final int n = ch.read(dst, pos);
            if (n < 0) {
                throw new EOFException("end of file at offset " + pos + " with " + dst.remaining() + " bytes still to read");
            }
            pos += n;
        }
    }

    /** Writes all of {@code src}. */
    public static void writeFully(final IoChannel ch, final ByteBuffer src, final long position) throws IOException {
        long pos = position;
        while (src.hasRemaining()) {
            pos += ch.write(src, pos);
        }
    }
}
