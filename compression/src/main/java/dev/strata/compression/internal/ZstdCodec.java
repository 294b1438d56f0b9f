package dev.strata.compression.internal;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import dev.strata.compression.CodecType;
import java.nio.ByteBuffer;

/**
 * Zstandard through zstd-jni, with one compression and one decompression context per codec
 * instance, created once and reused for every call. Frames carry the content size and no Zstd
 * checksum (the block frame's CRC32C covers the data). With a dictionary, the dictionary id is
 * written into the Zstd frame too, so data compressed with another dictionary is refused.
 */
public final class ZstdCodec extends AbstractCodec {
    private static final long ERR_DST_TOO_SMALL = Zstd.errDstSizeTooSmall();
    private static final long ERR_DICTIONARY_WRONG = Zstd.errDictionaryWrong();

    private final ZstdCompressCtx cctx = new ZstdCompressCtx();
    private final ZstdDecompressCtx dctx = new ZstdDecompressCtx();
    private final ZstdDictCompress cdict;
    private final ZstdDictDecompress ddict;
    private final int dictionaryId;

    /** A codec without a dictionary. */
    public ZstdCodec(final int level) {
        this(level, null, 0);
    }

    /**
     * @param dictionary   dictionary bytes, or {@code null}
     * @param dictionaryId the dictionary's id (0 without one)
     */
    public ZstdCodec(final int level, final byte[] dictionary, final int dictionaryId) {
        super(dictionary == null ? CodecType.ZSTD : CodecType.ZSTD_DICT, level, false);
        this.dictionaryId = dictionaryId;
        cctx.setLevel(level);
        cctx.setChecksum(false);
        cctx.setContentSize(true);
        if (dictionary != null) {
            cdict = new ZstdDictCompress(dictionary, level);
            ddict = new ZstdDictDecompress(dictionary);
            cctx.setDictID(true);
            cctx.loadDict(cdict);
            dctx.loadDict(ddict);
        } else {
            cdict = null;
            ddict = null;
        }
    }

    @Override
    public int dictionaryId() {
        return dictionaryId;
    }

    @Override
    public int maxCompressedLength(final int srcLength) {
        // ZSTD_COMPRESSBOUND from zstd.h, in Java so that no native call is needed
        return srcLength + (srcLength >>> 8) + (srcLength < (128 << 10) ? ((128 << 10) - srcLength) >>> 11 : 0);
    }

    @Override
    protected int compressArrays(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        try {
            return cctx.compressByteArray(dst, dstOffset, dstCapacity, src, srcOffset, srcLength);
        } catch (final ZstdException e) {
            return status(e);
        }
    }

    @Override
    protected int compressDirect(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        try {
            return cctx.compressDirectByteBuffer(dst, dstOffset, dstCapacity, src, srcOffset, srcLength);
        } catch (final ZstdException e) {
            return status(e);
        }
    }

    @Override
    protected int decompressArrays(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        try {
            return dctx.decompressByteArray(dst, dstOffset, dstCapacity, src, srcOffset, srcLength);
        } catch (final ZstdException e) {
            return status(e);
        }
    }

    @Override
    protected int decompressDirect(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        try {
            return dctx.decompressDirectByteBuffer(dst, dstOffset, dstCapacity, src, srcOffset, srcLength);
        } catch (final ZstdException e) {
            return status(e);
        }
    }

    private static int status(final ZstdException e) {
        final long code = e.getErrorCode();
        if (code == ERR_DST_TOO_SMALL) {
            return DST_TOO_SMALL;
        }
        if (code == ERR_DICTIONARY_WRONG) {
            return WRONG_DICTIONARY;
        }
        return MALFORMED_INPUT;
    }

    @Override
    protected void release() {
        cctx.close();
        dctx.close();
        if (cdict != null) {
            cdict.close();
            ddict.close();
        }
    }
}
