package dev.strata.compression;

import static dev.strata.compression.BlockFrameDescriptor.CHECKSUM_OFFSET;
import static dev.strata.compression.BlockFrameDescriptor.headerLength;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes {@link BlockFrameDescriptor block frames} with one codec. Not thread-safe; allocates
 * nothing per frame. The codec stays owned (and closed) by the caller.
 */
public final class FrameWriter {
    private final Codec codec;
    private final boolean storeIncompressible;
    private final Crc32cChecksum crc = new Crc32cChecksum();

    /** A writer that always uses {@code codec}, even when the result is larger than the input. */
    public FrameWriter(final Codec codec) {
        this(codec, false);
    }

    /**
     * @param storeIncompressible if {@code true}, a block that the codec does not shrink is written
     *                            with {@link CodecType#NONE} instead (as RocksDB does), so reads of
     *                            incompressible data skip the decompressor
     */
    public FrameWriter(final Codec codec, final boolean storeIncompressible) {
        this.codec = codec;
        this.storeIncompressible = storeIncompressible;
    }

    public Codec codec() {
        return codec;
    }

    /** @return the largest frame {@link #write} can produce for {@code srcLength} bytes with this writer's codec */
    public int maxFrameLength(final int srcLength) {
        return headerLength(codec.dictionaryId() != 0) + Math.max(srcLength, codec.maxCompressedLength(srcLength));
    }

    /**
     * Compresses {@code src[srcOffset, srcOffset + srcLength)} into one frame at {@code dst[dstOffset]}.
     *
     * @return the frame length, or {@link Codec#DST_TOO_SMALL} if the frame does not fit in
     *     {@code dstCapacity} (size the destination with {@link #maxFrameLength(int)})
     */
    public int write(final DirectBuffer src, final int srcOffset, final int srcLength,
        final MutableDirectBuffer dst, final int dstOffset, final int dstCapacity) {
        final int dictionaryId = codec.dictionaryId();
        int header = headerLength(dictionaryId != 0);
        if (dstCapacity < header) {
            return Codec.DST_TOO_SMALL;
        }
        int codecId = codec.type().id();
        int written = codec.compress(src, srcOffset, srcLength, dst, dstOffset + header, dstCapacity - header);
        int frameDictionaryId = dictionaryId;
        if (storeIncompressible && (written == Codec.DST_TOO_SMALL || written >= srcLength)) {
            header = headerLength(false);
            if (srcLength > dstCapacity - header) {
                return Codec.DST_TOO_SMALL;
            }
            dst.putBytes(dstOffset + header, src, srcOffset, srcLength);
            written = srcLength;
            codecId = CodecType.NONE.id();
            frameDictionaryId = 0;
        }
        if (written < 0) {
            return written;
        }
        BlockFrameDescriptor.writeHeader(dst, dstOffset, codecId, frameDictionaryId, srcLength, written);
        final int frameLength = header + written;
        final int checksum = crc.compute(dst, dstOffset + CHECKSUM_OFFSET + 4, frameLength - 4);
        BlockFrameDescriptor.writeChecksum(dst, dstOffset, checksum);
        return frameLength;
    }
}
