package dev.strata.tier.object;

import dev.strata.tier.TierIOException;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The object tier's metadata slot: one object ({@code <prefix>metadata}, header kind 3) replaced
 * whole. All-or-nothing comes from the store's atomic PUT; a reader sees the old blob or the new.
 *
 * <h2>Fencing</h2>
 * Each write is conditional on what this tier last saw: {@code If-Match: <etag>} after a read or
 * write, {@code If-None-Match: *} when the slot was seen absent. If another writer changed the slot
 * meanwhile (two tiers on one prefix), the write fails with {@link TierIOException} instead of
 * silently overwriting its manifest. When the state is unknown (first write after open) the slot is
 * read first. Not on the hot path: this allocates.
 */
final class MetadataSlot {
    static final int MAX_LENGTH = 16 << 20;
    private static final int HEADER = SegmentObjectDescriptor.HEADER_LENGTH;

    private final ObjectTier tier;
    private final String key;
    private final CRC32C crc = new CRC32C();
    private boolean known;
    private String etag;

    MetadataSlot(final ObjectTier tier, final String key) {
        this.tier = tier;
        this.key = key;
    }

    synchronized void write(final DirectBuffer src, final int offset, final int length) {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("metadata length must be between 0 and " + MAX_LENGTH + " bytes, got " + length);
        }
        if (offset < 0 || offset > src.capacity() - length) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length + ") is outside the source of capacity " + src.capacity());
        }
        if (!known) {
            read();
        }
        final UnsafeBuffer blob = new UnsafeBuffer(new byte[HEADER + length]);
        blob.putBytes(HEADER, src, offset, length);
        SegmentObjectDescriptor.writeHeader(blob, SegmentObjectDescriptor.KIND_METADATA, 0, 0, 0, length, crc);
        final PutCondition condition = etag == null ? PutCondition.IF_ABSENT : PutCondition.ifMatch(etag);
        try {
            etag = tier.putObject(key, blob, blob.capacity(), condition);
        } catch (final PreconditionFailedException e) {
            known = false;
            throw new TierIOException("metadata slot '" + key + "' in " + tier.location() + " was changed by another writer since this tier last saw it ("
                + condition + "); only one tier may write a prefix: stop the other writer, then reopen this tier", e);
        }
    }

    /** @return the blob, or {@code null} if the slot was never written */
    synchronized byte[] read() {
        final ObjectInfo info = tier.store.head(key);
        if (info == null) {
            known = true;
            etag = null;
            return null;
        }
        if (info.size() > HEADER + (long) MAX_LENGTH || info.size() < HEADER) {
            throw new ObjectCorruptException(key + ": metadata object is " + info.size() + " bytes; expected " + HEADER + " to " + (HEADER + MAX_LENGTH));
        }
        final UnsafeBuffer blob = new UnsafeBuffer(new byte[(int) info.size()]);
        try (ObjectReader r = tier.store.openReader(key)) {
            final int got = r.read(0, blob, 0, blob.capacity());
            if (got != blob.capacity() || r.size() != info.size()) {
                return read(); // replaced between head and open: read the new version
            }
            final long payload = SegmentObjectDescriptor.check(blob, key, r.size(), SegmentObjectDescriptor.KIND_METADATA, 0, 0, crc);
            SegmentObjectDescriptor.checkPayload(blob, blob, HEADER, (int) payload, key, crc);
            known = true;
            etag = r.etag();
        }
        final byte[] out = new byte[blob.capacity() - HEADER];
        blob.getBytes(HEADER, out);
        return out;
    }

}
