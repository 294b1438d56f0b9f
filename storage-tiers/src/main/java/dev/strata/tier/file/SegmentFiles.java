package dev.strata.tier.file;

import static dev.strata.tier.file.SegmentFileDescriptor.HEADER_CRC_OFFSET;
import static dev.strata.tier.file.SegmentFileDescriptor.HEADER_LENGTH;
import static dev.strata.tier.file.SegmentFileDescriptor.SEGMENT_ID_OFFSET;
import static dev.strata.tier.file.SegmentFileDescriptor.SLOT_LENGTH_OFFSET;
import static dev.strata.tier.file.SegmentFileDescriptor.SLOT_SEQUENCE_OFFSET;
import static dev.strata.tier.file.SegmentFileDescriptor.TRAILER_LENGTH;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import dev.strata.tier.TierIOException;
import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.Crcs;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;

/** Validates segment files on open and tells where their data is (cold path: allocates). */
final class SegmentFiles {
    private SegmentFiles() {
    }

    /**
     * Where a segment file's data is.
     *
     * @param dataOffset file offset of the data (by format version, see {@link SegmentFileDescriptor})
     * @param length     data bytes: the sealed length, or the durable length of an unsealed file
     */
    record Span(long dataOffset, long length) {
    }

    /** @return the segment id named by a file name with {@code suffix}, or {@code null} if it is not one */
    static Long parseId(final String fileName, final String suffix) {
        if (fileName.length() != 16 + suffix.length() || !fileName.endsWith(suffix)) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(fileName.substring(0, 16), 16);
        } catch (final NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads and checks the header of an unsealed segment.
     *
     * @return its data offset and durable length: the synced length of the newest valid sync slot
     */
    static Span durable(final IoChannel ch, final Path path, final long segmentId) throws IOException {
        final CRC32C crc = new CRC32C();
        final long size = ch.size();
        if (size < HEADER_LENGTH) {
            throw corrupt(path, size, "a header of " + HEADER_LENGTH + " bytes, the file has " + size);
        }
        try (AlignedBuffer buf = new AlignedBuffer(HEADER_LENGTH, 4096)) {
            final ByteBuffer bb = buf.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            IoChannels.readFully(ch, bb, 0);
            final long base = checkHeader(bb, path, segmentId, crc);
            int newest = -1;
            for (int slot = 0; slot < 2; slot++) {
                final int at = SegmentFileDescriptor.slotOffset(slot);
                if (SegmentFileDescriptor.slotValid(bb, at, crc)
                    && (newest < 0 || bb.getLong(at + SLOT_SEQUENCE_OFFSET) > bb.getLong(newest + SLOT_SEQUENCE_OFFSET))) {
                    newest = at;
                }
            }
            if (newest < 0) {
                throw corrupt(path, SegmentFileDescriptor.SYNC_SLOT_0_OFFSET, "a valid sync slot (both CRCs fail)");
            }
            final long sequence = bb.getLong(newest + SLOT_SEQUENCE_OFFSET);
            final long length = bb.getLong(newest + SLOT_LENGTH_OFFSET);
            if (sequence == 0) {
                return checkFits(path, base, length, size);
            }
            // the newest slot's sync may have been cut mid-force: trust it only if the bytes it vouches for arrived
            final int other = SegmentFileDescriptor.slotOffset(sequence - 1);
            if (!SegmentFileDescriptor.slotValid(bb, other, crc) || bb.getLong(other + SLOT_SEQUENCE_OFFSET) != sequence - 1) {
                // the other slot is the one a later, interrupted sync was rewriting: so this slot's sync had completed
                return checkFits(path, base, length, size);
            }
            final long previous = bb.getLong(other + SLOT_LENGTH_OFFSET);
            if (previous > length || (previous > 0 && base + previous > size)) {
                throw corrupt(path, other, "sync slot lengths that grow and fit the file (" + previous + ", " + length + ")");
            }
            if (base + length <= size
                && dataCrc(ch, base, previous, length) == bb.getInt(newest + SegmentFileDescriptor.SLOT_DATA_CRC_OFFSET)) {
                return new Span(base, length);
            }
            return new Span(base, previous);
        }
    }

    private static Span checkFits(final Path path, final long base, final long length, final long size) {
        if (length > 0 && base + length > size) {
            // (an empty segment's file may end before the data offset: nothing past the header was written)
            throw corrupt(path, size, "synced data up to offset " + (base + length) + ", the file ends first");
        }
        return new Span(base, length);
    }

    /** @return CRC32C of the data bytes {@code [from, to)} (recovery only: reads through a heap buffer) */
    private static int dataCrc(final IoChannel ch, final long base, final long from, final long to) throws IOException {
        final CRC32C crc = new CRC32C();
        final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        for (long at = from; at < to; ) {
            chunk.clear().limit((int)Math.min(chunk.capacity(), to - at));
            IoChannels.readFully(ch, chunk, base + at);
            chunk.flip();
            crc.update(chunk);
            at += chunk.limit();
        }
        return (int)crc.getValue();
    }

    /**
     * Reads and checks the header and trailer of a sealed segment.
     *
     * @return its data offset and data length
     */
    static Span sealed(final IoChannel ch, final Path path, final long segmentId) throws IOException {
        final CRC32C crc = new CRC32C();
        final long size = ch.size();
        if (size < HEADER_LENGTH + TRAILER_LENGTH) {
            throw corrupt(path, size, "at least " + (HEADER_LENGTH + TRAILER_LENGTH) + " bytes (header and trailer), found " + size);
        }
        try (AlignedBuffer buf = new AlignedBuffer(HEADER_LENGTH, 4096)) {
            final ByteBuffer bb = buf.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            IoChannels.readFully(ch, bb, 0);
            final long base = checkHeader(bb, path, segmentId, crc);
            if (size < base + TRAILER_LENGTH) {
                throw corrupt(path, size, "at least " + (base + TRAILER_LENGTH) + " bytes (header, data offset and trailer), found " + size);
            }
            bb.clear().limit(TRAILER_LENGTH);
            final long at = size - TRAILER_LENGTH;
            IoChannels.readFully(ch, bb, at);
            if (bb.getLong(0) != SegmentFileDescriptor.TRAILER_MAGIC
                || bb.getInt(SegmentFileDescriptor.TRAILER_CRC_OFFSET) != Crcs.crc(crc, bb, 0, SegmentFileDescriptor.TRAILER_CRC_OFFSET)) {
                throw corrupt(path, at, "a trailer with magic STRTEND1 and a valid CRC32C");
            }
            final long length = bb.getLong(SegmentFileDescriptor.TRAILER_DATA_LENGTH_OFFSET);
            if (length != at - base || bb.getLong(SegmentFileDescriptor.TRAILER_SEGMENT_ID_OFFSET) != segmentId) {
                throw corrupt(path, at, "data length " + (at - base) + " and segment id " + segmentId + " in the trailer");
            }
            return new Span(base, length);
        }
    }

    /** @return the data offset the header gives (checked against its format version) */
    private static long checkHeader(final ByteBuffer bb, final Path path, final long segmentId, final CRC32C crc) {
        if (bb.getLong(SegmentFileDescriptor.MAGIC_OFFSET) != SegmentFileDescriptor.MAGIC) {
            throw corrupt(path, 0, "magic STRTSEG1 (not a Strata segment file)");
        }
        if (bb.getInt(HEADER_CRC_OFFSET) != Crcs.crc(crc, bb, 0, HEADER_CRC_OFFSET)) {
            throw corrupt(path, HEADER_CRC_OFFSET, "a valid header CRC32C");
        }
        final int version = bb.getInt(SegmentFileDescriptor.VERSION_OFFSET);
        final long base = SegmentFileDescriptor.dataOffset(version);
        if (base < 0) {
            throw corrupt(path, SegmentFileDescriptor.VERSION_OFFSET, "format version " + SegmentFileDescriptor.OLDEST_READABLE_VERSION
                + " to " + SegmentFileDescriptor.VERSION + ", found " + version + " (a newer Strata wrote it? open it with that version)");
        }
        if (bb.getInt(SegmentFileDescriptor.DATA_OFFSET_OFFSET) != base) {
            throw corrupt(path, SegmentFileDescriptor.DATA_OFFSET_OFFSET, "data offset " + base + " for format version " + version
                + ", found " + bb.getInt(SegmentFileDescriptor.DATA_OFFSET_OFFSET));
        }
        if (bb.getLong(SEGMENT_ID_OFFSET) != segmentId) {
            throw corrupt(path, SEGMENT_ID_OFFSET, "segment id " + segmentId + ", found " + bb.getLong(SEGMENT_ID_OFFSET));
        }
        return base;
    }

    static TierIOException corrupt(final Path path, final long offset, final String expected) {
        return new TierIOException("corrupt segment file " + path + " at offset " + offset + ": expected " + expected
            + "; restore it from a replica or backup, or delete the segment");
    }
}
