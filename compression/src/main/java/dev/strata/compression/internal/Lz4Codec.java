package dev.strata.compression.internal;

import dev.strata.compression.CodecType;
import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4JNIFastResetCompressor;
import net.jpountz.lz4.LZ4JNIHCFastResetCompressor;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * LZ4 block format through lz4-java's JNI binding. The compressor keeps its native state between
 * calls (lz4-java's "fast reset" compressors, one per codec instance); decompression uses only the
 * <em>safe</em> decompressor, which never reads or writes outside the given ranges. That decompressor
 * fails alike for malformed input and a short destination; on failure {@link Lz4BlockScanner} tells
 * them apart (the failure path only).
 */
public final class Lz4Codec extends AbstractCodec {
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.nativeInstance().safeDecompressor();

    // exactly one is non-null; lz4-java's common base class is not public
    private final LZ4JNIFastResetCompressor fast;
    private final LZ4JNIHCFastResetCompressor high;
    private final UnsafeBuffer scanView = new UnsafeBuffer(0, 0);

    /**
     * @param highCompression {@code true} for LZ4 HC (level 1..12), {@code false} for the fast
     *                        compressor (level = acceleration)
     */
    public Lz4Codec(final boolean highCompression, final int level) {
        super(highCompression ? CodecType.LZ4_HC : CodecType.LZ4, level, false);
        final LZ4Factory factory = LZ4Factory.nativeInstance();
        fast = highCompression ? null : factory.fastResetCompressor(level);
        high = highCompression ? factory.highFastResetCompressor(level) : null;
    }

    @Override
    public int maxCompressedLength(final int srcLength) {
        return srcLength + srcLength / 255 + 16;
    }

    @Override
    protected int compressArrays(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        return fast != null
            ? fast.compress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity)
            : high.compress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
    }

    @Override
    protected int compressDirect(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        return fast != null
            ? fast.compress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity)
            : high.compress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
    }

    @Override
    protected int decompressArrays(final byte[] src, final int srcOffset, final int srcLength, final byte[] dst, final int dstOffset, final int dstCapacity) {
        try {
            return DECOMPRESSOR.decompress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
        } catch (final LZ4Exception e) {
            scanView.wrap(src);
            return failureStatus(srcOffset, srcLength, dstCapacity);
        }
    }

    @Override
    protected int decompressDirect(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        try {
            return DECOMPRESSOR.decompress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
        } catch (final LZ4Exception e) {
            scanView.wrap(src);
            return failureStatus(srcOffset, srcLength, dstCapacity);
        }
    }

    /** @return {@link #DST_TOO_SMALL} if the block is well formed but decodes to more than {@code dstCapacity} */
    private int failureStatus(final int srcOffset, final int srcLength, final int dstCapacity) {
        final long decoded = Lz4BlockScanner.decodedLength(scanView, srcOffset, srcLength);
        scanView.wrap(0, 0);
        return decoded > dstCapacity ? DST_TOO_SMALL : MALFORMED_INPUT;
    }

    @Override
    protected void release() {
        if (fast != null) {
            fast.close();
        } else {
            high.close();
        }
    }
}
