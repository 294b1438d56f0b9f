package dev.strata.tier.object;

import dev.strata.tier.io.TierCounters;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of an {@link ObjectTier}: the common tier counters ({@code readPath} is
 * {@code "ranged-get"}: every read is a ranged GET of the segment's object, mapped file reads on the
 * local store) plus the PUTs issued, the cost driver on S3. Reading and counting allocate nothing.
 */
final class ObjectTierStats extends TierCounters {
    final AtomicLong puts = new AtomicLong();

    ObjectTierStats() {
        super("ranged-get");
    }

    /** @return object PUTs issued (parts, sealed segments, metadata) */
    public long puts() {
        return puts.get();
    }

    @Override
    public String toString() {
        return super.toString() + " puts=" + puts;
    }
}
