package dev.strata.engine.wal;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Layout of one write-ahead-log record: an atomic batch of writes with consecutive sequence
 * numbers. Little-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |          CRC32C of bytes [4, 24 + payload length)             |  0
 *  +---------------------------------------------------------------+
 *  |                        payload length                         |  4
 *  +---------------------------------------------------------------+
 *  |                 first sequence number (u64)                   |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                         entry count                           | 16
 *  +---------------+---------------+-------------------------------+
 *  |  record type  |     flags     |          reserved (0)         | 20
 *  +---------------+---------------+-------------------------------+
 *  |                  payload: entry count entries                ...  24
 *  +---------------------------------------------------------------+
 *
 *  entry: kind (u8) | namespace id (varint) | key length (varint) | value length (varint) | key | value
 * </pre>
 *
 * Entry i has sequence number {@code first + i}. Kinds are {@link dev.strata.engine.EntryKind}
 * codes; a DELETE has value length 0; a PUT_TTL value starts with its 8-byte expiry. A record is
 * applied whole or not at all: recovery stops before the first record whose length or checksum
 * does not hold.
 */
public final class WalRecordDescriptor {
    public static final int CHECKSUM_OFFSET = 0;
    public static final int LENGTH_OFFSET = 4;
    public static final int SEQUENCE_OFFSET = 8;
    public static final int COUNT_OFFSET = 16;
    public static final int TYPE_OFFSET = 20;
    public static final int FLAGS_OFFSET = 21;
    public static final int RESERVED_OFFSET = 22;
    public static final int HEADER_LENGTH = 24;

    /** Record type: a batch of writes. */
    public static final int TYPE_BATCH = 1;
    /** Largest payload a record may carry (256 MiB); larger batches are refused at the API. */
    public static final int MAX_PAYLOAD_LENGTH = 256 << 20;

    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private WalRecordDescriptor() {
    }

    public static void writeHeader(final MutableDirectBuffer buffer, final int offset, final int payloadLength,
        final long firstSequence, final int count, final int type) {
        buffer.putInt(offset + LENGTH_OFFSET, payloadLength, ORDER);
        buffer.putLong(offset + SEQUENCE_OFFSET, firstSequence, ORDER);
        buffer.putInt(offset + COUNT_OFFSET, count, ORDER);
        buffer.putByte(offset + TYPE_OFFSET, (byte)type);
        buffer.putByte(offset + FLAGS_OFFSET, (byte)0);
        buffer.putShort(offset + RESERVED_OFFSET, (short)0, ORDER);
    }

    public static int checksum(final DirectBuffer buffer, final int offset) {
        return buffer.getInt(offset + CHECKSUM_OFFSET, ORDER);
    }

    public static int payloadLength(final DirectBuffer buffer, final int offset) {
        return buffer.getInt(offset + LENGTH_OFFSET, ORDER);
    }

    public static long firstSequence(final DirectBuffer buffer, final int offset) {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ORDER);
    }

    public static int count(final DirectBuffer buffer, final int offset) {
        return buffer.getInt(offset + COUNT_OFFSET, ORDER);
    }

    public static int type(final DirectBuffer buffer, final int offset) {
        return buffer.getByte(offset + TYPE_OFFSET) & 0xFF;
    }

    public static int flagsAndReserved(final DirectBuffer buffer, final int offset) {
        return (buffer.getByte(offset + FLAGS_OFFSET) & 0xFF) | (buffer.getShort(offset + RESERVED_OFFSET, ORDER) & 0xFFFF);
    }
}
