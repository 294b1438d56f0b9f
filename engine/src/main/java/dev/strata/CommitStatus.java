package dev.strata;

/** The outcome of {@link Transaction#commit()}. Failures that are not expected outcomes are exceptions. */
public enum CommitStatus {
    /** All writes are applied atomically and visible (and durable as the sync policy says). */
    COMMITTED,
    /**
     * Nothing was written: a concurrent commit changed what this transaction read (serializable) or
     * wrote (snapshot). Retry the whole unit of work, for example with {@link Transactions#run}.
     */
    CONFLICT,
    /** Nothing was written: the write stall limit ({@code StoreConfig.maxWriteStallMillis}) passed. Retry later. */
    BACK_PRESSURED
}
