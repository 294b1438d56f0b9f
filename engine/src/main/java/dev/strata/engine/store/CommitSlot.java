package dev.strata.engine.store;

import dev.strata.engine.wal.WalRecordBuilder;

/**
 * One writer's place in the commit queue: its encoded WAL record, its thread, and the outcome the
 * commit leader writes back. Intrusive (the queue links slots through {@link #next}), so queuing
 * allocates nothing. A slot belongs to one {@link dev.strata.WriteBatch} or to the store's pool of
 * single-write slots, and to one thread at a time.
 */
public final class CommitSlot implements AutoCloseable {
    private final WalRecordBuilder builder = new WalRecordBuilder();
    Thread waiter;
    CommitSlot next;
    /** Sequence number given by the leader, acknowledged only once the group is applied. */
    long assigned;
    /** Written by the leader before {@link #done} is set: the commit sequence, or BACK_PRESSURED; 0 until acknowledged. */
    long result;
    RuntimeException failure;
    volatile boolean done;

    /** @return the record being built */
    public WalRecordBuilder builder() {
        return builder;
    }

    void prepare() {
        waiter = Thread.currentThread();
        next = null;
        result = 0;
        assigned = 0;
        failure = null;
        done = false;
    }

    @Override
    public void close() {
        builder.close();
    }
}
