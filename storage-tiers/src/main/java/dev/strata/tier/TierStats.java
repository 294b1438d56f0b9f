package dev.strata.tier;

/**
 * Live counters of a tier. Reading a counter never allocates; values are monotonic and may be
 * read from any thread (they are updated without locks, so a snapshot of several is not atomic).
 */
public interface TierStats {
    long bytesWritten();

    long bytesRead();

    long appends();

    long reads();

    long syncs();

    /** @return how reads are served, e.g. {@code "mmap"}, {@code "pread"}, {@code "direct"}, {@code "buffered"}, {@code "ranged-get"} */
    String readPath();
}
