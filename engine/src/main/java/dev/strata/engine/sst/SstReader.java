package dev.strata.engine.sst;

import static dev.strata.engine.sst.SegmentFileDescriptor.FOOTER_LENGTH;
import static dev.strata.engine.sst.SegmentFileDescriptor.ORDER;

import dev.strata.CorruptionException;
import dev.strata.compression.CompressionException;
import dev.strata.compression.Crc32cChecksum;
import dev.strata.compression.FrameReader;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.Tier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An open sorted segment: footer, index and bloom filter verified and held in memory; data blocks
 * read from the tier on demand into a caller's {@link SstReadContext}. Immutable after open and
 * safe to share between threads; all mutable scratch lives in the context.
 */
public final class SstReader implements AutoCloseable {
    private final long segmentId;
    private final SegmentReader segment;
    private final UnsafeBuffer index;
    private final int indexLength;
    private final UnsafeBuffer filter;
    private final long entries;
    private final long smallestSequence;
    private final long largestSequence;
    private final int blockCount;

    private SstReader(final long segmentId, final SegmentReader segment, final UnsafeBuffer index, final int indexLength,
        final UnsafeBuffer filter, final UnsafeBuffer footer) {
        this.segmentId = segmentId;
        this.segment = segment;
        this.index = index;
        this.indexLength = indexLength;
        this.filter = filter;
        this.entries = footer.getLong(SegmentFileDescriptor.ENTRY_COUNT, ORDER);
        this.smallestSequence = footer.getLong(SegmentFileDescriptor.SMALLEST_SEQUENCE, ORDER);
        this.largestSequence = footer.getLong(SegmentFileDescriptor.LARGEST_SEQUENCE, ORDER);
        this.blockCount = footer.getInt(SegmentFileDescriptor.BLOCK_COUNT, ORDER);
    }

    /**
     * Opens and verifies a sealed segment.
     *
     * @throws CorruptionException naming the segment and offset if the header, footer, index or filter is corrupt
     */
    public static SstReader open(final Tier tier, final long segmentId) {
        final SegmentReader segment = tier.open(segmentId);
        boolean ok = false;
        try {
            final String name = "segment " + segmentId + " (" + tier.location() + ")";
            final long length = segment.length();
            if (length < SegmentFileDescriptor.HEADER_LENGTH + FOOTER_LENGTH) {
                throw new CorruptionException(name, 0, "a sorted segment of at least " + (SegmentFileDescriptor.HEADER_LENGTH + FOOTER_LENGTH)
                    + " bytes, found " + length, null);
            }
            final UnsafeBuffer header = readFully(segment, name, 0, SegmentFileDescriptor.HEADER_LENGTH);
            if (header.getLong(SegmentFileDescriptor.HEADER_MAGIC_OFFSET, ORDER) != SegmentFileDescriptor.MAGIC
                || header.getInt(SegmentFileDescriptor.HEADER_VERSION_OFFSET, ORDER) != SegmentFileDescriptor.VERSION) {
                throw new CorruptionException(name, 0, "the sorted-segment magic number and version " + SegmentFileDescriptor.VERSION, null);
            }
            final long footerAt = length - FOOTER_LENGTH;
            final UnsafeBuffer footer = readFully(segment, name, footerAt, FOOTER_LENGTH);
            if (footer.getInt(SegmentFileDescriptor.FOOTER_MAGIC_OFFSET, ORDER) != SegmentFileDescriptor.FOOTER_MAGIC
                || footer.getInt(SegmentFileDescriptor.FOOTER_CHECKSUM, ORDER)
                != new Crc32cChecksum().compute(footer, 0, SegmentFileDescriptor.FOOTER_CHECKSUM)) {
                throw new CorruptionException(name, footerAt, "a footer with magic and a matching CRC32C", null);
            }
            if (footer.getInt(SegmentFileDescriptor.FOOTER_VERSION, ORDER) != SegmentFileDescriptor.VERSION) {
                throw new CorruptionException(name, footerAt, "footer version " + SegmentFileDescriptor.VERSION, null);
            }
            try (FrameReader frames = new FrameReader()) {
                final long indexAt = footer.getLong(SegmentFileDescriptor.INDEX_OFFSET, ORDER);
                final UnsafeBuffer index = readFrame(segment, frames, name, indexAt, footer.getInt(SegmentFileDescriptor.INDEX_LENGTH, ORDER), footerAt);
                final long filterAt = footer.getLong(SegmentFileDescriptor.FILTER_OFFSET, ORDER);
                final UnsafeBuffer filter = readFrame(segment, frames, name, filterAt, footer.getInt(SegmentFileDescriptor.FILTER_LENGTH, ORDER), footerAt);
                final SstReader reader = new SstReader(segmentId, segment, index, index.capacity(), filter, footer);
                ok = true;
                return reader;
            }
        } finally {
            if (!ok) {
                segment.close();
            }
        }
    }

    private static UnsafeBuffer readFully(final SegmentReader segment, final String name, final long position, final int length) {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length]);
        final int n = segment.read(position, buffer, 0, length);
        if (n != length) {
            throw new CorruptionException(name, position, length + " bytes, the segment ends after " + n, null);
        }
        return buffer;
    }

    private static UnsafeBuffer readFrame(final SegmentReader segment, final FrameReader frames, final String name,
        final long position, final int frameLength, final long limit) {
        if (position < SegmentFileDescriptor.HEADER_LENGTH || frameLength <= 0 || position + frameLength > limit) {
            throw new CorruptionException(name, position, "a block frame of " + frameLength + " bytes before the footer", null);
        }
        final UnsafeBuffer frame = readFully(segment, name, position, frameLength);
        try {
            frames.verify(frame, 0, frameLength);
            final UnsafeBuffer block = new UnsafeBuffer(new byte[FrameReader.uncompressedLength(frame, 0)]);
            frames.read(frame, 0, frameLength, block, 0, block.capacity());
            return block;
        } catch (final CompressionException e) {
            throw new CorruptionException(name, position, e.getMessage(), e);
        }
    }

    /**
     * Positions {@code ctx}'s block cursor at the first entry ≥ {@code (key, trailer)} in this
     * segment, reading one data block.
     *
     * @return {@code true} if such an entry exists (then {@link SstReadContext#block()} is valid)
     */
    public boolean seek(final SstReadContext ctx, final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer) {
        final DataBlockCursor idx = ctx.indexCursor().wrap(index, 0, indexLength);
        idx.seek(key, keyOffset, keyLength, trailer);
        while (idx.isValid()) {
            final DataBlockCursor block = ctx.load(this, idx);
            block.seek(key, keyOffset, keyLength, trailer);
            if (block.isValid()) {
                return true;
            }
            idx.next();
        }
        return false;
    }

    /** @return {@code false} if the bloom filter proves the user key absent */
    public boolean mightContain(final DirectBuffer key, final int keyOffset, final int keyLength) {
        return BloomFilter.mightContain(filter, 0, BloomFilter.hash(key, keyOffset, keyLength));
    }

    /** @return a view of the index block (shared, read-only) */
    DirectBuffer index() {
        return index;
    }

    int indexLength() {
        return indexLength;
    }

    SegmentReader segment() {
        return segment;
    }

    public long segmentId() {
        return segmentId;
    }

    public long entries() {
        return entries;
    }

    public long smallestSequence() {
        return smallestSequence;
    }

    public long largestSequence() {
        return largestSequence;
    }

    public int blockCount() {
        return blockCount;
    }

    @Override
    public void close() {
        segment.close();
    }

    @Override
    public String toString() {
        return "segment " + segmentId;
    }
}
