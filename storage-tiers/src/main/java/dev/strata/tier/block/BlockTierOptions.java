package dev.strata.tier.block;

import java.nio.file.Path;
import java.util.Objects;

import dev.strata.tier.io.FileIo;
import dev.strata.tier.io.RealFileIo;

/**
 * Settings of a {@link BlockTier}: a validating builder that names a bad value at once. The block
 * size is not a setting: it comes from {@code FileStore.getBlockSize()} of the device.
 *
 * <pre>
 *   BlockTier tier = BlockTier.open(BlockTierOptions.builder(file).createSize(1L &lt;&lt; 30).build());
 * </pre>
 */
public final class BlockTierOptions {
    private final Path path;
    private final long createSize;
    private final IoMode ioMode;
    private final FileIo fileIo;
    private final int tableBytes;
    private final int metadataBytes;
    private final long minExtentBytes;
    private final long maxExtentBytes;
    private final int writeBufferBytes;
    private final int readBufferBytes;

    private BlockTierOptions(final Builder b) {
        path = b.path;
        createSize = b.createSize;
        ioMode = b.ioMode;
        fileIo = b.fileIo;
        tableBytes = b.tableBytes;
        metadataBytes = b.metadataBytes;
        minExtentBytes = b.minExtentBytes;
        maxExtentBytes = b.maxExtentBytes;
        writeBufferBytes = b.writeBufferBytes;
        readBufferBytes = b.readBufferBytes;
    }

    /** @param path a preallocated file, a file to create (see {@link Builder#createSize}), or a block device */
    public static Builder builder(final Path path) {
        return new Builder(path);
    }

    public Path path() {
        return path;
    }

    public long createSize() {
        return createSize;
    }

    public IoMode ioMode() {
        return ioMode;
    }

    public FileIo fileIo() {
        return fileIo;
    }

    public int tableBytes() {
        return tableBytes;
    }

    public int metadataBytes() {
        return metadataBytes;
    }

    public long minExtentBytes() {
        return minExtentBytes;
    }

    public long maxExtentBytes() {
        return maxExtentBytes;
    }

    public int writeBufferBytes() {
        return writeBufferBytes;
    }

    public int readBufferBytes() {
        return readBufferBytes;
    }

    /** Builds {@link BlockTierOptions}; each setter validates its value. */
    public static final class Builder {
        private final Path path;
        private long createSize;
        private IoMode ioMode = IoMode.AUTO;
        private FileIo fileIo = RealFileIo.INSTANCE;
        private int tableBytes = 256 << 10;
        private int metadataBytes = 1 << 20;
        private long minExtentBytes = 1 << 20;
        private long maxExtentBytes = 64 << 20;
        private int writeBufferBytes = 64 << 10;
        private int readBufferBytes = 64 << 10;

        private Builder(final Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        /** Size of the file to create if {@code path} does not exist; 0 (default) means it must exist. */
        public Builder createSize(final long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("createSize must be >= 0, got " + bytes);
            }
            this.createSize = bytes;
            return this;
        }

        /** Direct or buffered I/O; default {@link IoMode#AUTO}. */
        public Builder ioMode(final IoMode mode) {
            this.ioMode = Objects.requireNonNull(mode, "ioMode");
            return this;
        }

        /** The I/O seam; default the real file system. */
        public Builder fileIo(final FileIo io) {
            this.fileIo = Objects.requireNonNull(io, "fileIo");
            return this;
        }

        /** Bytes of each superblock copy (header and segment table); 8 KiB to 64 MiB, default 256 KiB. Fixed at format. */
        public Builder tableBytes(final int bytes) {
            this.tableBytes = range("tableBytes", bytes, 8 << 10, 64 << 20);
            return this;
        }

        /** Largest metadata blob; 1 MiB to 256 MiB, default 1 MiB. Fixed at format. */
        public Builder metadataBytes(final int bytes) {
            this.metadataBytes = range("metadataBytes", bytes, 1 << 20, 256 << 20);
            return this;
        }

        /** Smallest extent a segment grows by; 4 KiB to 1 GiB, default 1 MiB. Extents double up to {@link #maxExtentBytes}. */
        public Builder minExtentBytes(final long bytes) {
            this.minExtentBytes = range("minExtentBytes", bytes, 4 << 10, 1 << 30);
            return this;
        }

        /** Largest extent; at least minExtentBytes, at most 16 GiB, default 64 MiB. */
        public Builder maxExtentBytes(final long bytes) {
            this.maxExtentBytes = range("maxExtentBytes", bytes, 4 << 10, 16L << 30);
            return this;
        }

        /** Bytes a writer gathers before writing; a power of two from 4 KiB to 16 MiB, default 64 KiB. */
        public Builder writeBufferBytes(final int bytes) {
            this.writeBufferBytes = powerOfTwo("writeBufferBytes", bytes);
            return this;
        }

        /** Bytes of each read scratch buffer; a power of two from 4 KiB to 16 MiB, default 64 KiB. */
        public Builder readBufferBytes(final int bytes) {
            this.readBufferBytes = powerOfTwo("readBufferBytes", bytes);
            return this;
        }

        public BlockTierOptions build() {
            if (maxExtentBytes < minExtentBytes) {
                throw new IllegalArgumentException("maxExtentBytes (" + maxExtentBytes + ") must be >= minExtentBytes (" + minExtentBytes + ")");
            }
            return new BlockTierOptions(this);
        }

        private static int range(final String name, final int value, final int min, final int max) {
            return (int) range(name, (long) value, min, max);
        }

        private static long range(final String name, final long value, final long min, final long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }

        private static int powerOfTwo(final String name, final int value) {
            if (Integer.bitCount(value) != 1 || value < 4096 || value > (16 << 20)) {
                throw new IllegalArgumentException(name + " must be a power of two between 4096 and 16777216, got " + value);
            }
            return value;
        }
    }
}
