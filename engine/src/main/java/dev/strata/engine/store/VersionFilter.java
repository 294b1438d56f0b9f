package dev.strata.engine.store;

import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import dev.strata.engine.wal.WalRecordBuilder;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Decides, for a stream of internal keys in order (flush or compaction input), which versions
 * anyone can still read. A version is needed if it is the newest one, or the newest one at or
 * below some live snapshot. An expired TTL value becomes a tombstone (readers cannot see it,
 * whatever their snapshot). A tombstone is dropped where nothing older can lie below it (the
 * bottommost output) and no snapshot is older than it, and with it every older version.
 */
final class VersionFilter {
    /** {@link #decide}: drop the entry. */
    static final int DROP = 0;
    /** {@link #decide}: keep the entry as it is. */
    static final int KEEP = 1;
    /** {@link #decide}: keep the entry, as a tombstone (an expired TTL value). */
    static final int KEEP_AS_TOMBSTONE = 2;

    private final long[] snapshots;
    private final boolean bottommost;
    private final long now;
    private final UnsafeBuffer lastKey = new UnsafeBuffer(new byte[Math.max(16, dev.strata.Store.MAX_KEY_LENGTH)]);
    private int lastKeyLength = -1;
    private long newerSequence;

    /** @param snapshots live snapshot sequence numbers, sorted ascending */
    VersionFilter(final long[] snapshots, final boolean bottommost, final long nowMillis) {
        this.snapshots = snapshots;
        this.bottommost = bottommost;
        this.now = nowMillis;
    }

    int decide(final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer, final DirectBuffer value,
        final int valueOffset, final int valueLength) {
        final long sequence = Trailer.sequence(trailer);
        if (lastKeyLength != keyLength || KeyComparator.compareKeys(lastKey, 0, lastKeyLength, key, keyOffset, keyLength) != 0) {
            lastKey.putBytes(0, key, keyOffset, keyLength);
            lastKeyLength = keyLength;
            newerSequence = Long.MAX_VALUE;
        }
        final boolean needed = newerSequence == Long.MAX_VALUE || snapshotIn(sequence, newerSequence - 1);
        newerSequence = sequence;
        if (!needed) {
            return DROP;
        }
        final int kind = Trailer.kindCode(trailer);
        final boolean expired = kind == EntryKind.PUT_TTL.code() && valueLength >= WalRecordBuilder.EXPIRY_LENGTH
            && value.getLong(valueOffset, ByteOrder.LITTLE_ENDIAN) <= now;
        if (kind == EntryKind.DELETE.code() || expired) {
            if (bottommost && (snapshots.length == 0 || snapshots[0] >= sequence)) {
                return DROP;
            }
            return expired ? KEEP_AS_TOMBSTONE : KEEP;
        }
        return KEEP;
    }

    /** @return whether a live snapshot lies in {@code [lo, hi]} */
    private boolean snapshotIn(final long lo, final long hi) {
        int i = Arrays.binarySearch(snapshots, lo);
        if (i < 0) {
            i = -i - 1;
        }
        return i < snapshots.length && snapshots[i] <= hi;
    }
}
