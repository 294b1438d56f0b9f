package dev.strata.tier.object;

import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierIOException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.IoUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Ranged reads of one local object through read-only memory maps of its payload.
 *
 * <h2>Why maps</h2>
 * A read is then one bounds check and one {@code copyMemory}: no system call, no allocation, and
 * safe from many threads at once. The file is mapped once at open, in chunks of 1 GiB so that
 * objects over 2 GiB work with Agrona's {@code int} offsets; the file channel is closed right
 * away (the maps keep the inode alive, so the reader keeps reading the version it opened even if
 * the key is replaced or deleted, like a pinned S3 version).
 *
 * <h2>Closing safely</h2>
 * Unmapping while another thread copies from the map would crash the JVM. Each read therefore
 * registers in {@code inFlight} before it checks {@code closed}; {@link #close()} sets {@code
 * closed} and then waits for {@code inFlight} to drain before unmapping. Both are sequentially
 * consistent atomics, so either the read sees {@code closed} or the close sees the read.
 */
final class LocalObjectReader implements ObjectReader {
    static final int CHUNK = 1 << 30;

    private final String key;
    private final String etag;
    private final long size;
    private final MappedByteBuffer[] maps;
    private final UnsafeBuffer[] views;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    private LocalObjectReader(final String key, final String etag, final long size, final MappedByteBuffer[] maps) {
        this.key = key;
        this.etag = etag;
        this.size = size;
        this.maps = maps;
        this.views = new UnsafeBuffer[maps.length];
        for (int i = 0; i < maps.length; i++) {
            views[i] = new UnsafeBuffer(maps[i]);
        }
    }

    /** Opens and maps {@code file}, which holds {@code key}. */
    static LocalObjectReader open(final Path file, final String key) {
        try (RandomAccessFile raf = LocalObjectHeader.openRead(file)) {
            final FileChannel ch = raf.getChannel();
            final LocalObjectHeader h = LocalObjectHeader.read(raf, file);
            final int chunks = (int) ((h.payloadLength() + CHUNK - 1) / CHUNK);
            final MappedByteBuffer[] maps = new MappedByteBuffer[chunks];
            for (int i = 0; i < chunks; i++) {
                final long start = (long) i * CHUNK;
                maps[i] = ch.map(FileChannel.MapMode.READ_ONLY, h.payloadOffset() + start, Math.min(CHUNK, h.payloadLength() - start));
            }
            return new LocalObjectReader(key, h.etag(), h.payloadLength(), maps);
        } catch (final NoSuchFileException e) {
            throw new ObjectNotFoundException("no object '" + key + "' (" + file + " does not exist)", e);
        } catch (final IOException e) {
            throw new TierIOException("cannot open local object '" + key + "' at " + file + ": " + e, e);
        }
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String etag() {
        return etag;
    }

    @Override
    public int read(final long position, final MutableDirectBuffer dst, final int dstOffset, final int length) {
        KeyRules.checkRange(position, dst.capacity(), dstOffset, length);
        inFlight.incrementAndGet();
        try {
            if (closed) {
                throw new TierClosedException("reader of local object '" + key + "' is closed; open a new one");
            }
            if (position >= size) {
                return 0;
            }
            final int n = (int) Math.min(length, size - position);
            int done = 0;
            while (done < n) {
                final long at = position + done;
                final int chunk = (int) (at / CHUNK);
                final int inChunk = (int) (at - (long) chunk * CHUNK);
                final int step = Math.min(n - done, views[chunk].capacity() - inChunk);
                dst.putBytes(dstOffset + done, views[chunk], inChunk, step);
                done += step;
            }
            return n;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            while (inFlight.get() != 0) {
                Thread.onSpinWait();
            }
            for (final MappedByteBuffer map : maps) {
                IoUtil.unmap(map);
            }
        }
    }
}
