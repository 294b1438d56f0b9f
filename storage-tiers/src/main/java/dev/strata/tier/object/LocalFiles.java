package dev.strata.tier.object;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File-system helpers of the local store: directory fsync and parent creation. */
final class LocalFiles {
    private LocalFiles() {
    }

    /**
     * Makes a directory's entries durable (a rename or create in it). On Linux and macOS a
     * directory can be opened read-only and forced; where it cannot (Windows), renames are
     * already durable through the file system's journal and this is a no-op.
     */
    static void fsyncDirectory(final Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (final java.nio.file.AccessDeniedException e) {
            // Windows refuses to open directories; see the method comment
        }
    }

    /**
     * Creates {@code dir} and missing ancestors below {@code base}.
     *
     * @return the topmost directory created, or {@code null} if {@code dir} existed
     */
    static Path createParents(final Path base, final Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return null;
        }
        Path top = dir;
        while (!top.getParent().equals(base) && !Files.isDirectory(top.getParent())) {
            top = top.getParent();
        }
        Files.createDirectories(dir);
        return top;
    }

    /** Fsyncs the parents of every directory from {@code top} down to {@code dir}, so the new entries are durable. */
    static void fsyncCreatedDirectories(final Path top, final Path dir) throws IOException {
        Path p = dir;
        while (true) {
            fsyncDirectory(p.getParent());
            if (p.equals(top)) {
                return;
            }
            p = p.getParent();
        }
    }

    static void deleteQuietly(final Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (final IOException e) {
            // a temporary file that cannot be removed is cleaned at the next open
        }
    }
}
