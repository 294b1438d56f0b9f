package dev.strata.engine.wal;

import static dev.strata.engine.wal.WalRecordDescriptor.HEADER_LENGTH;

import dev.strata.engine.EntryKind;
import dev.strata.engine.sst.Varint;
import org.agrona.DirectBuffer;

/**
 * Walks the entries of one verified WAL record. Views ({@link #key()}, {@link #value()}) point into
 * the record's buffer and are valid until {@link #next()}. Reusable; allocates nothing.
 */
public final class WalEntryCursor {
    private final int[] cursor = new int[1];
    private DirectBuffer buffer;
    private int end;
    private long sequence;
    private int remaining;
    private EntryKind kind;
    private int namespace;
    private int keyOffset;
    private int keyLength;
    private int valueOffset;
    private int valueLength;

    /** Points at a record that {@link WalScan#check} accepted. */
    public WalEntryCursor wrap(final DirectBuffer record, final int offset) {
        buffer = record;
        cursor[0] = offset + HEADER_LENGTH;
        end = offset + HEADER_LENGTH + WalRecordDescriptor.payloadLength(record, offset);
        sequence = WalRecordDescriptor.firstSequence(record, offset) - 1;
        remaining = WalRecordDescriptor.count(record, offset);
        return this;
    }

    /**
     * @return {@code false} when the record has no more entries
     * @throws IllegalStateException if an entry does not parse (the record's checksum matched, so
     *     this means a writer bug; the caller reports it as corruption)
     */
    public boolean next() {
        if (remaining == 0) {
            if (cursor[0] != end) {
                throw new IllegalStateException((end - cursor[0]) + " bytes follow the last entry of the record");
            }
            return false;
        }
        if (cursor[0] >= end) {
            throw new IllegalStateException("record ends with " + remaining + " entries missing");
        }
        kind = EntryKind.fromCode(buffer.getByte(cursor[0]++) & 0xFF);
        namespace = Varint.get(buffer, cursor, end);
        keyLength = Varint.get(buffer, cursor, end);
        valueLength = Varint.get(buffer, cursor, end);
        keyOffset = cursor[0];
        valueOffset = keyOffset + keyLength;
        if (kind == null || namespace < 0 || keyLength < 0 || valueLength < 0 || (long)valueOffset + valueLength > end) {
            throw new IllegalStateException("malformed entry at record offset " + keyOffset);
        }
        cursor[0] = valueOffset + valueLength;
        sequence++;
        remaining--;
        return true;
    }

    public long sequence() {
        return sequence;
    }

    public EntryKind kind() {
        return kind;
    }

    public int namespace() {
        return namespace;
    }

    public DirectBuffer key() {
        return buffer;
    }

    public int keyOffset() {
        return keyOffset;
    }

    public int keyLength() {
        return keyLength;
    }

    public DirectBuffer value() {
        return buffer;
    }

    public int valueOffset() {
        return valueOffset;
    }

    public int valueLength() {
        return valueLength;
    }
}
