package dev.strata.tier.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.agrona.DirectBuffer;

import dev.strata.tier.SegmentExistsException;
import dev.strata.tier.SegmentNotFoundException;
import dev.strata.tier.SegmentNotSealedException;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierIOException;
import dev.strata.tier.TierKind;
import dev.strata.tier.TierStats;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.OpenMode;
import dev.strata.tier.io.ScratchPool;
import dev.strata.tier.io.TierCounters;

/**
 * The file tier: one file per segment in a directory.
 *
 * <h2>Files</h2>
 * {@code <id>.open} while a segment is written, {@code <id>.seg} once sealed ({@code <id>} is 16
 * hex digits), {@code metadata} for the metadata slot. Layouts: {@link SegmentFileDescriptor},
 * {@link MetadataFileDescriptor}.
 *
 * <h2>Durability protocol</h2>
 * Create: create the file, write the header, fdatasync, fsync the directory. Sync: see
 * {@link FileSegmentWriter}. Seal: write the trailer, fdatasync, rename {@code .open} to
 * {@code .seg}, fsync the directory (the rename is the commit point; a crash before it leaves an
 * unsealed segment with its synced prefix). Delete: unlink, fsync the directory. Metadata: see
 * {@link MetadataFile}.
 *
 * <h2>Reads</h2>
 * Sealed segments are read through memory maps or positional reads ({@link ReadMode});
 * {@link #stats()}{@code .readPath()} says which. Unsealed segments (recovery) always use
 * positional reads.
 *
 * <h2>Threading</h2>
 * Tier-level operations lock the tier; appends and reads do not.
 */
public final class FileTier implements Tier {
    private final FileTierOptions options;
    private final Path dir;
    private final boolean mapped;
    private final TierCounters counters;
    private final MetadataFile metadata;
    private final SegmentDirectory files;
    private final ScratchPool readScratch;
    private final Map<Long, FileSegmentWriter> writers = new HashMap<>();
    private final Set<SegmentReader> readers = ConcurrentHashMap.newKeySet();
    private final Object metadataLock = new Object();
    private volatile boolean closed;

    FileTier(final FileTierOptions options, final boolean mapped) {
        this.options = options;
        this.dir = options.directory();
        this.mapped = mapped;
        this.counters = new TierCounters(mapped ? "mmap" : "pread");
        this.metadata = new MetadataFile(options.fileIo(), dir);
        this.files = new SegmentDirectory(options.fileIo(), dir);
        this.readScratch = new ScratchPool(2 * Runtime.getRuntime().availableProcessors(), options.readBufferSize(), 4096);
    }

    /**
     * Opens (creating if allowed) the tier in {@code options.directory()}.
     *
     * @throws dev.strata.tier.TierOpenException if the directory is missing, not writable, or maps
     *     were asked for but the JVM flags are missing
     */
    public static FileTier open(final FileTierOptions options) {
        return FileTierOpener.open(options);
    }

    @Override
    public TierKind kind() {
        return TierKind.FILE;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public synchronized SegmentWriter create(final long segmentId) {
        checkOpen();
        if (files.isOpen(segmentId) || files.isSealed(segmentId)) {
            throw new SegmentExistsException("segment " + segmentId + " already exists in " + dir + " ("
                + (files.isSealed(segmentId) ? "sealed" : "unsealed") + "); segment ids are never reused: allocate a new id");
        }
        final IoChannel ch;
        try {
            ch = files.create(segmentId);
        } catch (final IOException e) {
            throw new TierIOException("cannot create segment " + segmentId + " as " + files.openPath(segmentId) + ": " + e
                + "; check free space and permissions of " + dir, e);
        }
        final FileSegmentWriter w = new FileSegmentWriter(this, segmentId, files.openPath(segmentId), ch, counters,
            options.writeBufferSize());
        writers.put(segmentId, w);
        return w;
    }

    @Override
    public SegmentReader open(final long segmentId) {
        final Path sealed = files.sealedPath(segmentId);
        synchronized (this) {
            checkOpen();
            if (!files.isSealed(segmentId)) {
                if (files.isOpen(segmentId)) {
                    throw new SegmentNotSealedException("segment " + segmentId + " in " + dir + " is not sealed: seal it with "
                        + "SegmentWriter.seal(), or during recovery read it with openUnsealed and finish it with sealUnsealed");
                }
                throw notFound(segmentId);
            }
        }
        IoChannel ch = null;
        try {
            ch = options.fileIo().open(sealed, OpenMode.READ, false);
            final SegmentFiles.Span span = SegmentFiles.sealed(ch, sealed, segmentId);
            final SegmentReader reader;
            if (mapped) {
                final long size = ch.size();
                ch.close();
                ch = null;
                reader = new MappedSegmentReader(this, segmentId, sealed, size, span, counters);
            } else {
                reader = new PreadSegmentReader(this, segmentId, sealed.toString(), ch, span, readScratch, counters);
            }
            return track(reader);
        } catch (final java.nio.file.NoSuchFileException e) {
            closeQuietly(ch);
            throw notFound(segmentId);
        } catch (final IOException e) {
            closeQuietly(ch);
            throw new TierIOException("cannot open segment " + segmentId + " (" + sealed + "): " + e, e);
        } catch (final RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    @Override
    public SegmentReader openUnsealed(final long segmentId) {
        final Path open = files.openPath(segmentId);
        synchronized (this) {
            checkOpen();
            checkUnsealedIdle(segmentId);
        }
        IoChannel ch = null;
        try {
            ch = options.fileIo().open(open, OpenMode.READ, false);
            final SegmentFiles.Span span = SegmentFiles.durable(ch, open, segmentId);
            return track(new PreadSegmentReader(this, segmentId, open.toString(), ch, span, readScratch, counters));
        } catch (final IOException e) {
            closeQuietly(ch);
            throw new TierIOException("cannot open unsealed segment " + segmentId + " (" + open + "): " + e, e);
        } catch (final RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    @Override
    public synchronized void sealUnsealed(final long segmentId, final long validLength) {
        checkOpen();
        checkUnsealedIdle(segmentId);
        try {
            files.finishUnsealed(segmentId, validLength);
        } catch (final IOException e) {
            throw new TierIOException("cannot seal segment " + segmentId + " (" + files.openPath(segmentId) + "): " + e, e);
        }
        commitSeal(segmentId);
    }

    @Override
    public synchronized boolean delete(final long segmentId) {
        checkOpen();
        final FileSegmentWriter w = writers.remove(segmentId);
        if (w != null) {
            w.invalidate("invalidated: its segment was deleted");
        }
        try {
            return files.delete(segmentId);
        } catch (final IOException e) {
            throw new TierIOException("cannot delete segment " + segmentId + " in " + dir + ": " + e, e);
        }
    }

    @Override
    public void list(final SegmentVisitor visitor) {
        final TreeMap<Long, Long> lengths = new TreeMap<>();
        final TreeMap<Long, Boolean> ids;
        synchronized (this) {
            checkOpen();
            try {
                ids = files.scan();
                for (Map.Entry<Long, Boolean> e : ids.entrySet()) {
                    final FileSegmentWriter w = e.getValue() ? null : writers.get(e.getKey());
                    lengths.put(e.getKey(), e.getValue() ? files.sealedLength(e.getKey())
                        : w != null ? w.length() : files.unsealedLength(e.getKey()));
                }
            } catch (final IOException e) {
                throw new TierIOException("cannot list " + dir + ": " + e, e);
            }
        }
        for (Map.Entry<Long, Boolean> e : ids.entrySet()) {
            visitor.segment(e.getKey(), e.getValue(), lengths.get(e.getKey()));
        }
    }

    @Override
    public void writeMetadata(final DirectBuffer src, final int offset, final int length) {
        dev.strata.tier.io.Checks.metadataArgs(src, offset, length, maxMetadataLength());
        synchronized (metadataLock) {
            checkOpen();
            try {
                metadata.write(src, offset, length);
            } catch (final IOException e) {
                throw new TierIOException("cannot write the metadata slot in " + dir + ": " + e
                    + "; the previous blob is intact", e);
            }
        }
    }

    @Override
    public byte[] readMetadata() {
        synchronized (metadataLock) {
            checkOpen();
            try {
                return metadata.read();
            } catch (final IOException e) {
                throw new TierIOException("cannot read the metadata slot in " + dir + ": " + e, e);
            }
        }
    }

    @Override
    public int maxMetadataLength() {
        return MetadataFileDescriptor.MAX_BLOB_LENGTH;
    }

    @Override
    public TierStats stats() {
        return counters;
    }

    @Override
    public void close() {
        final List<FileSegmentWriter> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(writers.values());
            writers.clear();
        }
        for (FileSegmentWriter w : open) {
            w.invalidate("closed: the tier was closed");
        }
        for (SegmentReader r : new ArrayList<>(readers)) {
            r.close();
        }
        readScratch.close();
    }

    @Override
    public String toString() {
        return "FileTier{" + dir + ", " + counters.readPath() + '}';
    }

    /** Called by a writer after its trailer is durable: the rename that seals. */
    synchronized void sealWritten(final FileSegmentWriter w) {
        writers.remove(w.segmentId());
        commitSeal(w.segmentId());
    }

    synchronized void writerClosed(final FileSegmentWriter w) {
        writers.remove(w.segmentId(), w);
    }

    void readerClosed(final SegmentReader r) {
        readers.remove(r);
    }

    private void commitSeal(final long segmentId) {
        try {
            files.commitSeal(segmentId);
        } catch (final IOException e) {
            throw new TierIOException("cannot seal segment " + segmentId + " (rename of " + files.openPath(segmentId) + "): " + e
                + "; it stays unsealed with its synced data, retry with sealUnsealed after reopening", e);
        }
    }

    private SegmentReader track(final SegmentReader reader) {
        readers.add(reader);
        if (closed) {
            reader.close();
            checkOpen();
        }
        return reader;
    }

    private void checkUnsealedIdle(final long segmentId) {
        if (writers.containsKey(segmentId)) {
            throw new IllegalStateException("segment " + segmentId + " is still open for writing in this tier; "
                + "close or seal its writer first");
        }
        if (!files.isOpen(segmentId)) {
            if (files.isSealed(segmentId)) {
                throw new IllegalStateException("segment " + segmentId + " in " + dir + " is already sealed; read it with open()");
            }
            throw notFound(segmentId);
        }
    }

    private SegmentNotFoundException notFound(final long segmentId) {
        return new SegmentNotFoundException("segment " + segmentId + " does not exist in " + dir
            + " (never created, or deleted); list() shows the segments that exist");
    }

    private void checkOpen() {
        if (closed) {
            throw new TierClosedException("file tier " + dir + " is closed; open it again with FileTier.open");
        }
    }

    static void closeQuietly(final IoChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (final IOException e) {
                // already failing; the first error is the one reported
            }
        }
    }

    /** @return the metadata slot (the opener removes a temporary file left by a crash) */
    MetadataFile metadata() {
        return metadata;
    }

    /** Recovery clean-up at open; see {@link SegmentDirectory#removeIncompleteCreations()}. */
    void removeIncompleteCreations() throws IOException {
        files.removeIncompleteCreations();
    }
}
