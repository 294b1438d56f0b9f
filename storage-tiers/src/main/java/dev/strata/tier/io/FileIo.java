package dev.strata.tier.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The I/O seam of the file and block tiers: every open, write, force, rename and delete they do
 * goes through one of these. The default, {@link RealFileIo#INSTANCE}, is the real file system.
 * A test implementation records each call and can cut power at the k-th I/O point, dropping data
 * that was never forced; the crash tests use it to prove the tiers' atomicity protocols (metadata
 * rename, superblock generations, seal) at every step.
 *
 * <p>This is a seam, not a test hook: nothing in the tiers knows whether it is simulated.
 */
public interface FileIo {
    /**
     * Opens a file.
     *
     * @param direct ask for O_DIRECT; throws {@link UnsupportedOperationException} or an
     *               {@link IOException} if the file system refuses it
     */
    IoChannel open(Path path, OpenMode mode, boolean direct) throws IOException;

    /** Renames {@code from} to {@code to} atomically, replacing {@code to}. Durable only after {@link #syncDirectory}. */
    void atomicMove(Path from, Path to) throws IOException;

    /** Deletes a file if present. Durable only after {@link #syncDirectory}. @return whether it existed */
    boolean deleteIfExists(Path path) throws IOException;

    /** fsyncs a directory, making creations, renames and deletions in it durable. */
    void syncDirectory(Path dir) throws IOException;

    /** @return the names of the regular files in {@code dir} */
    List<String> list(Path dir) throws IOException;

    /** @return whether a file or directory exists at {@code path} */
    boolean exists(Path path);

    /** @return whether {@code path} is a directory */
    boolean isDirectory(Path path);

    /** Creates {@code dir} and its missing parents. */
    void createDirectories(Path dir) throws IOException;

    /** @return the file system's block size for {@code path} (an existing file or directory) */
    long blockSize(Path path) throws IOException;

    /** @return whether files opened here are real files that may be memory-mapped by path */
    boolean supportsMapping();
}
