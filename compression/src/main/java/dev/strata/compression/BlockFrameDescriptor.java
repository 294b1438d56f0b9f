package dev.strata.compression;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Layout of a compressed block frame. All integers are little-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                CRC32C of bytes [4, frame length)              |  0
 *  +---------------+-------+-+-----+-------------------------------+
 *  |   codec id    |version|D| rsv |        reserved (0)           |  4
 *  +---------------+-------+-+-----+-------------------------------+
 *  |                     uncompressed length                       |  8
 *  +---------------------------------------------------------------+
 *  |                 compressed (payload) length                   | 12
 *  +---------------------------------------------------------------+
 *  |        dictionary id (only when flag D is set)                | 16
 *  +---------------------------------------------------------------+
 *  |                payload (compressed length bytes)             ...  16 or 20
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <ul>
 *   <li>Byte 5 (flags): bits 0-3 hold the format version ({@link #VERSION} = 1); bit 4 ({@link
 *       #FLAG_DICTIONARY}) says a dictionary id follows the header, and is set exactly when the codec
 *       is {@link CodecType#ZSTD_DICT}; bits 5-7 are reserved (0).</li>
 *   <li>The CRC32C covers everything after itself: header, dictionary id and payload, so a flipped
 *       bit anywhere in the frame is detected before the payload is decompressed.</li>
 *   <li>Lengths are 0 to {@link Codec#MAX_INPUT_LENGTH}. For {@link CodecType#NONE} the payload is
 *       the data and both lengths are equal.</li>
 * </ul>
 */
public final class BlockFrameDescriptor {
    public static final int CHECKSUM_OFFSET = 0;
    public static final int CODEC_ID_OFFSET = 4;
    public static final int FLAGS_OFFSET = 5;
    public static final int RESERVED_OFFSET = 6;
    public static final int UNCOMPRESSED_LENGTH_OFFSET = 8;
    public static final int COMPRESSED_LENGTH_OFFSET = 12;
    /** Length of the header without a dictionary id. */
    public static final int HEADER_LENGTH = 16;
    /** Offset of the dictionary id, present when {@link #FLAG_DICTIONARY} is set. */
    public static final int DICTIONARY_ID_OFFSET = 16;
    /** Length of the header with a dictionary id. */
    public static final int HEADER_LENGTH_WITH_DICTIONARY = 20;

    /** The frame format version written by this code. */
    public static final int VERSION = 1;
    public static final int VERSION_MASK = 0x0F;
    public static final int FLAG_DICTIONARY = 0x10;
    public static final int RESERVED_FLAG_BITS = 0xE0;

    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    private BlockFrameDescriptor() {
    }

    /** @return the header length for a frame with or without a dictionary id */
    public static int headerLength(final boolean hasDictionary) {
        return hasDictionary ? HEADER_LENGTH_WITH_DICTIONARY : HEADER_LENGTH;
    }

    public static int codecId(final DirectBuffer buffer, final int frameOffset) {
        return buffer.getByte(frameOffset + CODEC_ID_OFFSET) & 0xFF;
    }

    public static int flags(final DirectBuffer buffer, final int frameOffset) {
        return buffer.getByte(frameOffset + FLAGS_OFFSET) & 0xFF;
    }

    public static int reserved(final DirectBuffer buffer, final int frameOffset) {
        return buffer.getShort(frameOffset + RESERVED_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    public static int uncompressedLength(final DirectBuffer buffer, final int frameOffset) {
        return buffer.getInt(frameOffset + UNCOMPRESSED_LENGTH_OFFSET, BYTE_ORDER);
    }

    public static int compressedLength(final DirectBuffer buffer, final int frameOffset) {
        return buffer.getInt(frameOffset + COMPRESSED_LENGTH_OFFSET, BYTE_ORDER);
    }

    public static int checksum(final DirectBuffer buffer, final int frameOffset) {
        return buffer.getInt(frameOffset + CHECKSUM_OFFSET, BYTE_ORDER);
    }

    public static int dictionaryId(final DirectBuffer buffer, final int frameOffset) {
        return buffer.getInt(frameOffset + DICTIONARY_ID_OFFSET, BYTE_ORDER);
    }

    /** Writes the header fields except the checksum (written last, over the finished frame). */
    public static void writeHeader(final MutableDirectBuffer buffer, final int frameOffset, final int codecId,
        final int dictionaryId, final int uncompressedLength, final int compressedLength) {
        final boolean hasDictionary = dictionaryId != 0;
        buffer.putByte(frameOffset + CODEC_ID_OFFSET, (byte)codecId);
        buffer.putByte(frameOffset + FLAGS_OFFSET, (byte)(VERSION | (hasDictionary ? FLAG_DICTIONARY : 0)));
        buffer.putShort(frameOffset + RESERVED_OFFSET, (short)0, BYTE_ORDER);
        buffer.putInt(frameOffset + UNCOMPRESSED_LENGTH_OFFSET, uncompressedLength, BYTE_ORDER);
        buffer.putInt(frameOffset + COMPRESSED_LENGTH_OFFSET, compressedLength, BYTE_ORDER);
        if (hasDictionary) {
            buffer.putInt(frameOffset + DICTIONARY_ID_OFFSET, dictionaryId, BYTE_ORDER);
        }
    }

    public static void writeChecksum(final MutableDirectBuffer buffer, final int frameOffset, final int crc) {
        buffer.putInt(frameOffset + CHECKSUM_OFFSET, crc, BYTE_ORDER);
    }
}
