package dev.strata.tier.file;

import static dev.strata.tier.file.MetadataFileDescriptor.BLOB_CRC_OFFSET;
import static dev.strata.tier.file.MetadataFileDescriptor.BLOB_LENGTH_OFFSET;
import static dev.strata.tier.file.MetadataFileDescriptor.HEADER_CRC_OFFSET;
import static dev.strata.tier.file.MetadataFileDescriptor.HEADER_LENGTH;
import static dev.strata.tier.file.MetadataFileDescriptor.MAGIC;
import static dev.strata.tier.file.MetadataFileDescriptor.VERSION;
import static dev.strata.tier.file.MetadataFileDescriptor.VERSION_OFFSET;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;

import dev.strata.tier.TierIOException;
import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.Crcs;
import dev.strata.tier.io.FileIo;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;
import dev.strata.tier.io.OpenMode;

/**
 * The file tier's metadata slot: write a temporary file, force it, rename it over the slot
 * atomically, force the directory. A reader sees the old or the new file, never a mix. Not on the
 * hot path: each call allocates (and frees) one buffer.
 */
final class MetadataFile {
    private final FileIo io;
    private final Path dir;
    private final Path file;
    private final Path temp;
    private final CRC32C crc = new CRC32C();

    MetadataFile(final FileIo io, final Path dir) {
        this.io = io;
        this.dir = dir;
        this.file = dir.resolve(MetadataFileDescriptor.FILE_NAME);
        this.temp = dir.resolve(MetadataFileDescriptor.TEMP_FILE_NAME);
    }

    /** Removes a temporary file left by a crash between create and rename. */
    void cleanUp() throws IOException {
        io.deleteIfExists(temp);
    }

    void write(final DirectBuffer src, final int offset, final int length) throws IOException {
        io.deleteIfExists(temp);
        try (AlignedBuffer buf = new AlignedBuffer(HEADER_LENGTH + length, 8)) {
            final ByteBuffer bb = buf.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            src.getBytes(offset, bb, HEADER_LENGTH, length);
            bb.putLong(MetadataFileDescriptor.MAGIC_OFFSET, MAGIC);
            bb.putInt(VERSION_OFFSET, VERSION);
            bb.putInt(BLOB_LENGTH_OFFSET, length);
            bb.putInt(BLOB_CRC_OFFSET, Crcs.crc(crc, bb, HEADER_LENGTH, length));
            bb.putInt(HEADER_CRC_OFFSET, Crcs.crc(crc, bb, 0, HEADER_CRC_OFFSET));
            bb.clear();
            try (IoChannel ch = io.open(temp, OpenMode.CREATE_NEW, false)) {
                IoChannels.writeFully(ch, bb, 0);
                ch.force(false);
            }
        }
        io.atomicMove(temp, file);
        io.syncDirectory(dir);
    }

    /** @return the blob, or {@code null} if the slot was never written */
    byte[] read() throws IOException {
        if (!io.exists(file)) {
            return null;
        }
        try (IoChannel ch = io.open(file, OpenMode.READ, false)) {
            final long size = ch.size();
            if (size < HEADER_LENGTH || size > HEADER_LENGTH + (long) MetadataFileDescriptor.MAX_BLOB_LENGTH) {
                throw corrupt(0, "a file of " + HEADER_LENGTH + " to " + (HEADER_LENGTH + MetadataFileDescriptor.MAX_BLOB_LENGTH)
                    + " bytes, found " + size);
            }
            try (AlignedBuffer buf = new AlignedBuffer((int) size, 8)) {
                final ByteBuffer bb = buf.byteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                IoChannels.readFully(ch, bb, 0);
                if (bb.getLong(0) != MAGIC) {
                    throw corrupt(0, "magic STRTMET1");
                }
                if (bb.getInt(VERSION_OFFSET) != VERSION) {
                    throw corrupt(VERSION_OFFSET, "format version " + VERSION + ", found " + bb.getInt(VERSION_OFFSET));
                }
                if (bb.getInt(HEADER_CRC_OFFSET) != Crcs.crc(crc, bb, 0, HEADER_CRC_OFFSET)) {
                    throw corrupt(HEADER_CRC_OFFSET, "a valid header CRC32C");
                }
                final int length = bb.getInt(BLOB_LENGTH_OFFSET);
                if (length != size - HEADER_LENGTH) {
                    throw corrupt(BLOB_LENGTH_OFFSET, "blob length " + (size - HEADER_LENGTH) + ", found " + length);
                }
                if (bb.getInt(BLOB_CRC_OFFSET) != Crcs.crc(crc, bb, HEADER_LENGTH, length)) {
                    throw corrupt(HEADER_LENGTH, "blob CRC32C " + bb.getInt(BLOB_CRC_OFFSET));
                }
                final byte[] blob = new byte[length];
                bb.get(HEADER_LENGTH, blob);
                return blob;
            }
        }
    }

    private TierIOException corrupt(final long offset, final String expected) {
        return new TierIOException("corrupt metadata slot " + file + " at offset " + offset + ": expected " + expected
            + "; restore the file from a backup or delete it to start with an empty slot");
    }
}
