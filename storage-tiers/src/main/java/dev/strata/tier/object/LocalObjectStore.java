package dev.strata.tier.object;

import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierIOException;
import dev.strata.tier.TierOpenException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A directory with S3 semantics: the object tier's embedded default.
 *
 * <h2>Layout</h2>
 * {@code <root>/objects/} holds one file per object, keys mapped to paths by {@link
 * LocalKeyCodec} ({@code '/'} separates directories; pieces are escaped). Each file is a header
 * with the ETag and user metadata followed by the payload ({@link LocalObjectDescriptor}).
 * {@code <root>/tmp/} holds puts in progress.
 *
 * <h2>Atomic, durable put</h2>
 * Write the whole file under {@code tmp/}, fsync it, rename it over the target (POSIX {@code
 * rename} replaces atomically), fsync the target directory (and any directory it had to create).
 * A crash leaves the old object or the new one; a leftover temporary file is removed at the next
 * open once it is an hour old (younger ones may belong to another process's put in progress).
 *
 * <h2>ETag</h2>
 * Lower-case hex MD5 of the payload, what S3 returns for a single-part unencrypted put. It costs
 * one MD5 pass per put, which is cheap beside the fsyncs.
 *
 * <h2>Conditional put and the cross-process story</h2>
 * Within a JVM, the check and the rename happen under a per-key striped lock ({@link KeyLocks},
 * shared by all instances on this directory), so conditional puts are atomic against concurrent
 * putters and deleters in the same process. Across processes: {@link PutCondition#IF_ABSENT}
 * publishes with {@code link(2)}, which fails if the name exists, so create-only is atomic across
 * processes too. {@link PutCondition#ifMatch} checks the current file's ETag and then renames;
 * another process could replace the object between the two, so compare-and-swap is atomic only
 * among writers in one process. Give one process the write role for keys that are replaced
 * conditionally (the object tier's metadata slot has a single writer).
 *
 * <h2>Reads</h2>
 * {@link #openReader} maps the payload and serves reads with no allocation; {@link #get} opens the
 * file per call (allocates; convenient for one-off reads).
 *
 * <h2>Deviations from S3</h2>
 * Key pieces longer than about 80 escaped characters per {@code '/'}-separated piece may exceed the
 * file name limit and are rejected; emptied directories are left in place (harmless, reused).
 */
public final class LocalObjectStore implements ObjectStore {
    private static final Duration STALE_TEMP = Duration.ofHours(1);
    private static final int COPY_CHUNK = 64 * 1024;

    private final Path root;
    private final Path objects;
    private final Path tmp;
    private final String lockScope;
    private volatile boolean closed;

    private LocalObjectStore(final Path root) throws IOException {
        this.root = root;
        this.objects = root.resolve("objects");
        this.tmp = root.resolve("tmp");
        Files.createDirectories(objects);
        Files.createDirectories(tmp);
        LocalFiles.fsyncDirectory(root);
        this.lockScope = root.toRealPath().toString();
        removeStaleTemporaryFiles();
    }

    /**
     * Opens (creating if needed) a store in {@code root}.
     *
     * @throws TierOpenException if the directory cannot be created or is not writable
     */
    public static LocalObjectStore open(final Path root) {
        try {
            return new LocalObjectStore(root.toAbsolutePath());
        } catch (final IOException e) {
            throw new TierOpenException("cannot open local object store at " + root + ": " + e
                + "; check that the path is a writable directory (it is created if missing)", e);
        }
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public String put(final String key, final DirectBuffer src, final int offset, final int length, final Map<String, String> userMetadata, final PutCondition condition) {
        checkOpen();
        KeyRules.validate(key);
        UserMetadata.validate(userMetadata);
        KeyRules.checkRange(0, src.capacity(), offset, length);
        final Path target = LocalKeyCodec.fileFor(objects, key);
        final Path temp = tmp.resolve(UUID.randomUUID() + ".tmp");
        try {
            final String etag = writeTemp(temp, src, offset, length, userMetadata);
            final Path createdTop = LocalFiles.createParents(objects, target.getParent());
            publish(key, temp, target, condition);
            LocalFiles.fsyncDirectory(target.getParent());
            if (createdTop != null) {
                LocalFiles.fsyncCreatedDirectories(createdTop, target.getParent());
            }
            return etag;
        } catch (final IOException e) {
            throw new TierIOException("put of '" + key + "' to local object store " + root + " failed: " + e, e);
        } finally {
            LocalFiles.deleteQuietly(temp);
        }
    }

    private String writeTemp(final Path temp, final DirectBuffer src, final int offset, final int length, final Map<String, String> meta) throws IOException {
        final MessageDigest md5 = md5();
        final byte[] metadata = LocalObjectDescriptor.encodeMetadata(meta);
        final long payloadAt = LocalObjectDescriptor.HEADER_LENGTH + (long) metadata.length;
        Files.createFile(temp);
        try (RandomAccessFile raf = new RandomAccessFile(temp.toFile(), "rw")) {
            final byte[] chunk = new byte[Math.min(COPY_CHUNK, Math.max(length, 1))];
            raf.seek(payloadAt);
            for (int done = 0; done < length; ) {
                final int n = Math.min(chunk.length, length - done);
                src.getBytes(offset + done, chunk, 0, n);
                md5.update(chunk, 0, n);
                raf.write(chunk, 0, n);
                done += n;
            }
            final byte[] digest = md5.digest();
            raf.seek(0);
            raf.write(LocalObjectDescriptor.encodeHeader(length, digest, metadata));
            raf.write(metadata);
            raf.getChannel().force(true);
            return Etags.hex(digest);
        }
    }

    private void publish(final String key, final Path temp, final Path target, final PutCondition condition) throws IOException {
        final ReentrantLock lock = KeyLocks.lockFor(lockScope, key);
        lock.lock();
        try {
            if (condition.isIfAbsent()) {
                try {
                    Files.createLink(target, temp);
                } catch (final FileAlreadyExistsException e) {
                    throw new PreconditionFailedException("object '" + key + "' already exists (If-None-Match: *); read it, or put without the condition to replace it", e);
                } catch (final UnsupportedOperationException e) {
                    // no hard links on this file system: check and rename under the lock (atomic within this process only)
                    if (Files.exists(target)) {
                        throw new PreconditionFailedException("object '" + key + "' already exists (If-None-Match: *); read it, or put without the condition to replace it", e);
                    }
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
                return;
            }
            if (condition.ifMatchEtag() != null) {
                final ObjectInfo current = headFile(target, key);
                if (current == null || !current.etag().equals(condition.ifMatchEtag())) {
                    throw new PreconditionFailedException("object '" + key + "' is " + (current == null ? "absent" : "at ETag " + current.etag())
                        + ", not at the expected ETag " + condition.ifMatchEtag() + " (If-Match); re-read it and retry with its current ETag");
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int get(final String key, final long position, final MutableDirectBuffer dst, final int dstOffset, final int length) {
        checkOpen();
        KeyRules.validate(key);
        KeyRules.checkRange(position, dst.capacity(), dstOffset, length);
        final Path file = LocalKeyCodec.fileFor(objects, key);
        try (RandomAccessFile raf = LocalObjectHeader.openRead(file)) {
            final LocalObjectHeader h = LocalObjectHeader.read(raf, file);
            if (position >= h.payloadLength()) {
                return 0;
            }
            final int n = (int) Math.min(length, h.payloadLength() - position);
            final byte[] chunk = new byte[Math.min(n, COPY_CHUNK)];
            raf.seek(h.payloadOffset() + position);
            for (int done = 0; done < n; ) {
                final int step = Math.min(chunk.length, n - done);
                raf.readFully(chunk, 0, step);
                dst.putBytes(dstOffset + done, chunk, 0, step);
                done += step;
            }
            return n;
        } catch (final NoSuchFileException e) {
            throw new ObjectNotFoundException("no object '" + key + "' in local object store " + root, e);
        } catch (final IOException e) {
            throw new TierIOException("get of '" + key + "' from local object store " + root + " failed: " + e, e);
        }
    }

    @Override
    public ObjectReader openReader(final String key) {
        checkOpen();
        KeyRules.validate(key);
        return LocalObjectReader.open(LocalKeyCodec.fileFor(objects, key), key);
    }

    @Override
    public ObjectInfo head(final String key) {
        checkOpen();
        KeyRules.validate(key);
        try {
            return headFile(LocalKeyCodec.fileFor(objects, key), key);
        } catch (final IOException e) {
            throw new TierIOException("head of '" + key + "' in local object store " + root + " failed: " + e, e);
        }
    }

    private static ObjectInfo headFile(final Path file, final String key) throws IOException {
        try (RandomAccessFile raf = LocalObjectHeader.openRead(file)) {
            final LocalObjectHeader h = LocalObjectHeader.read(raf, file);
            return new ObjectInfo(key, h.payloadLength(), h.etag(), h.metadata());
        } catch (final NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public ObjectListing list(final String prefix, final String delimiter, final String continuationToken, final int maxKeys) {
        checkOpen();
        return LocalObjectLister.list(objects, prefix, delimiter, continuationToken, maxKeys);
    }

    @Override
    public void delete(final String key) {
        checkOpen();
        KeyRules.validate(key);
        final Path file = LocalKeyCodec.fileFor(objects, key);
        final ReentrantLock lock = KeyLocks.lockFor(lockScope, key);
        lock.lock();
        try {
            if (Files.deleteIfExists(file)) {
                LocalFiles.fsyncDirectory(file.getParent());
            }
        } catch (final IOException e) {
            throw new TierIOException("delete of '" + key + "' from local object store " + root + " failed: " + e, e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new TierClosedException("local object store " + root + " is closed; open it again");
        }
    }

    private void removeStaleTemporaryFiles() throws IOException {
        final FileTime cutoff = FileTime.from(Instant.now().minus(STALE_TEMP));
        try (Stream<Path> files = Files.list(tmp)) {
            for (final Path p : (Iterable<Path>) files::iterator) {
                try {
                    if (Files.getLastModifiedTime(p).compareTo(cutoff) < 0) {
                        Files.deleteIfExists(p);
                    }
                } catch (final NoSuchFileException e) {
                    // removed meanwhile by its owner
                }
            }
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }
}
