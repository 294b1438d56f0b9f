package dev.strata.tier.object;

import dev.strata.tier.TierStats;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of an {@link ObjectTier}; updated with atomics, so reading and counting allocate nothing. */
final class ObjectTierStats implements TierStats {
    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong appends = new AtomicLong();
    final AtomicLong reads = new AtomicLong();
    final AtomicLong syncs = new AtomicLong();
    final AtomicLong puts = new AtomicLong();

    @Override
    public long bytesWritten() {
        return bytesWritten.get();
    }

    @Override
    public long bytesRead() {
        return bytesRead.get();
    }

    @Override
    public long appends() {
        return appends.get();
    }

    @Override
    public long reads() {
        return reads.get();
    }

    @Override
    public long syncs() {
        return syncs.get();
    }

    /** @return object PUTs issued (parts, sealed segments, metadata): the cost driver on S3 */
    public long puts() {
        return puts.get();
    }

    /** @return {@code "ranged-get"}: every read is a ranged GET of the segment's object (mapped file reads on the local store) */
    @Override
    public String readPath() {
        return "ranged-get";
    }

    @Override
    public String toString() {
        return "ObjectTierStats{bytesWritten=" + bytesWritten + ", bytesRead=" + bytesRead + ", appends=" + appends + ", reads=" + reads
            + ", syncs=" + syncs + ", puts=" + puts + '}';
    }
}
