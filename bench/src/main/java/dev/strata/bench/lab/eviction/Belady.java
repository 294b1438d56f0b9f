package dev.strata.bench.lab.eviction;

import java.util.Arrays;

/**
 * Bélády's OPT (MIN): on a miss with the cache full, evict the resident object whose next request
 * is farthest in the future (never requested again counts as farthest). For a cache counted in
 * entries this is the optimal demand-paging policy, the upper limit of every online policy.
 *
 * <p>For a byte-weighted trace this is the variant libCacheSim calls {@code Belady}: the same rule
 * applied until the new object fits, ignoring sizes when choosing (not optimal for bytes, where the
 * problem is NP-hard, but the usual reference). Objects larger than the cache are not inserted.
 *
 * <h2>How</h2>
 * One backward pass gives each request the index of the next request for the same key. The
 * residents sit in a binary max-heap of {@code (next use << 32 | key id)} longs, with lazy
 * deletion: a hit pushes the key's new next use and leaves the old entry, which is recognised as
 * stale when it surfaces (its next use no longer equals the key's current one). Each request pushes
 * at most one entry, so the heap is an array of the trace's length and the replay allocates nothing.
 * Ties (several keys never used again) go to the highest key id; in entries the choice among them
 * cannot change the hit count, in bytes it can, slightly: see docs/benchmarks.md.
 */
public final class Belady {
    /** The next use of a request whose key is never requested again. */
    static final int NEVER = Integer.MAX_VALUE;
    private static final int ABSENT = -1;

    private Belady() {
    }

    /** @return for each request, the index of the next request for the same key, or {@link #NEVER} */
    static int[] nextUses(final Trace trace) {
        final int[] ids = trace.ids();
        final int[] next = new int[ids.length];
        final int[] seen = new int[trace.distinct()];
        Arrays.fill(seen, NEVER);
        for (int i = ids.length - 1; i >= 0; i--) {
            next[i] = seen[ids[i]];
            seen[ids[i]] = i;
        }
        return next;
    }

    /**
     * @param nextUses {@link #nextUses} of {@code trace}, computed once for all capacities
     * @param capacity entries, or bytes for a byte-weighted trace; at least 1
     * @return OPT's hits and misses
     */
    public static SimResult replay(final Trace trace, final int[] nextUses, final long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        final int[] ids = trace.ids();
        final int[] sizes = trace.sizes();
        final int[] current = new int[trace.distinct()]; // the resident key's next use, or ABSENT
        Arrays.fill(current, ABSENT);
        final int[] weightOf = sizes == null ? null : new int[trace.distinct()];
        final long[] heap = new long[ids.length];
        int heapSize = 0;
        long used = 0;
        long hits = 0;
        long missBytes = 0;
        for (int i = 0; i < ids.length; i++) {
            final int id = ids[i];
            final int next = nextUses[i];
            if (current[id] != ABSENT) {
                hits++;
                current[id] = next;
                heapSize = push(heap, heapSize, (long)next << 32 | id);
                continue;
            }
            final int weight = sizes == null ? 1 : sizes[i];
            missBytes += weight;
            if (weight > capacity) {
                continue;
            }
            while (used + weight > capacity) {
                final long top = heap[0];
                heapSize = pop(heap, heapSize);
                final int victim = (int)top;
                if (current[victim] == (int)(top >>> 32)) {
                    current[victim] = ABSENT;
                    used -= weightOf == null ? 1 : weightOf[victim];
                }
            }
            current[id] = next;
            if (weightOf != null) {
                weightOf[id] = weight;
            }
            used += weight;
            heapSize = push(heap, heapSize, (long)next << 32 | id);
        }
        return new SimResult("OPT", capacity, ids.length, hits, missBytes);
    }

    private static int push(final long[] heap, final int size, final long value) {
        int i = size;
        while (i > 0) {
            final int parent = (i - 1) >>> 1;
            if (heap[parent] >= value) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = value;
        return size + 1;
    }

    private static int pop(final long[] heap, final int size) {
        final int n = size - 1;
        final long last = heap[n];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && heap[child + 1] > heap[child]) {
                child++;
            }
            if (heap[child] <= last) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (n > 0) {
            heap[i] = last;
        }
        return n;
    }
}
