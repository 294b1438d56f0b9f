package dev.strata.engine.store;

import dev.strata.compression.Crc32cChecksum;
import dev.strata.engine.Trailer;
import dev.strata.engine.wal.WalEntryCursor;
import dev.strata.engine.wal.WalRecordDescriptor;
import dev.strata.engine.wal.WalScan;
import dev.strata.engine.wal.WalSegmentDescriptor;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.TierException;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads one WAL segment through, for verify and dump, with the checks recovery makes
 * ({@link WalScan}, as {@code WalRecovery.replay} uses it): a record that fails with no intact
 * record after it is a torn tail (a warning: open truncates it) in an unsealed segment, but an
 * error in a sealed one, which was sealed at a record boundary; a failing record followed by an
 * intact one is corruption in the middle (an error: open fails there). Unlike recovery, the scan
 * goes on from that next intact record, so every corrupt place is reported. Also checked: entries
 * parse, name known namespaces, and sequence numbers increase from record to record.
 */
final class InspectWal {
    /** Receives entries; views are valid during the call. */
    @FunctionalInterface
    interface EntryVisitor {
        /** @return {@code false} to stop the walk */
        boolean entry(int namespace, DirectBuffer key, int keyOffset, int keyLength, long trailer, DirectBuffer value, int valueOffset,
            int valueLength);
    }

    private final InspectTarget target;
    private final InspectLayout.Segment segment;
    private final String label;
    private final Consumer<InspectProblem> sink;
    long records;
    long entries;
    boolean stopped;
    /** Where open would cut the segment (a torn tail), or -1. */
    long tornAt = -1;

    private InspectWal(final InspectTarget target, final InspectLayout.Segment segment, final Consumer<InspectProblem> sink) {
        this.target = target;
        this.segment = segment;
        this.label = "WAL " + target.segmentLabel(segment.id(), segment.sealed());
        this.sink = sink;
    }

    /**
     * @param namespaces how many namespaces the manifest declares, or -1 if it is unreadable
     */
    static InspectWal walk(final InspectTarget target, final InspectLayout.Segment segment, final int namespaces, final EntryVisitor visitor,
        final Consumer<InspectProblem> sink) {
        final InspectWal walk = new InspectWal(target, segment, sink);
        final UnsafeBuffer log;
        try (SegmentReader r = segment.sealed() ? target.tier.open(segment.id()) : target.tier.openUnsealed(segment.id())) {
            if (r.length() > Integer.MAX_VALUE - 8) {
                walk.problem(InspectProblem.Severity.ERROR, 0, "a WAL segment under 2 GiB, found " + r.length() + " bytes");
                return walk;
            }
            log = new UnsafeBuffer(new byte[(int)r.length()]);
            final int n = r.read(0, log, 0, log.capacity());
            if (n != log.capacity()) {
                walk.problem(InspectProblem.Severity.ERROR, n, r.length() + " bytes, read " + n);
                return walk;
            }
        } catch (final TierException | IllegalStateException e) {
            walk.problem(InspectProblem.Severity.ERROR, -1, e.getMessage());
            return walk;
        }
        walk.records(log, namespaces, visitor);
        return walk;
    }

    private void records(final UnsafeBuffer log, final int namespaces, final EntryVisitor visitor) {
        final int end = log.capacity();
        if (end < WalSegmentDescriptor.HEADER_LENGTH
            || log.getLong(WalSegmentDescriptor.MAGIC_OFFSET, ByteOrder.LITTLE_ENDIAN) != WalSegmentDescriptor.MAGIC
            || log.getInt(WalSegmentDescriptor.VERSION_OFFSET, ByteOrder.LITTLE_ENDIAN) != WalSegmentDescriptor.VERSION) {
            problem(InspectProblem.Severity.ERROR, 0, "the WAL magic number and version " + WalSegmentDescriptor.VERSION);
            return;
        }
        final WalScan scan = new WalScan();
        final WalEntryCursor cursor = new WalEntryCursor();
        long lastSequence = -1;
        int at = WalSegmentDescriptor.HEADER_LENGTH;
        while (at < end && !stopped) {
            final int length = scan.check(log, at, end - at);
            if (length < 0) {
                final int next = scan.classifyFailure(log, at, end);
                if (next < 0) {
                    tornAt = at;
                    if (segment.sealed()) {
                        // sealing (by the writer or by recovery) happens at a record boundary, so a sealed
                        // segment's last record was once intact: losing it loses acknowledged writes
                        problem(InspectProblem.Severity.ERROR, at, "corrupt last record in a sealed WAL segment (" + why(log, at, end) + "; "
                            + (end - at) + " bytes): not a torn tail, since a segment is sealed at a record boundary; open takes it for one and"
                            + " silently drops its writes");
                    } else {
                        problem(InspectProblem.Severity.WARNING, at, "torn tail at offset " + at + " (would be truncated at open; " + why(log, at, end)
                            + ", " + (end - at) + " bytes)");
                    }
                    return;
                }
                problem(InspectProblem.Severity.ERROR, at, "corrupt WAL record (" + why(log, at, end) + "); an intact record follows at offset " + next
                    + ", so this is not a torn tail: open fails here. Bytes " + at + " to " + next + " are skipped");
                lastSequence = -1;
                at = next;
                continue;
            }
            records++;
            final long first = WalRecordDescriptor.firstSequence(log, at);
            if (lastSequence >= 0 && first <= lastSequence) {
                problem(InspectProblem.Severity.ERROR, at, "sequence numbers that increase: this record starts at " + first + ", the previous one ended at "
                    + lastSequence);
            }
            cursor.wrap(log, at);
            try {
                while (cursor.next()) {
                    entries++;
                    if (namespaces >= 0 && cursor.namespace() >= namespaces) {
                        problem(InspectProblem.Severity.ERROR, at, "entry with sequence " + cursor.sequence() + " names namespace " + cursor.namespace()
                            + ", the manifest declares " + namespaces);
                    }
                    if (!visitor.entry(cursor.namespace(), cursor.key(), cursor.keyOffset(), cursor.keyLength(), Trailer.pack(cursor.sequence(),
                        cursor.kind()), cursor.value(), cursor.valueOffset(), cursor.valueLength())) {
                        stopped = true;
                        return;
                    }
                }
            } catch (final IllegalStateException e) {
                problem(InspectProblem.Severity.ERROR, at, "entries that parse (the record's CRC32C matched, so a writer wrote it so): " + e.getMessage());
            }
            lastSequence = first + WalRecordDescriptor.count(log, at) - 1;
            at += length;
        }
    }

    /** @return why the record at {@code at} failed {@link WalScan#check}, in words */
    private static String why(final DirectBuffer log, final int at, final int end) {
        final int available = end - at;
        if (available < WalRecordDescriptor.HEADER_LENGTH) {
            return "only " + available + " bytes, less than a record header";
        }
        final int payload = WalRecordDescriptor.payloadLength(log, at);
        if (payload < 0 || payload > WalRecordDescriptor.MAX_PAYLOAD_LENGTH) {
            return "payload length " + payload + " out of range";
        }
        if (WalRecordDescriptor.HEADER_LENGTH + payload > available) {
            return "payload length " + payload + " runs past the end of the segment";
        }
        final int stored = WalRecordDescriptor.checksum(log, at);
        final int computed = new Crc32cChecksum().compute(log, at + 4, WalRecordDescriptor.HEADER_LENGTH + payload - 4);
        if (stored != computed) {
            return "stored CRC32C 0x" + Integer.toHexString(stored) + ", computed 0x" + Integer.toHexString(computed);
        }
        return "record type " + WalRecordDescriptor.type(log, at) + ", flags and reserved 0x" + Integer.toHexString(WalRecordDescriptor.flagsAndReserved(log, at))
            + ", " + WalRecordDescriptor.count(log, at) + " entries";
    }

    private void problem(final InspectProblem.Severity severity, final long offset, final String message) {
        sink.accept(new InspectProblem(severity, label, segment.id(), offset, target.fileOffset(segment.id(), offset), message));
    }
}
