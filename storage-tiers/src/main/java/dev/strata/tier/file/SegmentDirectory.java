package dev.strata.tier.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.zip.CRC32C;

import dev.strata.tier.TierIOException;
import dev.strata.tier.io.AlignedBuffer;
import dev.strata.tier.io.FileIo;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.IoChannels;
import dev.strata.tier.io.OpenMode;

/**
 * The file tier's directory: names of segment files and the file-level steps of its protocols
 * (create, seal by rename, delete, recovery clean-up), each followed by the directory fsync that
 * makes it durable. Holds no state of its own; {@link FileTier} serialises the calls.
 */
final class SegmentDirectory {
    private final FileIo io;
    private final Path dir;

    SegmentDirectory(final FileIo io, final Path dir) {
        this.io = io;
        this.dir = dir;
    }

    Path openPath(final long segmentId) {
        return dir.resolve(SegmentFileDescriptor.stem(segmentId) + SegmentFileDescriptor.OPEN_SUFFIX);
    }

    Path sealedPath(final long segmentId) {
        return dir.resolve(SegmentFileDescriptor.stem(segmentId) + SegmentFileDescriptor.SEALED_SUFFIX);
    }

    boolean isOpen(final long segmentId) {
        return io.exists(openPath(segmentId));
    }

    boolean isSealed(final long segmentId) {
        return io.exists(sealedPath(segmentId));
    }

    /** Creates {@code <id>.open} with its header, forces it and the directory; @return the file, open for writing */
    IoChannel create(final long segmentId) throws IOException {
        final IoChannel ch = io.open(openPath(segmentId), OpenMode.CREATE_NEW, false);
        try (AlignedBuffer header = new AlignedBuffer(SegmentFileDescriptor.HEADER_LENGTH, 4096)) {
            final ByteBuffer bb = header.byteBuffer();
            SegmentFileDescriptor.writeHeader(bb, segmentId, new CRC32C());
            bb.clear();
            IoChannels.writeFully(ch, bb, 0);
            ch.force(false);
            io.syncDirectory(dir);
            return ch;
        } catch (final IOException | RuntimeException e) {
            FileTier.closeQuietly(ch);
            throw e;
        }
    }

    /** The commit point of a seal: rename {@code .open} to {@code .seg}, force the directory. */
    void commitSeal(final long segmentId) throws IOException {
        io.atomicMove(openPath(segmentId), sealedPath(segmentId));
        io.syncDirectory(dir);
    }

    /**
     * Truncates an unsealed file to {@code validLength} data bytes and writes its trailer (forced);
     * the caller then commits the seal.
     *
     * @throws IllegalArgumentException if {@code validLength} exceeds the durable length
     */
    void finishUnsealed(final long segmentId, final long validLength) throws IOException {
        final Path open = openPath(segmentId);
        try (IoChannel ch = io.open(open, OpenMode.READ_WRITE, false)) {
            final SegmentFiles.Span span = SegmentFiles.durable(ch, open, segmentId);
            final long durable = span.length();
            if (validLength < 0 || validLength > durable) {
                throw new IllegalArgumentException("validLength must be between 0 and the durable length " + durable
                    + " of segment " + segmentId + ", got " + validLength);
            }
            ch.truncate(span.dataOffset() + validLength);
            try (AlignedBuffer trailer = new AlignedBuffer(SegmentFileDescriptor.TRAILER_LENGTH, 64)) {
                final ByteBuffer bb = trailer.byteBuffer();
                SegmentFileDescriptor.writeTrailer(bb, segmentId, validLength, new CRC32C());
                bb.clear();
                IoChannels.writeFully(ch, bb, span.dataOffset() + validLength);
            }
            ch.force(true);
        }
    }

    /** Deletes the segment's file(s) and forces the directory. @return whether any existed */
    boolean delete(final long segmentId) throws IOException {
        final boolean existed = io.deleteIfExists(openPath(segmentId)) | io.deleteIfExists(sealedPath(segmentId));
        if (existed) {
            io.syncDirectory(dir);
        }
        return existed;
    }

    /** @return every segment id in the directory, mapped to whether it is sealed */
    TreeMap<Long, Boolean> scan() throws IOException {
        final TreeMap<Long, Boolean> ids = new TreeMap<>();
        for (String name : io.list(dir)) {
            final Long sealed = SegmentFiles.parseId(name, SegmentFileDescriptor.SEALED_SUFFIX);
            if (sealed != null) {
                ids.put(sealed, Boolean.TRUE);
            } else {
                final Long open = SegmentFiles.parseId(name, SegmentFileDescriptor.OPEN_SUFFIX);
                if (open != null) {
                    ids.put(open, Boolean.FALSE);
                }
            }
        }
        return ids;
    }

    long sealedLength(final long segmentId) throws IOException {
        final Path p = sealedPath(segmentId);
        try (IoChannel ch = io.open(p, OpenMode.READ, false)) {
            return SegmentFiles.sealed(ch, p, segmentId).length();
        }
    }

    long unsealedLength(final long segmentId) throws IOException {
        final Path p = openPath(segmentId);
        try (IoChannel ch = io.open(p, OpenMode.READ, false)) {
            return SegmentFiles.durable(ch, p, segmentId).length();
        }
    }

    /**
     * Removes {@code .open} files whose creation never completed: a crash after the file was
     * created but before its header was forced leaves it at most a header long with an invalid
     * header. No data can be in such a file (appends start after {@code create} returns), and
     * {@code create} never returned for it, so nothing promised is lost.
     */
    void removeIncompleteCreations() throws IOException {
        boolean removed = false;
        for (java.util.Map.Entry<Long, Boolean> e : scan().entrySet()) {
            if (e.getValue()) {
                continue;
            }
            final Path p = openPath(e.getKey());
            boolean incomplete = false;
            try (IoChannel ch = io.open(p, OpenMode.READ, false)) {
                if (ch.size() <= SegmentFileDescriptor.HEADER_LENGTH) {
                    try {
                        SegmentFiles.durable(ch, p, e.getKey());
                    } catch (final TierIOException ex) {
                        incomplete = true;
                    }
                }
            }
            if (incomplete) {
                io.deleteIfExists(p);
                removed = true;
            }
        }
        if (removed) {
            io.syncDirectory(dir);
        }
    }
}
