package dev.strata.engine.store;

import dev.strata.engine.wal.WalRecordBuilder;

/**
 * One writer's place in the commit queue: its encoded WAL record, its thread, and the outcome the
 * commit leader writes back. Intrusive (the queue links slots through {@link #next}), so queuing
 * allocates nothing. A slot belongs to one {@link dev.strata.WriteBatch} or to the store's pool of
 * single-write slots, and to one thread at a time.
 */
final class CommitSlot implements AutoCloseable {
    /** {@link #result} of a slot whose {@link Validator} found a conflict: nothing was written. */
    static final long CONFLICT = -3;

    /** A transaction's commit-time check, run by the commit leader just before it gives the slot its sequence numbers. */
    interface Validator {
        /**
         * @param groupFirst the first slot of this slot's group: the slots from it up to {@code self}
         *                   (excluding conflicted ones) precede {@code self} but are not yet in the memtable
         * @param self       the slot being validated
         * @return whether the transaction conflicts and must not be written
         */
        boolean conflicts(CommitSlot groupFirst, CommitSlot self);
    }

    /** Set by a transaction before {@code commit}; null for plain writes. */
    Validator validator;
    private final WalRecordBuilder builder = new WalRecordBuilder();
    Thread waiter;
    CommitSlot next;
    /** Sequence number given by the leader, acknowledged only once the group is applied. */
    long assigned;
    /** Written by the leader before {@link #done} is set: the commit sequence, or BACK_PRESSURED; 0 until acknowledged. */
    long result;
    RuntimeException failure;
    volatile boolean done;

    /** @return whether the leader refused this slot's record ({@link #CONFLICT}) */
    boolean conflicted() {
        return assigned == CONFLICT;
    }

    /** @return the record being built */
    WalRecordBuilder builder() {
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
