package dev.strata.tier.io;

import java.util.concurrent.atomic.AtomicInteger;

import dev.strata.tier.TierClosedException;

/**
 * Lets a reader be closed while other threads read, without freeing memory (an unmapped region, a
 * pooled buffer) under a read in progress: reads {@link #enter()} and {@link #exit()}; close marks
 * the guard closed and waits until no read is inside. Allocation-free.
 *
 * <p>Why this is safe: {@code enter} increments, then checks {@code closed}; {@code closeAndAwait}
 * sets {@code closed}, then checks the count. Both are volatile, so at least one side sees the
 * other (the Dekker pattern): a read either fails fast or is waited for.
 */
public final class ReadGuard {
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param what names the reader in the exception message
     * @throws TierClosedException if closed
     */
    public void enter(final Object what) {
        inFlight.incrementAndGet();
        if (closed) {
            inFlight.decrementAndGet();
            throw new TierClosedException(what + " is closed; open the segment again");
        }
    }

    /** Leaves after a read that entered. */
    public void exit() {
        inFlight.decrementAndGet();
    }

    /** @return whether {@link #closeAndAwait()} ran */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Marks the guard closed and waits for reads in progress to leave.
     *
     * @return {@code true} if this call closed it (the first call)
     */
    public synchronized boolean closeAndAwait() {
        if (closed) {
            return false;
        }
        closed = true;
        while (inFlight.get() != 0) {
            Thread.onSpinWait();
        }
        return true;
    }
}
