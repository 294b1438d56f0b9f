package dev.strata.engine.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit with a leader and followers, allocating nothing.
 *
 * <h2>How</h2>
 * A writer pushes its {@link CommitSlot} onto a lock-free stack, then tries to become the leader
 * (one compare-and-set). The leader takes the whole stack, reverses it into arrival order and
 * hands it to the {@link GroupWriter}, which appends every record to the log, syncs once, applies
 * them to the memtable and publishes them. The leader then marks each slot done and unparks its
 * thread. Writers that arrive while a leader works park; the next group is theirs.
 *
 * <h2>No lost wake-up</h2>
 * A writer that failed to lead pushed its slot before its compare-and-set, and that failure means
 * a leader was active. Every leader, after giving up leadership, looks at the stack again and
 * unparks the thread of the newest waiting slot, which then leads. So a pushed slot is always
 * either taken by a group or handed a leader.
 *
 * <h2>No artificial delay</h2>
 * A leader never waits for followers: the group is whoever arrived during the previous sync.
 */
final class CommitPipeline {
    /** Writes one group (in arrival order, linked through {@link CommitSlot#next}); sets each slot's result or failure. */
    interface GroupWriter {
        void writeGroup(CommitSlot first);
    }

    private final AtomicReference<CommitSlot> pending = new AtomicReference<>();
    private final AtomicBoolean leading = new AtomicBoolean();
    private final GroupWriter writer;
    private volatile boolean stopped;

    CommitPipeline(final GroupWriter writer) {
        this.writer = writer;
    }

    /** Commits the slot's record; returns when it is applied (and durable, as the sync policy says). */
    long commit(final CommitSlot slot) {
        slot.prepare();
        CommitSlot head;
        do {
            head = pending.get();
            slot.next = head;
        } while (!pending.compareAndSet(head, slot));
        while (!slot.done) {
            if (leading.compareAndSet(false, true)) {
                lead();
            } else if (stopped) {
                throw new dev.strata.StoreClosedException("the store was closed before this write was applied; it was not applied");
            } else {
                LockSupport.park(this);
            }
        }
        if (slot.failure != null) {
            throw slot.failure;
        }
        return slot.result;
    }

    /**
     * Runs {@code task} while holding leadership if no leader is active (for the background sync).
     *
     * @return whether it ran
     */
    boolean tryExclusive(final Runnable task) {
        if (!leading.compareAndSet(false, true)) {
            return false;
        }
        try {
            task.run();
        } finally {
            release();
        }
        return true;
    }

    /**
     * Waits until no leader is active and takes leadership for good (store close); writes still
     * queued fail with {@link dev.strata.StoreClosedException}, unapplied.
     */
    void stop() {
        while (!leading.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        stopped = true;
        CommitSlot s = pending.getAndSet(null);
        while (s != null) {
            final CommitSlot next = s.next;
            s.failure = new dev.strata.StoreClosedException("the store was closed before this write was applied; it was not applied");
            final Thread waiter = s.waiter;
            s.done = true;
            LockSupport.unpark(waiter);
            s = next;
        }
    }

    private void lead() {
        CommitSlot first = null;
        try {
            CommitSlot s = pending.getAndSet(null);
            while (s != null) {
                final CommitSlot next = s.next;
                s.next = first;
                first = s;
                s = next;
            }
            if (first != null) {
                writer.writeGroup(first);
            }
        } catch (final RuntimeException | Error e) {
            for (CommitSlot s = first; s != null; s = s.next) {
                if (s.failure == null && s.result == 0) {
                    s.failure = e instanceof RuntimeException ? (RuntimeException)e : new IllegalStateException(e);
                }
            }
            if (e instanceof Error) {
                complete(first);
                release();
                throw (Error)e;
            }
        }
        complete(first);
        release();
    }

    private static void complete(final CommitSlot first) {
        final Thread self = Thread.currentThread();
        CommitSlot s = first;
        while (s != null) {
            final CommitSlot next = s.next;
            final Thread waiter = s.waiter;
            s.done = true;
            if (waiter != self) {
                LockSupport.unpark(waiter);
            }
            s = next;
        }
    }

    private void release() {
        leading.set(false);
        final CommitSlot head = pending.get();
        if (head != null) {
            LockSupport.unpark(head.waiter);
        }
    }
}
