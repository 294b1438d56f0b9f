package dev.strata.compression.internal;

import dev.strata.compression.CodecType;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE (no zlib header) from the JDK, as a baseline. The {@link Deflater} and
 * {@link Inflater} are created once and {@code reset()} per call. Works on arrays; direct buffers
 * are staged through the codec's scratch arrays by {@link AbstractCodec}.
 */
public final class DeflateCodec extends AbstractCodec {
    private final Deflater deflater;
    private final Inflater inflater = new Inflater(true);

    public DeflateCodec(final int level) {
        super(CodecType.DEFLATE, level, true);
        deflater = new Deflater(level, true);
    }

    @Override
    public int maxCompressedLength(final int srcLength) {
        // zlib's deflateBound plus 5 bytes per stored block (at most 16 KiB each) for incompressible input
        return srcLength + (srcLength >>> 12) + (srcLength >>> 14) + (srcLength >>> 25) + 13 + 5 * ((srcLength >>> 14) + 1);
    }

    @Override
    protected int compressArrays(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        deflater.reset();
        deflater.setInput(src, srcOffset, srcLength);
        deflater.finish();
        int written = 0;
        while (!deflater.finished()) {
            if (written == dstCapacity) {
                return DST_TOO_SMALL;
            }
            written += deflater.deflate(dst, dstOffset + written, dstCapacity - written);
        }
        return written;
    }

    @Override
    protected int decompressArrays(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        inflater.reset();
        inflater.setInput(src, srcOffset, srcLength);
        int written = 0;
        try {
            while (!inflater.finished()) {
                final int n = inflater.inflate(dst, dstOffset + written, dstCapacity - written);
                written += n;
                // a call can end the stream without output (the end-of-block code of an empty block,
                // or one read after the output filled up); the inflater then also "needs input"
                if (n == 0 && !inflater.finished()) {
                    if (inflater.needsDictionary() || inflater.needsInput()) {
                        return MALFORMED_INPUT;
                    }
                    if (written == dstCapacity) {
                        return DST_TOO_SMALL;
                    }
                }
            }
        } catch (final DataFormatException e) {
            return MALFORMED_INPUT;
        }
        return written;
    }

    @Override
    protected int compressDirect(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        throw new IllegalStateException("DeflateCodec prefers arrays; AbstractCodec stages direct buffers");
    }

    @Override
    protected int decompressDirect(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        throw new IllegalStateException("DeflateCodec prefers arrays; AbstractCodec stages direct buffers");
    }

    @Override
    protected void release() {
        deflater.end();
        inflater.end();
    }
}
