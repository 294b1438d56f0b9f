package dev.strata.engine.wal;

import dev.strata.CorruptionException;
import dev.strata.tier.SegmentNotSealedException;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.Tier;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Replays one WAL segment: every intact record in order, up to the last one. A failure with no
 * intact record after it is a torn tail (a write the crash interrupted): replay stops there and
 * {@link #replay} returns the valid length, at which the caller seals the segment
 * ({@link Tier#sealUnsealed}). A failure followed by an intact record means bytes that were once
 * durable changed: that is reported as {@link CorruptionException} with the position, and nothing
 * after it is applied.
 *
 * <p>Runs once per segment at open; it reads the whole segment into memory (WAL segments are
 * bounded by the engine's roll size), so it allocates, unlike the write path.
 */
public final class WalRecovery {
    /** Receives each intact record. */
    @FunctionalInterface
    public interface RecordVisitor {
        void record(DirectBuffer buffer, int offset, int length);
    }

    private WalRecovery() {
    }

    /**
     * @return the valid length of the segment (header and intact records); for a segment whose
     *     header was never completely written, 0
     * @throws CorruptionException naming the segment and offset if the log is corrupt before its end
     */
    public static long replay(final Tier tier, final long segmentId, final RecordVisitor visitor) {
        final String name = "WAL segment " + segmentId + " (" + tier.location() + ")";
        final UnsafeBuffer log;
        try (SegmentReader reader = openAny(tier, segmentId)) {
            if (reader.length() > Integer.MAX_VALUE - 8) {
                throw new CorruptionException(name, 0, "a WAL segment under 2 GiB, found " + reader.length() + " bytes", null);
            }
            log = new UnsafeBuffer(new byte[(int)reader.length()]);
            final int n = reader.read(0, log, 0, log.capacity());
            if (n != log.capacity()) {
                throw new CorruptionException(name, n, reader.length() + " bytes, read " + n, null);
            }
        }
        final int end = log.capacity();
        if (end < WalSegmentDescriptor.HEADER_LENGTH) {
            return 0;
        }
        if (log.getLong(WalSegmentDescriptor.MAGIC_OFFSET, ByteOrder.LITTLE_ENDIAN) != WalSegmentDescriptor.MAGIC
            || log.getInt(WalSegmentDescriptor.VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN) != WalSegmentDescriptor.VERSION) {
            throw new CorruptionException(name, 0, "the WAL magic number and version " + WalSegmentDescriptor.VERSION, null);
        }
        final WalScan scan = new WalScan();
        int at = WalSegmentDescriptor.HEADER_LENGTH;
        while (at < end) {
            final int length = scan.check(log, at, end - at);
            if (length < 0) {
                final int next = scan.classifyFailure(log, at, end);
                if (next >= 0) {
                    throw new CorruptionException(name, at, "an intact WAL record (an intact record follows at offset " + next
                        + ", so this is not a torn tail); restore the store from a checkpoint or open it with WAL truncation at " + at, null);
                }
                return at;
            }
            visitor.record(log, at, length);
            at += length;
        }
        return at;
    }

    private static SegmentReader openAny(final Tier tier, final long segmentId) {
        try {
            return tier.open(segmentId);
        } catch (final SegmentNotSealedException e) {
            return tier.openUnsealed(segmentId);
        }
    }
}
