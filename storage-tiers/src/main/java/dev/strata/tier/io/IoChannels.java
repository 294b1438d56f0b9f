package dev.strata.tier.io;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.agrona.DirectBuffer;

/**
 * Loops that turn partial channel transfers into whole ones, and the zero-copy helpers: when an
 * Agrona buffer wraps a direct {@link ByteBuffer}, the tiers transfer straight to or from it
 * (setting its position and limit for the call and restoring them after) instead of copying
 * through a scratch or write buffer.
 */
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

    /**
     * The direct {@link ByteBuffer} behind {@code buf}, if there is one that covers
     * {@code buf[offset, offset + length)} and whose address at {@code offset} is a multiple of
     * {@code alignment} (1 for none); {@code null} otherwise (raw address, heap array, read-only when
     * {@code writable}). Allocates nothing.
     *
     * @param alignment a power of two
     */
    public static ByteBuffer directBacking(final DirectBuffer buf, final int offset, final int length,
                                           final boolean writable, final int alignment) {
        final ByteBuffer bb = buf.byteBuffer();
        if (bb == null || !bb.isDirect() || (writable && bb.isReadOnly())
            || ((buf.addressOffset() + offset) & (alignment - 1)) != 0) {
            return null;
        }
        final long at = (long) buf.wrapAdjustment() + offset;
        return at >= 0 && at + length <= bb.capacity() ? bb : null;
    }

    /** @return the index in {@code buf.byteBuffer()} of {@code buf}'s index {@code offset} */
    public static int backingIndex(final DirectBuffer buf, final int offset) {
        return buf.wrapAdjustment() + offset;
    }
}
