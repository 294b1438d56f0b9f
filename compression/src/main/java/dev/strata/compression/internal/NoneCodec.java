package dev.strata.compression.internal;

import dev.strata.compression.CodecType;
import java.nio.ByteBuffer;

/** Stores data as is. */
public final class NoneCodec extends AbstractCodec {
    public NoneCodec() {
        super(CodecType.NONE, 0, false); // direct-to-direct copies need no staging
    }

    @Override
    public int maxCompressedLength(final int srcLength) {
        return srcLength;
    }

    @Override
    protected int compressArrays(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        return copy(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
    }

    @Override
    protected int compressDirect(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        return copy(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
    }

    @Override
    protected int decompressArrays(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        return copy(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
    }

    @Override
    protected int decompressDirect(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        return copy(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
    }

    @Override
    protected void release() {
        // nothing native
    }

    private static int copy(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        if (srcLength > dstCapacity) {
            return DST_TOO_SMALL;
        }
        System.arraycopy(src, srcOffset, dst, dstOffset, srcLength);
        return srcLength;
    }

    private static int copy(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        if (srcLength > dstCapacity) {
            return DST_TOO_SMALL;
        }
        dst.put(dstOffset, src, srcOffset, srcLength);
        return srcLength;
    }
}
