package dev.strata.tier.object;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The 48-byte header that starts every object the {@link ObjectTier} writes: sealed segments,
 * part objects of unsealed segments, and the metadata slot. Little-endian. Mirrored in
 * {@code docs/format-object-tier.md}.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                   magic 0x424F5453 ("STOB")                   |  0
 *  +-------------------------------+-------------------------------+
 *  |       format version 1        |  kind: 1 sealed, 2 part, 3 md |  4
 *  +-------------------------------+-------------------------------+
 *  |                     segment id (long; 0 for metadata)         |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                part number (int; 0 unless a part)             | 16
 *  +---------------------------------------------------------------+
 *  |                  CRC32C of the payload                        | 20
 *  +---------------------------------------------------------------+
 *  |   start offset (long): the segment offset of the payload's    | 24
 *  |   first byte (a part), else 0                                 |
 *  +---------------------------------------------------------------+
 *  |                   payload length (long)                       | 32
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 CRC32C of bytes [0, 40)                       | 40
 *  +---------------------------------------------------------------+
 *  |                        reserved 0                             | 44
 *  +---------------------------------------------------------------+
 *  |                          payload ...                          | 48
 * </pre>
 * A reader checks the header (magic, version, kind, id, part number, header CRC, payload length
 * against the object size) at open; the payload CRC is checked whenever a whole payload is read
 * (metadata, and parts when an unsealed segment is sealed). Ranged reads of a sealed segment do not
 * check it: records inside segments carry their own CRCs.
 */
final class SegmentObjectDescriptor {
    static final int MAGIC = 0x424F5453;
    static final short VERSION = 1;
    static final short KIND_SEALED = 1;
    static final short KIND_PART = 2;
    static final short KIND_METADATA = 3;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int KIND_OFFSET = 6;
    static final int SEGMENT_ID_OFFSET = 8;
    static final int PART_NUMBER_OFFSET = 16;
    static final int PAYLOAD_CRC_OFFSET = 20;
    static final int START_OFFSET_OFFSET = 24;
    static final int PAYLOAD_LENGTH_OFFSET = 32;
    static final int HEADER_CRC_OFFSET = 40;
    static final int HEADER_LENGTH = 48;
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SegmentObjectDescriptor() {
    }

    /** Writes a header at {@code buf[0, 48)} for the payload at {@code buf[48, 48 + payloadLength)}, computing both CRCs. */
    static void writeHeader(final MutableDirectBuffer buf, final short kind, final long segmentId, final int partNumber, final long startOffset,
                            final int payloadLength, final CRC32C crc) {
        buf.putInt(MAGIC_OFFSET, MAGIC, ORDER);
        buf.putShort(VERSION_OFFSET, VERSION, ORDER);
        buf.putShort(KIND_OFFSET, kind, ORDER);
        buf.putLong(SEGMENT_ID_OFFSET, segmentId, ORDER);
        buf.putInt(PART_NUMBER_OFFSET, partNumber, ORDER);
        buf.putInt(PAYLOAD_CRC_OFFSET, crc(buf, HEADER_LENGTH, payloadLength, crc), ORDER);
        buf.putLong(START_OFFSET_OFFSET, startOffset, ORDER);
        buf.putLong(PAYLOAD_LENGTH_OFFSET, payloadLength, ORDER);
        buf.putInt(HEADER_CRC_OFFSET, crc(buf, 0, HEADER_CRC_OFFSET, crc), ORDER);
        buf.putInt(HEADER_CRC_OFFSET + 4, 0, ORDER);
    }

    /** @return CRC32C of {@code buf[offset, offset + length)}, off-heap or on-heap */
    static int crc(final DirectBuffer buf, final int offset, final int length, final CRC32C crc) {
        crc.reset();
        final byte[] array = buf.byteArray();
        if (array != null) {
            crc.update(array, buf.wrapAdjustment() + offset, length);
        } else if (buf.byteBuffer() != null) {
            final ByteBuffer view = buf.byteBuffer().duplicate();
            view.limit(buf.wrapAdjustment() + offset + length).position(buf.wrapAdjustment() + offset);
            crc.update(view);
        } else {
            for (int i = 0; i < length; i++) {
                crc.update(buf.getByte(offset + i));
            }
        }
        return (int) crc.getValue();
    }

    /**
     * Checks a header read from {@code object} (of {@code objectSize} bytes).
     *
     * @return the payload length
     * @throws ObjectCorruptException naming the object, the offset and what was expected
     */
    static long check(final DirectBuffer h, final String object, final long objectSize, final short kind, final long segmentId, final int partNumber, final CRC32C crc) {
        if (objectSize < HEADER_LENGTH) {
            throw new ObjectCorruptException(object + ": object is " + objectSize + " bytes, shorter than the " + HEADER_LENGTH + "-byte object tier header");
        }
        final int magic = h.getInt(MAGIC_OFFSET, ORDER);
        if (magic != MAGIC) {
            throw new ObjectCorruptException(object + " offset 0: expected object tier magic 0x" + Integer.toHexString(MAGIC) + ", found 0x" + Integer.toHexString(magic));
        }
        final short version = h.getShort(VERSION_OFFSET, ORDER);
        if (version != VERSION) {
            throw new ObjectCorruptException(object + " offset 4: object tier format version " + version + " is not supported (this build reads " + VERSION + ")");
        }
        final int stored = h.getInt(HEADER_CRC_OFFSET, ORDER);
        final int actual = crc(h, 0, HEADER_CRC_OFFSET, crc);
        if (stored != actual) {
            throw new ObjectCorruptException(object + " offset 40: header CRC32C 0x" + Integer.toHexString(actual) + " does not match the stored 0x" + Integer.toHexString(stored));
        }
        expect(object, KIND_OFFSET, "kind", kind, h.getShort(KIND_OFFSET, ORDER));
        expect(object, SEGMENT_ID_OFFSET, "segment id", segmentId, h.getLong(SEGMENT_ID_OFFSET, ORDER));
        expect(object, PART_NUMBER_OFFSET, "part number", partNumber, h.getInt(PART_NUMBER_OFFSET, ORDER));
        final long payload = h.getLong(PAYLOAD_LENGTH_OFFSET, ORDER);
        expect(object, PAYLOAD_LENGTH_OFFSET, "payload length (object size - 48)", objectSize - HEADER_LENGTH, payload);
        return payload;
    }

    /** @throws ObjectCorruptException if the payload's CRC32C differs from the header's */
    static void checkPayload(final DirectBuffer header, final DirectBuffer payload, final int offset, final int length, final String object, final CRC32C crc) {
        final int stored = header.getInt(PAYLOAD_CRC_OFFSET, ORDER);
        final int actual = crc(payload, offset, length, crc);
        if (stored != actual) {
            throw new ObjectCorruptException(object + " offset 48: payload CRC32C 0x" + Integer.toHexString(actual) + " does not match the header's 0x" + Integer.toHexString(stored));
        }
    }

    private static void expect(final String object, final int offset, final String what, final long expected, final long found) {
        if (expected != found) {
            throw new ObjectCorruptException(object + " offset " + offset + ": expected " + what + " " + expected + ", found " + found);
        }
    }
}
