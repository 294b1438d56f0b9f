package dev.strata.engine.store;

import dev.strata.engine.KeyComparator;
import dev.strata.engine.sst.SstReader;
import dev.strata.tier.Tier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A live sorted segment: its manifest entry (namespace, key range, sizes; the level is its place
 * in the {@link Tree}) and its open
 * reader. When the last version holding it goes and it is no longer in the manifest, the reader is
 * closed and the segment deleted.
 */
final class SstFile extends RefCounted {
    final int namespace;
    final long segmentId;
    final long size;
    final long entries;
    final long smallestSequence;
    final long largestSequence;
    final UnsafeBuffer smallest;
    final UnsafeBuffer largest;
    final SstReader reader;
    private final Tier tier;
    /** Set once a manifest without this file is durable: free() then deletes the segment. */
    volatile boolean obsolete;
    /** Chosen as a compaction input (guarded by the store's version lock). */
    boolean compacting;

    SstFile(final int namespace, final long segmentId, final long size, final long entries, final long smallestSequence,
        final long largestSequence, final byte[] smallest, final byte[] largest, final SstReader reader, final Tier tier) {
        this.namespace = namespace;
        this.segmentId = segmentId;
        this.size = size;
        this.entries = entries;
        this.smallestSequence = smallestSequence;
        this.largestSequence = largestSequence;
        this.smallest = new UnsafeBuffer(smallest);
        this.largest = new UnsafeBuffer(largest);
        this.reader = reader;
        this.tier = tier;
    }

    boolean mayContain(final DirectBuffer key, final int offset, final int length) {
        return KeyComparator.compareKeys(key, offset, length, smallest, 0, smallest.capacity()) >= 0
            && KeyComparator.compareKeys(key, offset, length, largest, 0, largest.capacity()) <= 0;
    }

    boolean overlaps(final DirectBuffer lo, final DirectBuffer hi) {
        return KeyComparator.compareKeys(largest, 0, largest.capacity(), lo, 0, lo.capacity()) >= 0
            && KeyComparator.compareKeys(smallest, 0, smallest.capacity(), hi, 0, hi.capacity()) <= 0;
    }

    /**
     * Drops the creator's reference on new segments once a version holds them; if installing them
     * failed, they are marked obsolete first, so the segments go with the last reference.
     */
    static void dropCreatorRefs(final java.util.List<SstFile> created, final boolean installFailed) {
        for (SstFile f : created) {
            if (installFailed) {
                f.obsolete = true;
            }
            f.unref();
        }
    }

    @Override
    void free() {
        try {
            reader.close();
            if (obsolete) {
                tier.delete(segmentId);
            }
        } catch (final RuntimeException e) {
            // the segment stays behind; the next open deletes it as unreferenced
            return;
        }
    }

    @Override
    public String toString() {
        return "segment " + segmentId + " (namespace " + namespace + ", " + size + " bytes)";
    }
}
