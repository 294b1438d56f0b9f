package dev.strata.tier.object;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks that serialise check-and-rename per key inside one JVM. They are static and
 * indexed by the store's root and the key, so two {@link LocalObjectStore} instances on the same
 * directory in one process (a tier reopened after a simulated crash, say) still exclude each other.
 * 256 stripes: contention between unrelated keys is rare and the table stays small.
 */
final class KeyLocks {
    private static final int STRIPES = 256;
    private static final ReentrantLock[] LOCKS = new ReentrantLock[STRIPES];

    static {
        for (int i = 0; i < STRIPES; i++) {
            LOCKS[i] = new ReentrantLock();
        }
    }

    private KeyLocks() {
    }

    /** @return the lock for {@code key} in the store rooted at {@code root} (a canonical path string) */
    static ReentrantLock lockFor(final String root, final String key) {
        int h = root.hashCode() * 31 + key.hashCode();
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return LOCKS[h & (STRIPES - 1)];
    }
}
