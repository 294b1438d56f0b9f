package dev.strata.tier.object;

import dev.strata.tier.TierIOException;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An {@link ObjectStore} that simulates a crash around one put: the next put of a chosen key either
 * never reaches the store ({@code BEFORE}) or reaches it and then "loses" its response ({@code
 * AFTER}); both throw. Everything else is delegated. Fault injection through the store seam, not a
 * hook in production code.
 */
final class CrashingObjectStore implements ObjectStore {
    enum When { BEFORE, AFTER }

    private final ObjectStore delegate;
    private String crashKey;
    private When when;

    CrashingObjectStore(final ObjectStore delegate) {
        this.delegate = delegate;
    }

    synchronized void crashOnNextPutOf(final String key, final When at) {
        this.crashKey = key;
        this.when = at;
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public String put(final String key, final DirectBuffer src, final int offset, final int length, final Map<String, String> userMetadata, final PutCondition condition) {
        final When at;
        synchronized (this) {
            at = key.equals(crashKey) ? when : null;
            if (at != null) {
                crashKey = null;
            }
        }
        if (at == When.BEFORE) {
            throw new TierIOException("simulated crash before the put of " + key);
        }
        final String etag = delegate.put(key, src, offset, length, userMetadata, condition);
        if (at == When.AFTER) {
            throw new TierIOException("simulated crash after the put of " + key + " (response lost)");
        }
        return etag;
    }

    @Override
    public int get(final String key, final long position, final MutableDirectBuffer dst, final int dstOffset, final int length) {
        return delegate.get(key, position, dst, dstOffset, length);
    }

    @Override
    public ObjectReader openReader(final String key) {
        return delegate.openReader(key);
    }

    @Override
    public ObjectInfo head(final String key) {
        return delegate.head(key);
    }

    @Override
    public ObjectListing list(final String prefix, final String delimiter, final String continuationToken, final int maxKeys) {
        return delegate.list(prefix, delimiter, continuationToken, maxKeys);
    }

    @Override
    public void delete(final String key) {
        delegate.delete(key);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
