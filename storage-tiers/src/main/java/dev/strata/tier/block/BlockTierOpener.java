package dev.strata.tier.block;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.TreeMap;

import dev.strata.tier.TierOpenException;
import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.FileIo;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;
import dev.strata.tier.io.OpenMode;

/**
 * Opens a block tier step by step, so that each failure names its cause: create the file if
 * asked, read the block size, probe O_DIRECT, check the size, load or format the superblock,
 * rebuild the allocator, find the metadata slot. Nothing is written to a device that is not blank
 * or not a Strata block tier.
 */
final class BlockTierOpener {
    private BlockTierOpener() {
    }

    static BlockTier open(final BlockTierOptions options) {
        final FileIo io = options.fileIo();
        final Path path = options.path();
        if (!io.exists(path)) {
            create(options, io, path);
        } else if (io.isDirectory(path)) {
            throw new TierOpenException("block tier location " + path + " is a directory; give a file or a block device");
        }
        final int blockSize = blockSize(io, path);
        final boolean[] direct = new boolean[1];
        final IoChannel ch = openChannel(options, io, path, blockSize, direct);
        try {
            return load(options, ch, blockSize, direct[0]);
        } catch (final RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static BlockTier load(final BlockTierOptions options, final IoChannel ch, final int blockSize, final boolean direct) {
        final Path path = options.path();
        final BlockLayout layout;
        try {
            final long size = ch.size();
            layout = BlockLayout.of(options, blockSize, size / blockSize);
            if (size < layout.minimumDeviceBytes()) {
                throw new TierOpenException("block tier device " + path + " is too small: " + size + " bytes, it needs at least "
                    + layout.minimumDeviceBytes() + " (2 superblocks of " + layout.superblockBytes() + ", 2 metadata slots of "
                    + layout.metadataBytes() + " and " + BlockLayout.MIN_DATA_BLOCKS + " data blocks of " + blockSize
                    + "); use a larger file or device, or smaller tableBytes/metadataBytes");
            }
        } catch (final IOException e) {
            throw new TierOpenException("cannot read the size of block tier device " + path + ": " + e, e);
        }
        final SuperblockStore superblocks = new SuperblockStore(layout, ch);
        try {
            TreeMap<Long, SegmentEntry> table = superblocks.load();
            if (table == null) {
                final String mismatch = superblocks.describeMismatch();
                if (mismatch != null) {
                    throw new TierOpenException("cannot open block tier " + path + ": " + mismatch + "; nothing was changed");
                }
                if (!superblocks.blank(0) || !superblocks.blank(1)) {
                    throw new TierOpenException(path + " is not a Strata block tier: neither superblock copy is valid (or it was "
                        + "formatted with other tableBytes/metadataBytes, or another block size); nothing was changed. Open it with "
                        + "the options it was formatted with, or zero its first " + 2L * layout.superblockBytes() + " bytes to reuse it");
                }
                table = new TreeMap<>();
                superblocks.commit(table.values().toArray(new SegmentEntry[0]), table.size(), -1, 0);
            }
            final ExtentAllocator allocator = new ExtentAllocator(layout.firstDataBlock(), layout.deviceBlocks,
                BlockLayout.extentAlignmentBlocks(options, blockSize));
            for (SegmentEntry e : table.values()) {
                for (int i = 0; i < e.extentCount(); i++) {
                    final long start = e.extentStart(i);
                    final long blocks = e.extentBlocks(i);
                    if (start < layout.firstDataBlock() || start + blocks > layout.deviceBlocks) {
                        throw new TierOpenException("segment " + e.segmentId + " in " + path + " lists blocks [" + start + ", "
                            + (start + blocks) + ") outside the data area [" + layout.firstDataBlock() + ", " + layout.deviceBlocks
                            + "): the device shrank or the table is corrupt");
                    }
                    try {
                        allocator.reserve(start, blocks);
                    } catch (final IllegalStateException ex) {
                        throw new TierOpenException("corrupt segment table in " + path + ": " + ex.getMessage(), ex);
                    }
                }
            }
            final BlockMetadataSlot metadata = new BlockMetadataSlot(layout, ch);
            metadata.load();
            return new BlockTier(options, layout, ch, direct, superblocks, metadata, allocator, table);
        } catch (final IOException e) {
            superblocks.close();
            throw new TierOpenException("cannot read the superblocks of " + path + ": " + e, e);
        } catch (final RuntimeException e) {
            superblocks.close();
            throw e;
        }
    }

    private static void create(final BlockTierOptions options, final FileIo io, final Path path) {
        if (options.createSize() == 0) {
            throw new TierOpenException("block tier device " + path + " does not exist; set createSize(bytes) to create a "
                + "preallocated file there, or give an existing file or block device");
        }
        final Path parent = path.toAbsolutePath().getParent();
        try {
            final int blockSize = blockSize(io, parent);
            final long blocks = options.createSize() / blockSize;
            if (blocks == 0) {
                throw new TierOpenException("createSize " + options.createSize() + " is smaller than one block of " + blockSize + " bytes");
            }
            // Created under a temporary name and renamed: a crash mid-creation leaves no short file at path.
            final Path temp = path.resolveSibling(path.getFileName() + ".creating");
            io.deleteIfExists(temp);
            try (IoChannel ch = io.open(temp, OpenMode.CREATE_NEW, false);
                 AlignedBuffer zero = new AlignedBuffer(blockSize, blockSize)) {
                IoChannels.writeFully(ch, zero.byteBuffer(), (blocks - 1) * blockSize);
                ch.force(true);
            }
            io.atomicMove(temp, path);
            io.syncDirectory(parent);
        } catch (final IOException | SecurityException e) {
            throw new TierOpenException("cannot create block tier file " + path + " (" + e
                + "); check that its directory exists and is writable, and that there is room for " + options.createSize() + " bytes", e);
        }
    }

    private static int blockSize(final FileIo io, final Path path) {
        final long size;
        try {
            size = io.blockSize(path);
        } catch (final IOException e) {
            throw new TierOpenException("cannot read the block size of the file system of " + path + ": " + e, e);
        }
        if (Long.bitCount(size) != 1 || size < 512 || size > (1 << 20)) {
            throw new TierOpenException("the file system of " + path + " reports block size " + size
                + "; a block tier needs a power of two between 512 and 1048576");
        }
        return (int) size;
    }

    private static IoChannel openChannel(final BlockTierOptions options, final FileIo io, final Path path, final int blockSize,
                                         final boolean[] direct) {
        if (options.ioMode() != IoMode.BUFFERED) {
            IoChannel ch = null;
            try {
                ch = io.open(path, OpenMode.READ_WRITE, true);
                probe(ch, blockSize);
                direct[0] = true;
                return ch;
            } catch (final IOException | UnsupportedOperationException | IllegalArgumentException e) {
                closeQuietly(ch);
                if (options.ioMode() == IoMode.DIRECT) {
                    throw new TierOpenException("O_DIRECT is not available for " + path + " (" + e
                        + "); use IoMode.AUTO or BUFFERED, or a file system that supports direct I/O", e);
                }
            }
        }
        try {
            return io.open(path, OpenMode.READ_WRITE, false);
        } catch (final IOException | SecurityException e) {
            throw new TierOpenException("cannot open block tier device " + path + " for reading and writing (" + e
                + "); check that it exists and is writable", e);
        }
    }

    /** One aligned read of the first block: the file system may accept O_DIRECT at open and refuse it at the first I/O. */
    private static void probe(final IoChannel ch, final int blockSize) throws IOException {
        try (AlignedBuffer buf = new AlignedBuffer(blockSize, blockSize)) {
            final ByteBuffer bb = buf.byteBuffer();
            IoChannels.readFully(ch, bb, 0);
        }
    }

    private static void closeQuietly(final IoChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (final IOException e) {
                // already failing
            }
        }
    }
}
