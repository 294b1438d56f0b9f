package dev.strata.engine.store;

import static dev.strata.engine.store.ManifestDescriptor.ORDER;

import dev.strata.CorruptionException;
import dev.strata.NamespaceConfig;
import dev.strata.compression.CodecType;
import dev.strata.compression.Crc32cChecksum;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import java.nio.charset.StandardCharsets;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Encodes, writes, reads and decodes manifests ({@link ManifestDescriptor}). Not on the hot path: allocates freely. */
final class Manifests {
    private Manifests() {
    }

    static byte[] encode(final ManifestData m) {
        final ExpandableArrayBuffer b = new ExpandableArrayBuffer(4096);
        int p = ManifestDescriptor.HEADER_LENGTH;
        b.putLong(p, m.lastSequence, ORDER);
        b.putLong(p + 8, m.nextSegmentId, ORDER);
        b.putLong(p + 16, m.logNumber, ORDER);
        b.putInt(p + 24, m.namespaces.size(), ORDER);
        p += 28;
        for (int id = 0; id < m.namespaces.size(); id++) {
            final NamespaceConfig ns = m.namespaces.get(id);
            final byte[] name = ns.name().getBytes(StandardCharsets.UTF_8);
            b.putShort(p, (short)id, ORDER);
            b.putShort(p + 2, (short)name.length, ORDER);
            b.putBytes(p + 4, name);
            p += 4 + name.length;
            b.putByte(p, (byte)ns.codec().id());
            b.putInt(p + 1, ns.codecLevel(), ORDER);
            b.putByte(p + 5, (byte)ns.lastLevelCodec().id());
            b.putInt(p + 6, ns.lastLevelCodecLevel(), ORDER);
            b.putLong(p + 10, ns.defaultTtlMillis(), ORDER);
            b.putDouble(p + 18, ns.cacheShare(), ORDER);
            p += 26;
        }
        b.putInt(p, m.files.size(), ORDER);
        p += 4;
        for (ManifestData.FileEntry f : m.files) {
            b.putShort(p, (short)f.namespace(), ORDER);
            b.putByte(p + 2, (byte)f.level());
            b.putByte(p + 3, (byte)0);
            b.putLong(p + 4, f.segmentId(), ORDER);
            b.putLong(p + 12, f.size(), ORDER);
            b.putLong(p + 20, f.entries(), ORDER);
            b.putLong(p + 28, f.smallestSequence(), ORDER);
            b.putLong(p + 36, f.largestSequence(), ORDER);
            p += 44;
            p = putKey(b, p, f.smallest());
            p = putKey(b, p, f.largest());
        }
        b.putLong(ManifestDescriptor.MAGIC_OFFSET, ManifestDescriptor.MAGIC, ORDER);
        b.putInt(ManifestDescriptor.VERSION_OFFSET, ManifestDescriptor.VERSION, ORDER);
        b.putInt(ManifestDescriptor.BODY_LENGTH_OFFSET, p - ManifestDescriptor.HEADER_LENGTH, ORDER);
        b.putInt(p, new Crc32cChecksum().compute(b, 0, p), ORDER);
        final byte[] out = new byte[p + ManifestDescriptor.CHECKSUM_LENGTH];
        b.getBytes(0, out);
        return out;
    }

    private static int putKey(final ExpandableArrayBuffer b, final int p, final byte[] key) {
        b.putInt(p, key.length, ORDER);
        b.putBytes(p + 4, key);
        return p + 4 + key.length;
    }

    static ManifestData decode(final byte[] bytes, final String name) {
        final UnsafeBuffer b = new UnsafeBuffer(bytes);
        if (bytes.length < ManifestDescriptor.HEADER_LENGTH + ManifestDescriptor.CHECKSUM_LENGTH
            || b.getLong(ManifestDescriptor.MAGIC_OFFSET, ORDER) != ManifestDescriptor.MAGIC) {
            throw new CorruptionException(name, 0, "a manifest starting with the magic number STRATMAN", null);
        }
        if (b.getInt(ManifestDescriptor.VERSION_OFFSET, ORDER) != ManifestDescriptor.VERSION) {
            throw new CorruptionException(name, ManifestDescriptor.VERSION_OFFSET, "manifest format version " + ManifestDescriptor.VERSION
                + " (this store was written by a newer Strata?)", null);
        }
        final int end = ManifestDescriptor.HEADER_LENGTH + b.getInt(ManifestDescriptor.BODY_LENGTH_OFFSET, ORDER);
        if (end < ManifestDescriptor.HEADER_LENGTH || end + ManifestDescriptor.CHECKSUM_LENGTH != bytes.length
            || b.getInt(end, ORDER) != new Crc32cChecksum().compute(b, 0, end)) {
            throw new CorruptionException(name, end, "a manifest of " + bytes.length + " bytes with a matching CRC32C", null);
        }
        try {
            return decodeBody(b, name);
        } catch (final IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CorruptionException(name, 0, "a well-formed manifest body (checksum matched, so this is a writer bug)", e);
        }
    }

    private static ManifestData decodeBody(final UnsafeBuffer b, final String name) {
        final ManifestData m = new ManifestData();
        int p = ManifestDescriptor.HEADER_LENGTH;
        m.lastSequence = b.getLong(p, ORDER);
        m.nextSegmentId = b.getLong(p + 8, ORDER);
        m.logNumber = b.getLong(p + 16, ORDER);
        final int namespaces = b.getInt(p + 24, ORDER);
        p += 28;
        for (int i = 0; i < namespaces; i++) {
            final int id = b.getShort(p, ORDER) & 0xFFFF;
            final int nameLength = b.getShort(p + 2, ORDER) & 0xFFFF;
            final byte[] nsName = new byte[nameLength];
            b.getBytes(p + 4, nsName);
            p += 4 + nameLength;
            if (id != i) {
                throw new CorruptionException(name, p, "namespace ids in order, found " + id + " at position " + i, null);
            }
            m.namespaces.add(NamespaceConfig.builder(new String(nsName, StandardCharsets.UTF_8))
                .codec(CodecType.fromId(b.getByte(p) & 0xFF), b.getInt(p + 1, ORDER))
                .lastLevelCodec(CodecType.fromId(b.getByte(p + 5) & 0xFF), b.getInt(p + 6, ORDER))
                .defaultTtlMillis(b.getLong(p + 10, ORDER))
                .cacheShare(b.getDouble(p + 18, ORDER))
                .build());
            p += 26;
        }
        final int files = b.getInt(p, ORDER);
        p += 4;
        for (int i = 0; i < files; i++) {
            final int ns = b.getShort(p, ORDER) & 0xFFFF;
            final int level = b.getByte(p + 2) & 0xFF;
            final long id = b.getLong(p + 4, ORDER);
            final long size = b.getLong(p + 12, ORDER);
            final long entries = b.getLong(p + 20, ORDER);
            final long smallSeq = b.getLong(p + 28, ORDER);
            final long largeSeq = b.getLong(p + 36, ORDER);
            p += 44;
            final byte[] smallest = new byte[b.getInt(p, ORDER)];
            b.getBytes(p + 4, smallest);
            p += 4 + smallest.length;
            final byte[] largest = new byte[b.getInt(p, ORDER)];
            b.getBytes(p + 4, largest);
            p += 4 + largest.length;
            m.files.add(new ManifestData.FileEntry(ns, level, id, size, entries, smallSeq, largeSeq, smallest, largest));
        }
        return m;
    }

    /** Writes the manifest as segment {@code segmentId}, then points the metadata slot at it. */
    static void write(final Tier tier, final long segmentId, final ManifestData m) {
        final byte[] bytes = encode(m);
        try (SegmentWriter w = tier.create(segmentId)) {
            w.append(new UnsafeBuffer(bytes), 0, bytes.length);
            w.seal();
        }
        final UnsafeBuffer ptr = new UnsafeBuffer(new byte[ManifestDescriptor.POINTER_LENGTH]);
        ptr.putLong(ManifestDescriptor.MAGIC_OFFSET, ManifestDescriptor.POINTER_MAGIC, ORDER);
        ptr.putInt(ManifestDescriptor.VERSION_OFFSET, ManifestDescriptor.VERSION, ORDER);
        ptr.putLong(ManifestDescriptor.POINTER_SEGMENT_OFFSET, segmentId, ORDER);
        ptr.putLong(ManifestDescriptor.POINTER_LENGTH_OFFSET, bytes.length, ORDER);
        ptr.putInt(ManifestDescriptor.POINTER_CHECKSUM_OFFSET, new Crc32cChecksum().compute(ptr, 0, ManifestDescriptor.POINTER_CHECKSUM_OFFSET), ORDER);
        tier.writeMetadata(ptr, 0, ptr.capacity());
    }

    /** @return the id of the manifest segment the metadata slot points at, or -1 if the slot is empty */
    static long pointer(final Tier tier) {
        final byte[] slot = tier.readMetadata();
        if (slot == null) {
            return -1;
        }
        final String name = "metadata slot (" + tier.location() + ")";
        final UnsafeBuffer ptr = new UnsafeBuffer(slot);
        if (slot.length != ManifestDescriptor.POINTER_LENGTH || ptr.getLong(0, ORDER) != ManifestDescriptor.POINTER_MAGIC
            || ptr.getInt(ManifestDescriptor.POINTER_CHECKSUM_OFFSET, ORDER)
            != new Crc32cChecksum().compute(ptr, 0, ManifestDescriptor.POINTER_CHECKSUM_OFFSET)) {
            throw new CorruptionException(name, 0, "a " + ManifestDescriptor.POINTER_LENGTH + "-byte manifest pointer with magic STRATPTR and a matching CRC32C", null);
        }
        return ptr.getLong(ManifestDescriptor.POINTER_SEGMENT_OFFSET, ORDER);
    }

    /** @return the manifest length the metadata slot records (call after {@link #pointer} succeeded) */
    static long pointedLength(final Tier tier) {
        return new UnsafeBuffer(tier.readMetadata()).getLong(ManifestDescriptor.POINTER_LENGTH_OFFSET, ORDER);
    }

    /** Reads and verifies manifest segment {@code segmentId}. */
    static ManifestData read(final Tier tier, final long segmentId) {
        final String name = "manifest segment " + segmentId + " (" + tier.location() + ")";
        try (SegmentReader r = tier.open(segmentId)) {
            if (r.length() > Integer.MAX_VALUE - 8) {
                throw new CorruptionException(name, 0, "a manifest under 2 GiB", null);
            }
            final long expected = pointedLength(tier);
            if (r.length() != expected) {
                throw new CorruptionException(name, r.length(), "a manifest of " + expected + " bytes, as the metadata slot records", null);
            }
            final byte[] bytes = new byte[(int)r.length()];
            final int n = r.read(0, new UnsafeBuffer(bytes), 0, bytes.length);
            if (n != bytes.length) {
                throw new CorruptionException(name, n, bytes.length + " bytes", null);
            }
            return decode(bytes, name);
        }
    }
}
