package dev.strata.tier.io;

import java.util.concurrent.atomic.AtomicLong;

import dev.strata.tier.TierStats;

/** {@link TierStats} backed by atomic counters; updating one allocates nothing. */
public class TierCounters implements TierStats {
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong appends = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong syncs = new AtomicLong();
    private final String readPath;

    /** @param readPath how this tier serves reads, for {@link #readPath()} */
    public TierCounters(final String readPath) {
        this.readPath = readPath;
    }

    /** Counts one append of {@code bytes}. */
    public void onAppend(final int bytes) {
        appends.incrementAndGet();
        bytesWritten.addAndGet(bytes);
    }

    /** Counts one read of {@code bytes}. */
    public void onRead(final int bytes) {
        reads.incrementAndGet();
        bytesRead.addAndGet(bytes);
    }

    /** Counts one sync. */
    public void onSync() {
        syncs.incrementAndGet();
    }

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

    @Override
    public String readPath() {
        return readPath;
    }

    @Override
    public String toString() {
        return "TierStats{readPath=" + readPath + ", appends=" + appends() + ", bytesWritten=" + bytesWritten()
            + ", reads=" + reads() + ", bytesRead=" + bytesRead() + ", syncs=" + syncs() + '}';
    }
}
