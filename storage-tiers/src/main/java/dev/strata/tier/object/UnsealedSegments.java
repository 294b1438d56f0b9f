package dev.strata.tier.object;

import dev.strata.tier.SegmentNotFoundException;
import dev.strata.tier.TierFullException;
import java.util.List;
import java.util.zip.CRC32C;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Recovery of unsealed segments: reading the concatenation of their part objects, and sealing
 * them into one object. Part objects are immutable and each was put whole, so there is no torn
 * part to repair: a crash loses at most the parts not yet put, which were never reported synced.
 */
final class UnsealedSegments {
    private static final int HEADER = SegmentObjectDescriptor.HEADER_LENGTH;

    private UnsealedSegments() {
    }

    /**
     * @throws SegmentNotFoundException if the segment has no parts
     * @throws IllegalStateException    if it is sealed
     * @throws ObjectCorruptException   if the parts are not numbered 0, 1, 2... or do not join up
     */
    static SegmentObjectReader open(final ObjectTier tier, final long segmentId) {
        final List<ObjectInfo> parts = tier.listParts(segmentId);
        final boolean sealed = tier.store.head(tier.keys.sealed(segmentId)) != null;
        if (sealed) {
            throw new IllegalStateException("segment " + segmentId + " in " + tier.location() + " is sealed; read it with open()");
        }
        if (parts.isEmpty()) {
            throw new SegmentNotFoundException("no segment " + segmentId + " in " + tier.location() + " (never created, or deleted)");
        }
        final ObjectReader[] pieces = new ObjectReader[parts.size()];
        final long[] starts = new long[parts.size()];
        long length = 0;
        try {
            for (int i = 0; i < pieces.length; i++) {
                final String key = parts.get(i).key();
                if (ObjectTierKeys.partOf(key) != i) {
                    throw new ObjectCorruptException(key + ": expected part " + i + " of segment " + segmentId + " (parts are numbered without gaps from 0)");
                }
                pieces[i] = tier.store.openReader(key);
                final UnsafeBuffer h = new UnsafeBuffer(new byte[HEADER]);
                pieces[i].read(0, h, 0, HEADER);
                final long payload = SegmentObjectDescriptor.check(h, key, pieces[i].size(), SegmentObjectDescriptor.KIND_PART, segmentId, i, new CRC32C());
                final long start = h.getLong(SegmentObjectDescriptor.START_OFFSET_OFFSET, SegmentObjectDescriptor.ORDER);
                if (start != length) {
                    throw new ObjectCorruptException(key + " offset " + SegmentObjectDescriptor.START_OFFSET_OFFSET + ": part starts at segment offset " + start
                        + " but the parts before it end at " + length);
                }
                starts[i] = start;
                length += payload;
            }
            return new SegmentObjectReader(tier, segmentId, pieces, starts, length);
        } catch (final RuntimeException e) {
            for (final ObjectReader r : pieces) {
                if (r != null) {
                    r.close();
                }
            }
            throw e;
        }
    }

    /** Writes the sealed object from the parts (checking each part's payload CRC), then deletes the parts. */
    static void seal(final ObjectTier tier, final long segmentId, final long validLength) {
        if (tier.store.head(tier.keys.sealed(segmentId)) != null) {
            finishInterruptedSeal(tier, segmentId, validLength);
            return;
        }
        final OffHeapBuffer buf;
        final int highestPart;
        try (SegmentObjectReader r = open(tier, segmentId)) {
            if (validLength < 0 || validLength > r.length()) {
                throw new IllegalArgumentException("validLength " + validLength + " of segment " + segmentId + " must be between 0 and its durable length " + r.length());
            }
            if (r.length() > ObjectSegmentWriter.MAX_SEGMENT_BYTES) {
                throw new TierFullException("segment " + segmentId + " has " + r.length() + " durable bytes, more than an object tier segment can hold in memory to seal");
            }
            buf = new OffHeapBuffer(HEADER + (int) r.length());
            highestPart = tier.listParts(segmentId).size() - 1;
            try {
                readAndCheckParts(tier, segmentId, r, buf.view());
            } catch (final RuntimeException e) {
                buf.free();
                throw e;
            }
        }
        try {
            SegmentObjectDescriptor.writeHeader(buf.view(), SegmentObjectDescriptor.KIND_SEALED, segmentId, 0, 0, (int) validLength, new CRC32C());
            tier.putObject(tier.keys.sealed(segmentId), buf.view(), HEADER + (int) validLength, PutCondition.NONE);
            tier.deleteParts(segmentId, highestPart);
        } finally {
            buf.free();
        }
    }

    private static void readAndCheckParts(final ObjectTier tier, final long segmentId, final SegmentObjectReader r, final UnsafeBuffer buf) {
        final CRC32C crc = new CRC32C();
        final UnsafeBuffer h = new UnsafeBuffer(new byte[HEADER]);
        for (final ObjectInfo part : tier.listParts(segmentId)) {
            try (ObjectReader pr = tier.store.openReader(part.key())) {
                pr.read(0, h, 0, HEADER);
                final long start = h.getLong(SegmentObjectDescriptor.START_OFFSET_OFFSET, SegmentObjectDescriptor.ORDER);
                final int len = (int) (pr.size() - HEADER);
                if (start + len > r.length()) {
                    throw new ObjectCorruptException(part.key() + ": part appeared or grew while sealing segment " + segmentId + "; is another process writing it?");
                }
                if (pr.read(HEADER, buf, HEADER + (int) start, len) != len) {
                    throw new ObjectCorruptException(part.key() + ": short read of a " + len + "-byte part payload");
                }
                SegmentObjectDescriptor.checkPayload(h, buf, HEADER + (int) start, len, part.key(), crc);
            }
        }
    }

    /** A crash after the sealed PUT and before the parts were deleted: finish the deletion if the lengths agree. */
    private static void finishInterruptedSeal(final ObjectTier tier, final long segmentId, final long validLength) {
        final List<ObjectInfo> parts = tier.listParts(segmentId);
        final long sealedLength = tier.store.head(tier.keys.sealed(segmentId)).size() - HEADER;
        if (parts.isEmpty() || sealedLength != validLength) {
            throw new IllegalStateException("segment " + segmentId + " in " + tier.location() + " is already sealed (" + sealedLength
                + " bytes); sealUnsealed applies to unsealed segments");
        }
        tier.deleteParts(segmentId, ObjectTierKeys.partOf(parts.get(parts.size() - 1).key()));
    }
}
