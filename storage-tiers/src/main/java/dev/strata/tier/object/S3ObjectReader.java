package dev.strata.tier.object;

import dev.strata.tier.TierClosedException;
import dev.strata.tier.TierIOException;
import org.agrona.MutableDirectBuffer;

/**
 * Ranged reads of one S3 object version: each read is a GET with {@code Range} and {@code
 * If-Match: <etag at open>}, so a replaced object fails loudly instead of mixing versions. The SDK
 * allocates per request (request objects, headers, the response body array); that is the price of
 * the remote path, accepted because a network round trip dwarfs it.
 */
final class S3ObjectReader implements ObjectReader {
    private final S3ObjectStore store;
    private final String key;
    private final long size;
    private final String etag;
    private volatile boolean closed;

    S3ObjectReader(final S3ObjectStore store, final String key, final long size, final String etag) {
        this.store = store;
        this.key = key;
        this.size = size;
        this.etag = etag;
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
        if (closed) {
            throw new TierClosedException("reader of S3 object '" + key + "' is closed; open a new one");
        }
        if (position >= size || length == 0) {
            return 0;
        }
        final int n = (int) Math.min(length, size - position);
        try {
            final int got = store.rangedGet(key, position, n, dst, dstOffset, etag);
            if (got != n) {
                throw new TierIOException("S3 object '" + key + "' returned " + got + " bytes for a range of " + n + " at " + position + " inside its size " + size);
            }
            return n;
        } catch (final PreconditionFailedException e) {
            throw new TierIOException("S3 object '" + key + "' was replaced since this reader opened it at ETag " + etag
                + "; objects the tier reads must be immutable, so another writer shares this prefix", e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
