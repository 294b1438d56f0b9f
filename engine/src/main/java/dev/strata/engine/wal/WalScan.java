package dev.strata.engine.wal;

import static dev.strata.engine.wal.WalRecordDescriptor.HEADER_LENGTH;
import static dev.strata.engine.wal.WalRecordDescriptor.MAX_PAYLOAD_LENGTH;
import static dev.strata.engine.wal.WalRecordDescriptor.TYPE_BATCH;

import dev.strata.compression.Crc32cChecksum;
import org.agrona.DirectBuffer;

/**
 * Checks WAL records in a buffer: {@link #check} says whether a whole, intact record starts at an
 * offset; {@link #classifyFailure} decides whether a bad record is a torn tail (nothing valid
 * follows it: a write that a crash interrupted) or corruption in the middle (a valid record
 * follows: bytes that were once durable have changed). Not thread-safe (owns a checksum).
 */
public final class WalScan {
    /** {@link #check}: fewer bytes than the record needs; at the end of the log this is a torn tail. */
    public static final int INCOMPLETE = -1;
    /** {@link #check}: the header is invalid or the checksum does not match. */
    public static final int BAD_RECORD = -2;

    private final Crc32cChecksum crc = new Crc32cChecksum();

    /**
     * @param available bytes readable from {@code offset}
     * @return the record's total length, {@link #INCOMPLETE} or {@link #BAD_RECORD}
     */
    public int check(final DirectBuffer buffer, final int offset, final int available) {
        if (available < HEADER_LENGTH) {
            return INCOMPLETE;
        }
        final int payload = WalRecordDescriptor.payloadLength(buffer, offset);
        if (payload < 0 || payload > MAX_PAYLOAD_LENGTH) {
            return BAD_RECORD;
        }
        if (HEADER_LENGTH + payload > available) {
            return INCOMPLETE;
        }
        final int length = HEADER_LENGTH + payload;
        if (crc.compute(buffer, offset + 4, length - 4) != WalRecordDescriptor.checksum(buffer, offset)) {
            return BAD_RECORD;
        }
        if (WalRecordDescriptor.type(buffer, offset) != TYPE_BATCH || WalRecordDescriptor.flagsAndReserved(buffer, offset) != 0
            || WalRecordDescriptor.count(buffer, offset) < 0) {
            return BAD_RECORD;
        }
        return length;
    }

    /** Computes and stores the checksum of a record whose header and payload are written. */
    public void seal(final org.agrona.MutableDirectBuffer buffer, final int offset) {
        final int length = HEADER_LENGTH + WalRecordDescriptor.payloadLength(buffer, offset);
        buffer.putInt(offset + WalRecordDescriptor.CHECKSUM_OFFSET, crc.compute(buffer, offset + 4, length - 4),
            WalRecordDescriptor.ORDER);
    }

    /**
     * Called when the record at {@code badOffset} failed {@link #check}: looks for any intact record
     * after it (at every byte offset, so it is slow, but runs only on this error path).
     *
     * @return the offset of the first intact record after {@code badOffset}, or -1 if none (a torn tail)
     */
    public int classifyFailure(final DirectBuffer buffer, final int badOffset, final int end) {
        for (int o = badOffset + 1; o + HEADER_LENGTH <= end; o++) {
            if (check(buffer, o, end - o) > 0) {
                return o;
            }
        }
        return -1;
    }
}
