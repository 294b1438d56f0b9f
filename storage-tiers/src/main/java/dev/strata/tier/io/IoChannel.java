package dev.strata.tier.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One open file (or block device) as the file and block tiers see it: positional reads and
 * writes, {@code force}, size and truncation. {@link RealFileIo} backs it with a
 * {@link java.nio.channels.FileChannel}; tests back it with a simulated file system that can cut
 * power between any two calls.
 *
 * <p>Buffers passed in are direct (the tiers never hand a heap buffer to the JDK, which would copy
 * it through a hidden per-thread temporary buffer). Partial transfers are allowed, as with
 * {@code FileChannel}; use {@link IoChannels#readFully} and {@link IoChannels#writeFully}.
 */
public interface IoChannel extends Closeable {
    /** Reads into {@code dst} from its position to its limit, starting at file {@code position}; -1 at end of file. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Writes {@code src} from its position to its limit at file {@code position}. */
    int write(ByteBuffer src, long position) throws IOException;

    /**
     * Makes written data durable: {@code metadata == false} is fdatasync (data and the size
     * needed to read it back), {@code true} is fsync.
     */
    void force(boolean metadata) throws IOException;

    /** @return the file size in bytes */
    long size() throws IOException;

    /** Shrinks the file to {@code size} bytes (no-op if it is not larger). */
    void truncate(long size) throws IOException;
}
