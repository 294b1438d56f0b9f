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

/** Validates segment files on open and tells their lengths (cold path: allocates). */
final class SegmentFiles {
    private SegmentFiles() {
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
     * @return its durable length: the synced length of the newest valid sync slot
     */
    static long durableLength(final IoChannel ch, final Path path, final long segmentId) throws IOException {
        final CRC32C crc = new CRC32C();
        final long size = ch.size();
        if (size < HEADER_LENGTH) {
            throw corrupt(path, size, "a header of " + HEADER_LENGTH + " bytes, the file has " + size);
        }
        try (AlignedBuffer buf = new AlignedBuffer(HEADER_LENGTH, 4096)) {
            final ByteBuffer bb = buf.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            IoChannels.readFully(ch, bb, 0);
            checkHeader(bb, path, segmentId, crc);
            long best = -1;
            long length = 0;
            for (int slot = 0; slot < 2; slot++) {
                final int at = SegmentFileDescriptor.slotOffset(slot);
                final long seq = bb.getLong(at + SLOT_SEQUENCE_OFFSET);
                if (SegmentFileDescriptor.slotValid(bb, at, crc) && seq > best) {
                    best = seq;
                    length = bb.getLong(at + SLOT_LENGTH_OFFSET);
                }
            }
            if (best < 0) {
                throw corrupt(path, SegmentFileDescriptor.SYNC_SLOT_0_OFFSET, "a valid sync slot (both CRCs fail)");
            }
            if (HEADER_LENGTH + length > size) {
                throw corrupt(path, size, "synced data up to offset " + (HEADER_LENGTH + length) + ", the file ends first");
            }
            return length;
        }
    }

    /**
     * Reads and checks the header and trailer of a sealed segment.
     *
     * @return its data length
     */
    static long sealedLength(final IoChannel ch, final Path path, final long segmentId) throws IOException {
        final CRC32C crc = new CRC32C();
        final long size = ch.size();
        if (size < HEADER_LENGTH + TRAILER_LENGTH) {
            throw corrupt(path, size, "at least " + (HEADER_LENGTH + TRAILER_LENGTH) + " bytes (header and trailer), found " + size);
        }
        try (AlignedBuffer buf = new AlignedBuffer(HEADER_LENGTH, 4096)) {
            final ByteBuffer bb = buf.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            IoChannels.readFully(ch, bb, 0);
            checkHeader(bb, path, segmentId, crc);
            bb.clear().limit(TRAILER_LENGTH);
            final long at = size - TRAILER_LENGTH;
            IoChannels.readFully(ch, bb, at);
            if (bb.getLong(0) != SegmentFileDescriptor.TRAILER_MAGIC
                || bb.getInt(SegmentFileDescriptor.TRAILER_CRC_OFFSET) != Crcs.crc(crc, bb, 0, SegmentFileDescriptor.TRAILER_CRC_OFFSET)) {
                throw corrupt(path, at, "a trailer with magic STRTEND1 and a valid CRC32C");
            }
            final long length = bb.getLong(SegmentFileDescriptor.TRAILER_DATA_LENGTH_OFFSET);
            if (length != at - HEADER_LENGTH || bb.getLong(SegmentFileDescriptor.TRAILER_SEGMENT_ID_OFFSET) != segmentId) {
                throw corrupt(path, at, "data length " + (at - HEADER_LENGTH) + " and segment id " + segmentId + " in the trailer");
            }
            return length;
        }
    }

    private static void checkHeader(final ByteBuffer bb, final Path path, final long segmentId, final CRC32C crc) {
        if (bb.getLong(SegmentFileDescriptor.MAGIC_OFFSET) != SegmentFileDescriptor.MAGIC) {
            throw corrupt(path, 0, "magic STRTSEG1 (not a Strata segment file)");
        }
        final int version = bb.getInt(SegmentFileDescriptor.VERSION_OFFSET);
        if (version != SegmentFileDescriptor.VERSION) {
            throw corrupt(path, SegmentFileDescriptor.VERSION_OFFSET, "format version " + SegmentFileDescriptor.VERSION + ", found " + version);
        }
        if (bb.getInt(HEADER_CRC_OFFSET) != Crcs.crc(crc, bb, 0, HEADER_CRC_OFFSET)) {
            throw corrupt(path, HEADER_CRC_OFFSET, "a valid header CRC32C");
        }
        if (bb.getLong(SEGMENT_ID_OFFSET) != segmentId) {
            throw corrupt(path, SEGMENT_ID_OFFSET, "segment id " + segmentId + ", found " + bb.getLong(SEGMENT_ID_OFFSET));
        }
    }

    static TierIOException corrupt(final Path path, final long offset, final String expected) {
        return new TierIOException("corrupt segment file " + path + " at offset " + offset + ": expected " + expected
            + "; restore it from a replica or backup, or delete the segment");
    }
}
