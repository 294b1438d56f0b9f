package dev.strata.bench.lab.eviction;

import java.util.Arrays;

/**
 * Collects a trace's requests into growable primitive arrays, then builds the {@link Trace}. Sizes
 * are kept only for a byte-weighted trace.
 */
public final class TraceBuilder {
    private final String name;
    private final boolean weighted;
    private long[] keys = new long[1024];
    private int[] sizes;
    private int length;

    /**
     * @param name     what the trace is, for reports (a file name, a synthetic spec)
     * @param weighted whether requests carry object sizes in bytes
     */
    public TraceBuilder(final String name, final boolean weighted) {
        this.name = name;
        this.weighted = weighted;
        this.sizes = weighted ? new int[1024] : null;
    }

    /** Appends a request for {@code key} (unit weight). */
    public TraceBuilder add(final long key) {
        if (weighted) {
            throw new IllegalStateException("a byte-weighted trace needs a size with every request");
        }
        ensure();
        keys[length++] = key;
        return this;
    }

    /** Appends a request for {@code key} whose object is {@code size} bytes. */
    public TraceBuilder add(final long key, final int size) {
        if (!weighted) {
            throw new IllegalStateException("this trace counts entries: add keys without sizes");
        }
        if (size < 0) {
            throw new IllegalArgumentException("object size must be at least 0, got " + size);
        }
        ensure();
        sizes[length] = size;
        keys[length++] = key;
        return this;
    }

    /** @return the number of requests so far */
    public int length() {
        return length;
    }

    private void ensure() {
        if (length == keys.length) {
            if (length == Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a trace holds at most " + length + " requests");
            }
            final int grown = (int)Math.min(Integer.MAX_VALUE - 8L, length * 2L);
            keys = Arrays.copyOf(keys, grown);
            if (sizes != null) {
                sizes = Arrays.copyOf(sizes, grown);
            }
        }
    }

    /** @return the trace, with keys numbered densely in order of first appearance */
    public Trace build() {
        final long[] k = Arrays.copyOf(keys, length);
        final int[] ids = new int[length];
        final KeyIds numbering = new KeyIds(Math.min(length, 1 << 20));
        for (int i = 0; i < length; i++) {
            ids[i] = numbering.idOf(k[i]);
        }
        return new Trace(name, k, ids, numbering.size(), sizes == null ? null : Arrays.copyOf(sizes, length));
    }
}
