package dev.strata.engine.store;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A bounded, lock-free pool of reusable scratch objects (read contexts, commit slots) that the
 * store lends to one call at a time, so that calls on the store itself need no per-thread state
 * and allocate nothing once the pool holds enough objects. Acquire takes any free object (probing
 * from a slot chosen by the thread id, to spread threads out) or makes a new one; release puts it
 * back, or closes it if the pool is full.
 */
final class Pool<T extends AutoCloseable> implements AutoCloseable {
    private final AtomicReferenceArray<T> slots;
    private final int mask;
    private final Supplier<T> factory;

    /** @param size a power of two */
    Pool(final int size, final Supplier<T> factory) {
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
        this.factory = factory;
    }

    T acquire() {
        final int start = (int)Thread.currentThread().getId();
        for (int i = 0; i <= mask; i++) {
            final int index = (start + i) & mask;
            final T t = slots.get(index);
            if (t != null && slots.compareAndSet(index, t, null)) {
                return t;
            }
        }
        return factory.get();
    }

    void release(final T t) {
        final int start = (int)Thread.currentThread().getId();
        for (int i = 0; i <= mask; i++) {
            final int index = (start + i) & mask;
            if (slots.get(index) == null && slots.compareAndSet(index, null, t)) {
                return;
            }
        }
        closeQuietly(t);
    }

    /** Closes every pooled object (objects still lent out are closed by their borrowers' release after this). */
    @Override
    public void close() {
        for (int i = 0; i <= mask; i++) {
            final T t = slots.getAndSet(i, null);
            if (t != null) {
                closeQuietly(t);
            }
        }
    }

    private static void closeQuietly(final AutoCloseable t) {
        try {
            t.close();
        } catch (final Exception e) {
            throw new IllegalStateException("closing a pooled " + t.getClass().getSimpleName() + " failed", e);
        }
    }
}
