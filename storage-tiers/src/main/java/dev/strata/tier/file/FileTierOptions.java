package dev.strata.tier.file;

import java.nio.file.Path;
import java.util.Objects;

import dev.strata.tier.io.FileIo;
import dev.strata.tier.io.RealFileIo;

/**
 * Settings of a {@link FileTier}: a validating builder that names a bad value at once.
 *
 * <pre>
 *   FileTier tier = FileTier.open(FileTierOptions.builder(dir).readMode(ReadMode.AUTO).build());
 * </pre>
 */
public final class FileTierOptions {
    private final Path directory;
    private final ReadMode readMode;
    private final FileIo fileIo;
    private final boolean createDirectory;
    private final int writeBufferSize;
    private final int readBufferSize;

    private FileTierOptions(final Builder b) {
        directory = b.directory;
        readMode = b.readMode;
        fileIo = b.fileIo;
        createDirectory = b.createDirectory;
        writeBufferSize = b.writeBufferSize;
        readBufferSize = b.readBufferSize;
    }

    /** @param directory where the segment files live */
    public static Builder builder(final Path directory) {
        return new Builder(directory);
    }

    public Path directory() {
        return directory;
    }

    public ReadMode readMode() {
        return readMode;
    }

    public FileIo fileIo() {
        return fileIo;
    }

    public boolean createDirectory() {
        return createDirectory;
    }

    public int writeBufferSize() {
        return writeBufferSize;
    }

    public int readBufferSize() {
        return readBufferSize;
    }

    /** Builds {@link FileTierOptions}; each setter validates its value. */
    public static final class Builder {
        private final Path directory;
        private ReadMode readMode = ReadMode.AUTO;
        private FileIo fileIo = RealFileIo.INSTANCE;
        private boolean createDirectory = true;
        private int writeBufferSize = 64 << 10;
        private int readBufferSize = 64 << 10;

        private Builder(final Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** How sealed segments are read; default {@link ReadMode#AUTO}. */
        public Builder readMode(final ReadMode mode) {
            this.readMode = Objects.requireNonNull(mode, "readMode");
            return this;
        }

        /** The I/O seam; default the real file system. */
        public Builder fileIo(final FileIo io) {
            this.fileIo = Objects.requireNonNull(io, "fileIo");
            return this;
        }

        /** Whether a missing directory is created; default {@code true}. */
        public Builder createDirectory(final boolean create) {
            this.createDirectory = create;
            return this;
        }

        /** Bytes a writer gathers before it writes to the file; a power of two from 4096 to 16 MiB, default 64 KiB. */
        public Builder writeBufferSize(final int bytes) {
            this.writeBufferSize = powerOfTwo("writeBufferSize", bytes);
            return this;
        }

        /** Bytes of each scratch buffer of positional reads; a power of two from 4096 to 16 MiB, default 64 KiB. */
        public Builder readBufferSize(final int bytes) {
            this.readBufferSize = powerOfTwo("readBufferSize", bytes);
            return this;
        }

        public FileTierOptions build() {
            return new FileTierOptions(this);
        }

        private static int powerOfTwo(final String name, final int value) {
            if (Integer.bitCount(value) != 1 || value < 4096 || value > (16 << 20)) {
                throw new IllegalArgumentException(name + " must be a power of two between 4096 and 16777216, got " + value);
            }
            return value;
        }
    }
}
