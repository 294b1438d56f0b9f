package dev.strata.engine.sst;

import dev.strata.engine.DirectBuffers;

import static dev.strata.engine.sst.SegmentFileDescriptor.ORDER;

import dev.strata.compression.Codec;
import dev.strata.compression.Codecs;
import dev.strata.compression.CodecType;
import dev.strata.compression.FrameWriter;
import dev.strata.compression.Crc32cChecksum;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes one sorted segment ({@link SegmentFileDescriptor}) into a tier: entries arrive in
 * internal-key order; data blocks are cut at {@code blockSize} uncompressed bytes, framed with the
 * codec and appended; {@link #finish()} appends the bloom filter, the index and the footer and
 * seals the segment. Single-threaded (a flush or a compaction). The codec stays the caller's.
 * Close the writer after {@link #finish()} too: it frees its off-heap buffers.
 */
public final class SstWriter implements AutoCloseable {
    private final SegmentWriter out;
    private final int blockSize;
    private final int bitsPerKey;
    private final FrameWriter frames;
    private final FrameWriter plainFrames;
    private final Codec none;
    private final DataBlockBuilder data = new DataBlockBuilder(DataBlockDescriptor.DEFAULT_RESTART_INTERVAL);
    private final DataBlockBuilder index = new DataBlockBuilder(1);
    private final ExpandableDirectByteBuffer frame = new ExpandableDirectByteBuffer(64 * 1024);
    private final UnsafeBuffer indexValue = new UnsafeBuffer(new byte[SegmentFileDescriptor.INDEX_VALUE_LENGTH]);
    private final LongArrayList keyHashes = new LongArrayList();
    private long entries;
    private long smallestSequence = Long.MAX_VALUE;
    private long largestSequence;
    private int blocks;
    private boolean finished;
    private boolean released;

    /**
     * @param codec      compresses data and index blocks
     * @param blockSize  uncompressed bytes per data block (e.g. 4 KiB to 64 KiB)
     * @param bitsPerKey bloom filter bits per key (10 ≈ 1 % false positives), 0 for no filter
     */
    public SstWriter(final Tier tier, final long segmentId, final Codec codec, final int blockSize, final int bitsPerKey) {
        this.blockSize = blockSize;
        this.bitsPerKey = bitsPerKey;
        this.frames = new FrameWriter(codec, true);
        this.none = Codecs.create(CodecType.NONE);
        this.plainFrames = new FrameWriter(none);
        SegmentWriter created = null;
        try {
            created = tier.create(segmentId);
            final UnsafeBuffer header = new UnsafeBuffer(new byte[SegmentFileDescriptor.HEADER_LENGTH]);
            header.putLong(SegmentFileDescriptor.HEADER_MAGIC_OFFSET, SegmentFileDescriptor.MAGIC, ORDER);
            header.putInt(SegmentFileDescriptor.HEADER_VERSION_OFFSET, SegmentFileDescriptor.VERSION, ORDER);
            created.append(header, 0, header.capacity());
        } catch (final RuntimeException e) {
            if (created != null) {
                created.close();
            }
            release();
            throw e;
        }
        this.out = created;
    }

    /** Adds an entry; internal keys must strictly increase. */
    public void add(final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        if (bitsPerKey > 0 && (data.isEmpty() || !sameAsLastKey(key, keyOffset, keyLength))) {
            keyHashes.addLong(BloomFilter.hash(key, keyOffset, keyLength));
        }
        data.add(key, keyOffset, keyLength, trailer, value, valueOffset, valueLength);
        entries++;
        final long sequence = dev.strata.engine.Trailer.sequence(trailer);
        smallestSequence = Math.min(smallestSequence, sequence);
        largestSequence = Math.max(largestSequence, sequence);
        if (data.estimatedLength() >= blockSize) {
            flushDataBlock();
        }
    }

    private boolean sameAsLastKey(final DirectBuffer key, final int keyOffset, final int keyLength) {
        return data.lastKeyLength() == keyLength
            && dev.strata.engine.KeyComparator.compareKeys(data.lastKey(), 0, keyLength, key, keyOffset, keyLength) == 0;
    }

    private void flushDataBlock() {
        final int length = data.finish();
        final long offset = appendFrame(frames, data.buffer(), length);
        indexValue.putLong(0, offset, ORDER);
        indexValue.putInt(8, (int)(out.length() - offset), ORDER);
        index.add(data.lastKey(), 0, data.lastKeyLength(), data.lastTrailer(), indexValue, 0, indexValue.capacity());
        blocks++;
        data.reset();
    }

    private long appendFrame(final FrameWriter writer, final DirectBuffer block, final int length) {
        DirectBuffers.ensureCapacity(frame, writer.maxFrameLength(length));
        final int frameLength = writer.write(block, 0, length, frame, 0, frame.capacity());
        if (frameLength < 0) {
            throw new IllegalStateException("frame buffer sized by maxFrameLength was too small: " + frameLength);
        }
        return out.append(frame, 0, frameLength);
    }

    /** @return entries added so far */
    public long entries() {
        return entries;
    }

    /** @return bytes written so far (an estimate of the final size until {@link #finish()}) */
    public long length() {
        return out.length();
    }

    /**
     * Writes the filter, index and footer, and seals the segment.
     *
     * @return the segment's final length in bytes
     */
    public long finish() {
        if (!data.isEmpty()) {
            flushDataBlock();
        }
        final int bits = BloomFilter.bitsFor(Math.max(1, keyHashes.size()), Math.max(1, bitsPerKey));
        final ExpandableDirectByteBuffer filter = new ExpandableDirectByteBuffer(BloomFilterDescriptor.length(bits));
        BloomFilter.init(filter, 0, bitsPerKey > 0 ? bits : 64, bitsPerKey > 0 ? BloomFilter.probesFor(bitsPerKey) : 0);
        for (int i = 0; i < keyHashes.size(); i++) {
            BloomFilter.add(filter, 0, keyHashes.getLong(i));
        }
        final long filterOffset;
        try {
            filterOffset = appendFrame(plainFrames, filter, BloomFilterDescriptor.length(bitsPerKey > 0 ? bits : 64));
        } finally {
            DirectBuffers.free(filter);
        }
        final int filterLength = (int)(out.length() - filterOffset);
        final int indexLength = index.finish();
        final long indexOffset = appendFrame(frames, index.buffer(), indexLength);
        final int indexFrameLength = (int)(out.length() - indexOffset);

        final UnsafeBuffer footer = new UnsafeBuffer(new byte[SegmentFileDescriptor.FOOTER_LENGTH]);
        footer.putLong(SegmentFileDescriptor.INDEX_OFFSET, indexOffset, ORDER);
        footer.putInt(SegmentFileDescriptor.INDEX_LENGTH, indexFrameLength, ORDER);
        footer.putInt(SegmentFileDescriptor.FILTER_LENGTH, filterLength, ORDER);
        footer.putLong(SegmentFileDescriptor.FILTER_OFFSET, filterOffset, ORDER);
        footer.putLong(SegmentFileDescriptor.ENTRY_COUNT, entries, ORDER);
        footer.putLong(SegmentFileDescriptor.SMALLEST_SEQUENCE, entries == 0 ? 0 : smallestSequence, ORDER);
        footer.putLong(SegmentFileDescriptor.LARGEST_SEQUENCE, largestSequence, ORDER);
        footer.putInt(SegmentFileDescriptor.BLOCK_COUNT, blocks, ORDER);
        footer.putInt(SegmentFileDescriptor.FOOTER_VERSION, SegmentFileDescriptor.VERSION, ORDER);
        footer.putInt(SegmentFileDescriptor.FOOTER_CHECKSUM, new Crc32cChecksum().compute(footer, 0, SegmentFileDescriptor.FOOTER_CHECKSUM), ORDER);
        footer.putInt(SegmentFileDescriptor.FOOTER_MAGIC_OFFSET, SegmentFileDescriptor.FOOTER_MAGIC, ORDER);
        out.append(footer, 0, footer.capacity());
        final long length = out.length();
        out.seal();
        finished = true;
        release();
        return length;
    }

    /** Abandons an unfinished segment (the caller deletes it); after {@link #finish()} only frees what is left. Idempotent. */
    @Override
    public void close() {
        if (!finished) {
            out.close();
        }
        release();
    }

    private void release() {
        if (!released) {
            released = true;
            none.close();
            data.close();
            index.close();
            DirectBuffers.free(frame);
        }
    }
}
