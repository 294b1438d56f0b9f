package dev.strata.engine.wal;

import static dev.strata.engine.wal.WalRecordDescriptor.HEADER_LENGTH;

import dev.strata.engine.DirectBuffers;
import dev.strata.engine.EntryKind;
import dev.strata.engine.sst.Varint;
import dev.strata.LimitExceededException;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * Encodes one atomic batch as a WAL record: entries are appended in place after a reserved
 * header, and {@link #finish} writes the header and the CRC32C, so committing needs no copy.
 * Reused across batches; allocates nothing once its buffer has grown. Single-threaded.
 */
public final class WalRecordBuilder implements AutoCloseable {
    /** Bytes of the expiry that starts a PUT_TTL value. */
    public static final int EXPIRY_LENGTH = 8;

    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(4096);
    private final WalScan scan = new WalScan();
    private int position = HEADER_LENGTH;
    private int count;

    /** Starts a new, empty batch. */
    public WalRecordBuilder reset() {
        position = HEADER_LENGTH;
        count = 0;
        return this;
    }

    /** Adds one entry (a DELETE takes a zero-length value). */
    public WalRecordBuilder add(final EntryKind kind, final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        return addEntry(kind, namespace, key, keyOffset, keyLength, 0, value, valueOffset, valueLength);
    }

    /**
     * Adds a {@link EntryKind#PUT_TTL} entry: its stored value is the 8-byte little-endian expiry
     * (epoch millis) followed by the user's value.
     */
    public WalRecordBuilder addExpiring(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long expiryMillis, final DirectBuffer value, final int valueOffset, final int valueLength) {
        return addEntry(EntryKind.PUT_TTL, namespace, key, keyOffset, keyLength, expiryMillis, value, valueOffset, valueLength);
    }

    private WalRecordBuilder addEntry(final EntryKind kind, final int namespace, final DirectBuffer key, final int keyOffset,
        final int keyLength, final long expiryMillis, final DirectBuffer value, final int valueOffset, final int valueLength) {
        final int prefix = kind == EntryKind.PUT_TTL ? EXPIRY_LENGTH : 0;
        final long needed = (long)position + 1 + 15 + keyLength + prefix + valueLength;
        if (needed - HEADER_LENGTH > WalRecordDescriptor.MAX_PAYLOAD_LENGTH) {
            throw new LimitExceededException("batch exceeds the WAL record limit of " + WalRecordDescriptor.MAX_PAYLOAD_LENGTH
                + " bytes: split it into several batches");
        }
        DirectBuffers.ensureCapacity(buffer, (int)needed);
        buffer.putByte(position++, (byte)kind.code());
        position = Varint.put(buffer, position, namespace);
        position = Varint.put(buffer, position, keyLength);
        position = Varint.put(buffer, position, prefix + valueLength);
        buffer.putBytes(position, key, keyOffset, keyLength);
        position += keyLength;
        if (prefix > 0) {
            buffer.putLong(position, expiryMillis, WalRecordDescriptor.ORDER);
            position += prefix;
        }
        buffer.putBytes(position, value, valueOffset, valueLength);
        position += valueLength;
        count++;
        return this;
    }

    /** @return the record's length once finished (header included) */
    public int length() {
        return position;
    }

    /** @return entries in the batch */
    public int count() {
        return count;
    }

    /**
     * Writes the header (sequence numbers {@code firstSequence .. firstSequence + count - 1}) and checksum.
     *
     * @return the record's length; the record is {@link #buffer()} {@code [0, length)}
     */
    public int finish(final long firstSequence) {
        WalRecordDescriptor.writeHeader(buffer, 0, position - HEADER_LENGTH, firstSequence, count, WalRecordDescriptor.TYPE_BATCH);
        scan.seal(buffer, 0);
        return position;
    }

    public DirectBuffer buffer() {
        return buffer;
    }

    @Override
    public void close() {
        DirectBuffers.free(buffer);
    }
}
