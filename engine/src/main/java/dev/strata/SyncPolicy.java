package dev.strata;

/**
 * When the write-ahead log is made durable. What each one guarantees after a crash (power loss or
 * {@code kill -9}) is also what {@link StoreConfig#explain()} prints.
 */
public enum SyncPolicy {
    /**
     * Every write call returns only after its WAL record is on stable storage (fdatasync or the
     * tier's equivalent). Concurrent writers share one sync (group commit) with no artificial delay.
     * After a crash: every acknowledged write is present.
     */
    EVERY_COMMIT,
    /**
     * The WAL is synced in the background every {@link StoreConfig.Builder#syncInterval interval}
     * (and by any write that finds the interval elapsed). After a crash: writes acknowledged in the
     * last interval may be lost, but what survives is a prefix of the commit order (no holes, no
     * half batch).
     */
    EVERY_N_MS,
    /**
     * The WAL is written but synced only when a segment is sealed (memtable switch) or the store is
     * closed. After a process crash the operating system still writes the data out; after a power
     * cut any write since the last seal may be lost, but what survives is still a prefix of the
     * commit order.
     */
    NEVER
}
