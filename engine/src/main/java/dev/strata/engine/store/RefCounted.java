package dev.strata.engine.store;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resource shared by versions and readers: freed when the last reference goes. Starts with one
 * reference (its creator's).
 */
abstract class RefCounted {
    private final AtomicInteger refs = new AtomicInteger(1);

    /** @return {@code false} if the count already reached zero (the resource is gone) */
    final boolean tryRef() {
        for (;;) {
            final int n = refs.get();
            if (n <= 0) {
                return false;
            }
            if (refs.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    final void ref() {
        if (!tryRef()) {
            throw new IllegalStateException(this + " was already released");
        }
    }

    final void unref() {
        final int n = refs.decrementAndGet();
        if (n == 0) {
            free();
        } else if (n < 0) {
            throw new IllegalStateException(this + " released once too often");
        }
    }

    final int refCount() {
        return refs.get();
    }

    /** Frees the resource; runs once, on the thread that dropped the last reference. */
    abstract void free();
}
