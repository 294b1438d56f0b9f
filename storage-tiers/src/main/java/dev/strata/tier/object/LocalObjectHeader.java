package dev.strata.tier.object;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The decoded header of one local object file (see {@link LocalObjectDescriptor}).
 *
 * @param payloadOffset where the payload starts in the file
 * @param payloadLength the object size
 * @param etag          hex MD5 of the payload
 * @param metadata      the user metadata
 *
 * <p>Local files are read and written through {@link RandomAccessFile} with byte arrays rather
 * than {@code FileChannel} with heap {@code ByteBuffer}s: the latter go through the JDK's
 * per-thread cache of temporary direct buffers, which grows the process's direct memory behind
 * our back (and shows up in leak checks).
 */
record LocalObjectHeader(long payloadOffset, long payloadLength, String etag, Map<String, String> metadata) {
    /**
     * Reads and checks the header of an open file.
     *
     * @throws ObjectCorruptException if the header is not a valid local object header
     * @throws IOException            on a read failure
     */
    static LocalObjectHeader read(final RandomAccessFile raf, final Path file) throws IOException {
        final long size = raf.length();
        final byte[] fixed = new byte[LocalObjectDescriptor.HEADER_LENGTH];
        if (size >= fixed.length) {
            raf.seek(0);
            raf.readFully(fixed);
        }
        final UnsafeBuffer h = new UnsafeBuffer(fixed);
        final int m = LocalObjectDescriptor.checkFixedHeader(h, file.toString(), size);
        final byte[] metadata = new byte[m];
        raf.readFully(metadata);
        final Map<String, String> meta = LocalObjectDescriptor.checkAndDecodeMetadata(h, metadata, file.toString());
        final long payloadOffset = LocalObjectDescriptor.HEADER_LENGTH + (long) m;
        return new LocalObjectHeader(payloadOffset, size - payloadOffset, LocalObjectDescriptor.etag(h), meta);
    }

    /**
     * Opens {@code file} for reading.
     *
     * @throws NoSuchFileException if it does not exist (RandomAccessFile reports that as {@link FileNotFoundException})
     */
    static RandomAccessFile openRead(final Path file) throws IOException {
        try {
            return new RandomAccessFile(file.toFile(), "r");
        } catch (final FileNotFoundException e) {
            if (!Files.exists(file)) {
                final NoSuchFileException n = new NoSuchFileException(file.toString());
                n.initCause(e);
                throw n;
            }
            throw e;
        }
    }
}
