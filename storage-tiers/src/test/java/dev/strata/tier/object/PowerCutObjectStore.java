package dev.strata.tier.object;

import dev.strata.tier.TierIOException;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An {@link ObjectStore} whose power goes off at a chosen mutating operation (put or delete),
 * either before the operation reaches the store or after it landed with the response lost. From
 * then on every call fails, as in a dead process. Object stores apply each put or delete
 * atomically, so these two cut points per operation are all the crash states there are.
 */
final class PowerCutObjectStore implements ObjectStore {
    private final ObjectStore delegate;
    private final long cutAt;
    private final boolean afterLanding;
    private long mutations;
    private boolean dead;

    /**
     * @param cutAt        the index of the mutating operation at which the power goes off ({@code Long.MAX_VALUE}: never)
     * @param afterLanding whether that operation reaches the store first
     */
    PowerCutObjectStore(final ObjectStore delegate, final long cutAt, final boolean afterLanding) {
        this.delegate = delegate;
        this.cutAt = cutAt;
        this.afterLanding = afterLanding;
    }

    synchronized long mutations() {
        return mutations;
    }

    /** @return whether the operation should run against the store */
    private synchronized boolean beforeMutation() {
        checkPower();
        if (mutations++ == cutAt) {
            dead = true;
            return afterLanding;
        }
        return true;
    }

    private synchronized void checkPower() {
        if (dead) {
            throw new TierIOException("power cut (simulated)");
        }
    }

    private synchronized void afterMutation() {
        checkPower();
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public String put(final String key, final DirectBuffer src, final int offset, final int length, final Map<String, String> userMetadata, final PutCondition condition) {
        if (!beforeMutation()) {
            throw new TierIOException("power cut (simulated) before the put of " + key);
        }
        final String etag = delegate.put(key, src, offset, length, userMetadata, condition);
        afterMutation();
        return etag;
    }

    @Override
    public void delete(final String key) {
        if (!beforeMutation()) {
            throw new TierIOException("power cut (simulated) before the delete of " + key);
        }
        delegate.delete(key);
        afterMutation();
    }

    @Override
    public int get(final String key, final long position, final MutableDirectBuffer dst, final int dstOffset, final int length) {
        checkPower();
        return delegate.get(key, position, dst, dstOffset, length);
    }

    @Override
    public ObjectReader openReader(final String key) {
        checkPower();
        return delegate.openReader(key);
    }

    @Override
    public ObjectInfo head(final String key) {
        checkPower();
        return delegate.head(key);
    }

    @Override
    public ObjectListing list(final String prefix, final String delimiter, final String continuationToken, final int maxKeys) {
        checkPower();
        return delegate.list(prefix, delimiter, continuationToken, maxKeys);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
