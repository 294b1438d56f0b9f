package dev.strata.tier.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.sun.nio.file.ExtendedOpenOption;

/** The real file system: {@link FileChannel}s, {@link Files}, directory fsync by opening the directory for reading. */
public final class RealFileIo implements FileIo {
    /** The one instance; stateless. */
    public static final RealFileIo INSTANCE = new RealFileIo();

    private RealFileIo() {
    }

    @Override
    public IoChannel open(final Path path, final OpenMode mode, final boolean direct) throws IOException {
        final List<OpenOption> options = new ArrayList<>(4);
        options.add(StandardOpenOption.READ);
        if (mode != OpenMode.READ) {
            options.add(StandardOpenOption.WRITE);
        }
        if (mode == OpenMode.CREATE_NEW) {
            options.add(StandardOpenOption.CREATE_NEW);
        }
        if (direct) {
            options.add(ExtendedOpenOption.DIRECT);
        }
        return new Channel(FileChannel.open(path, options.toArray(new OpenOption[0])));
    }

    @Override
    public void atomicMove(final Path from, final Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean deleteIfExists(final Path path) throws IOException {
        return Files.deleteIfExists(path);
    }

    @Override
    public void syncDirectory(final Path dir) throws IOException {
        // Linux allows fsync on a directory opened read-only; it persists the directory entries.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    @Override
    public List<String> list(final Path dir) throws IOException {
        final List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (Files.isRegularFile(p)) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        return names;
    }

    @Override
    public boolean exists(final Path path) {
        return Files.exists(path);
    }

    @Override
    public boolean isDirectory(final Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public void createDirectories(final Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public long blockSize(final Path path) throws IOException {
        return Files.getFileStore(path).getBlockSize();
    }

    @Override
    public boolean supportsMapping() {
        return true;
    }

    /** A {@link FileChannel} as an {@link IoChannel}. */
    private static final class Channel implements IoChannel {
        private final FileChannel ch;

        Channel(final FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public int read(final ByteBuffer dst, final long position) throws IOException {
            return ch.read(dst, position);
        }

        @Override
        public int write(final ByteBuffer src, final long position) throws IOException {
            return ch.write(src, position);
        }

        @Override
        public void force(final boolean metadata) throws IOException {
            ch.force(metadata);
        }

        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public void truncate(final long size) throws IOException {
            ch.truncate(size);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
