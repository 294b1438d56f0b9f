package dev.strata.tier.object;

import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An object store with S3 semantics: whole-object puts, ranged gets, head, listing by prefix and
 * delimiter in pages, idempotent deletes, conditional puts and user metadata.
 *
 * <h2>Semantics every implementation keeps</h2>
 * <ul>
 *   <li><b>Atomic put.</b> A reader sees the old object or the new one, never a mix or a prefix;
 *       after a crash during a put the old object (or nothing) is there.</li>
 *   <li><b>Durable put.</b> When {@code put} returns, the object survives a crash.</li>
 *   <li><b>Conditional put.</b> {@link PutCondition#IF_ABSENT} and {@link PutCondition#ifMatch}
 *       are checked and applied atomically (see each implementation for the scope of "atomic");
 *       a failed condition raises {@link PreconditionFailedException}.</li>
 *   <li><b>Read-after-write.</b> A successful put is visible to every later head, get and list.</li>
 *   <li><b>Keys</b> are 1 to 1024 bytes of UTF-8. {@code '/'} has no meaning except as the usual
 *       delimiter of listings.</li>
 *   <li><b>User metadata</b>: keys {@code [a-z0-9-]}, values printable US-ASCII, at most 2 KiB in
 *       total (S3's limit), see {@link UserMetadata}.</li>
 *   <li><b>ETags</b> are returned without quotes; they change when the content changes.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * {@link ObjectNotFoundException} for a get of a missing key; {@link PreconditionFailedException}
 * for a failed condition; {@link ObjectAccessDeniedException} for refused credentials; {@link
 * dev.strata.tier.TierIOException} for any other failure, naming the key and the operation.
 *
 * <h2>Threading</h2>
 * All methods are thread-safe.
 */
public interface ObjectStore extends AutoCloseable {
    /** The largest page {@link #list} returns (S3's limit). */
    int MAX_KEYS_PER_PAGE = 1000;

    /** @return where the objects live, e.g. a directory or {@code s3://bucket at endpoint} */
    String location();

    /**
     * Puts a whole object from {@code src[offset, offset + length)}.
     *
     * @param userMetadata user metadata to store with the object (validated by {@link UserMetadata})
     * @param condition    the precondition; {@link PutCondition#NONE} for an unconditional put
     * @return the new object's ETag (no quotes)
     * @throws PreconditionFailedException if the condition does not hold; nothing was written
     */
    String put(String key, DirectBuffer src, int offset, int length, Map<String, String> userMetadata, PutCondition condition);

    /**
     * Puts a whole object from a byte array. Convenience: wraps the array (allocates).
     *
     * @see #put(String, DirectBuffer, int, int, Map, PutCondition)
     */
    default String put(final String key, final byte[] bytes, final Map<String, String> userMetadata, final PutCondition condition) {
        return put(key, new UnsafeBuffer(bytes), 0, bytes.length, userMetadata, condition);
    }

    /**
     * Ranged get: reads up to {@code length} bytes of the object starting at {@code position} into
     * {@code dst[dstOffset, ...)}.
     *
     * @return the bytes read: {@code length}, or fewer only when the object ends first (0 at or past its end)
     * @throws ObjectNotFoundException if there is no such object
     */
    int get(String key, long position, MutableDirectBuffer dst, int dstOffset, int length);

    /**
     * Opens a key for repeated ranged reads of one object version. The reader is pinned to the
     * object as it was at open (its size and ETag); if the object is replaced or deleted meanwhile,
     * a local reader keeps reading the old version and a remote one fails with a typed error rather
     * than mixing versions.
     *
     * @throws ObjectNotFoundException if there is no such object
     */
    ObjectReader openReader(String key);

    /** @return the object's size, ETag and user metadata, or {@code null} if it does not exist */
    ObjectInfo head(String key);

    /**
     * Lists keys that start with {@code prefix}, one page at a time, in ascending UTF-8 order.
     *
     * @param prefix            keys must start with this ({@code ""} for all)
     * @param delimiter         if not {@code null}, keys with this string after the prefix are rolled
     *                          up into one common prefix each
     * @param continuationToken {@code null} for the first page, else the previous page's token
     * @param maxKeys           page size, 1 to {@link #MAX_KEYS_PER_PAGE} (objects plus common prefixes)
     */
    ObjectListing list(String prefix, String delimiter, String continuationToken, int maxKeys);

    /** Deletes an object. Idempotent: deleting a missing key succeeds. Durable when it returns. */
    void delete(String key);

    /** Releases the store's resources (connections, locks). Idempotent. */
    @Override
    void close();
}
