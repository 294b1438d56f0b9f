package dev.strata.tier.block;

import static dev.strata.tier.block.MetadataSlotDescriptor.BLOB_CRC_OFFSET;
import static dev.strata.tier.block.MetadataSlotDescriptor.BLOB_LENGTH_OFFSET;
import static dev.strata.tier.block.MetadataSlotDescriptor.GENERATION_OFFSET;
import static dev.strata.tier.block.MetadataSlotDescriptor.HEADER_CRC_OFFSET;
import static dev.strata.tier.block.MetadataSlotDescriptor.HEADER_LENGTH;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;

import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.Crcs;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;

/**
 * The block tier's metadata slot: two copies, written alternately with a rising generation
 * ({@link MetadataSlotDescriptor}). Not on the hot path: each call allocates (and frees) one
 * aligned buffer the size of a copy.
 */
final class BlockMetadataSlot {
    private final BlockLayout layout;
    private final IoChannel channel;
    private final CRC32C crc = new CRC32C();
    private long generation;
    private int currentCopy = -1;

    BlockMetadataSlot(final BlockLayout layout, final IoChannel channel) {
        this.layout = layout;
        this.channel = channel;
    }

    int maxLength() {
        return layout.metadataBytes() - HEADER_LENGTH;
    }

    /** Finds the newest valid copy. */
    void load() throws IOException {
        read(true);
    }

    /** @return the newest valid blob, or {@code null} if none was written */
    byte[] read() throws IOException {
        return read(false);
    }

    void write(final DirectBuffer src, final int offset, final int length) throws IOException {
        final long next = generation + 1;
        final int padded = (int) BlockLayout.ceilDiv(HEADER_LENGTH + (long) length, layout.blockSize) * layout.blockSize;
        try (AlignedBuffer buf = new AlignedBuffer(padded, layout.blockSize)) {
            final ByteBuffer bb = buf.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            src.getBytes(offset, bb, HEADER_LENGTH, length);
            bb.putLong(MetadataSlotDescriptor.MAGIC_OFFSET, MetadataSlotDescriptor.MAGIC);
            bb.putInt(MetadataSlotDescriptor.VERSION_OFFSET, MetadataSlotDescriptor.VERSION);
            bb.putInt(BLOB_LENGTH_OFFSET, length);
            bb.putLong(GENERATION_OFFSET, next);
            bb.putInt(BLOB_CRC_OFFSET, Crcs.crc(crc, bb, HEADER_LENGTH, length));
            bb.putInt(HEADER_CRC_OFFSET, Crcs.crc(crc, bb, 0, HEADER_CRC_OFFSET));
            bb.clear();
            // Never overwrite the copy that holds the current blob.
            final int copy = currentCopy == 0 ? 1 : 0;
            IoChannels.writeFully(channel, bb, layout.metadataOffset(copy));
            channel.force(false);
            generation = next;
            currentCopy = copy;
        }
    }

    private byte[] read(final boolean headersOnly) throws IOException {
        byte[] best = null;
        long bestGeneration = 0;
        int bestCopy = -1;
        try (AlignedBuffer buf = new AlignedBuffer(layout.metadataBytes(), layout.blockSize)) {
            final ByteBuffer bb = buf.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            for (int copy = 0; copy < 2; copy++) {
                bb.clear().limit(layout.blockSize);
                IoChannels.readFully(channel, bb, layout.metadataOffset(copy));
                if (!headerValid(bb)) {
                    continue;
                }
                final int length = bb.getInt(BLOB_LENGTH_OFFSET);
                final long g = bb.getLong(GENERATION_OFFSET);
                if (g <= bestGeneration) {
                    continue;
                }
                final int padded = (int) BlockLayout.ceilDiv(HEADER_LENGTH + (long) length, layout.blockSize) * layout.blockSize;
                bb.clear().limit(padded);
                IoChannels.readFully(channel, bb, layout.metadataOffset(copy));
                if (bb.getInt(BLOB_CRC_OFFSET) != Crcs.crc(crc, bb, HEADER_LENGTH, length)) {
                    continue;
                }
                bestGeneration = g;
                bestCopy = copy;
                best = headersOnly ? null : new byte[length];
                if (best != null) {
                    bb.get(HEADER_LENGTH, best);
                }
            }
        }
        if (headersOnly) {
            generation = bestGeneration;
            currentCopy = bestCopy;
        }
        return best;
    }

    private boolean headerValid(final ByteBuffer bb) {
        if (bb.getLong(MetadataSlotDescriptor.MAGIC_OFFSET) != MetadataSlotDescriptor.MAGIC
            || bb.getInt(MetadataSlotDescriptor.VERSION_OFFSET) != MetadataSlotDescriptor.VERSION
            || bb.getInt(HEADER_CRC_OFFSET) != Crcs.crc(crc, bb, 0, HEADER_CRC_OFFSET)) {
            return false;
        }
        final int length = bb.getInt(BLOB_LENGTH_OFFSET);
        return length >= 0 && length <= maxLength();
    }
}
