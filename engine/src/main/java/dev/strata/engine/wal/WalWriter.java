package dev.strata.engine.wal;

import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends finished records ({@link WalRecordBuilder}) to one WAL segment of a tier. Used by the
 * commit leader only (one thread at a time). {@link #sync()} makes every appended record durable;
 * the engine's sync policy decides when to call it.
 */
public final class WalWriter implements AutoCloseable {
    private final SegmentWriter out;

    /** Creates segment {@code segmentId} in {@code tier} and writes the WAL segment header. */
    public WalWriter(final Tier tier, final long segmentId) {
        out = tier.create(segmentId);
        final UnsafeBuffer header = new UnsafeBuffer(new byte[WalSegmentDescriptor.HEADER_LENGTH]);
        header.putLong(WalSegmentDescriptor.MAGIC_OFFSET, WalSegmentDescriptor.MAGIC, ByteOrder.LITTLE_ENDIAN);
        header.putInt(WalSegmentDescriptor.VERSION_OFFSET, WalSegmentDescriptor.VERSION, ByteOrder.LITTLE_ENDIAN);
        out.append(header, 0, header.capacity());
    }

    /** @return the segment offset of the record */
    public long append(final DirectBuffer record, final int offset, final int length) {
        return out.append(record, offset, length);
    }

    public void sync() {
        out.sync();
    }

    /** @return bytes written, header included */
    public long length() {
        return out.length();
    }

    public long segmentId() {
        return out.segmentId();
    }

    /** Syncs and seals the segment (when the log rolls to a new one). */
    public void seal() {
        out.seal();
    }

    /** Closes without sealing; the segment stays unsealed and recovery reads its durable prefix. */
    @Override
    public void close() {
        out.close();
    }
}
