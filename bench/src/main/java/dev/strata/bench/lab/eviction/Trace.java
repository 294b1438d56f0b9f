package dev.strata.bench.lab.eviction;

/**
 * A request trace held in primitive arrays: the key of each request, its dense key id
 * ({@code 0 .. distinct - 1}, in order of first appearance) and, for a byte-weighted trace, the
 * object's size in bytes. Built by {@link TraceBuilder}, {@link TraceReader} or
 * {@link SyntheticWorkload}. Immutable by convention: the simulators only read the arrays.
 */
public final class Trace {
    private final String name;
    private final long[] keys;
    private final int[] ids;
    private final int distinct;
    private final int[] sizes;

    Trace(final String name, final long[] keys, final int[] ids, final int distinct, final int[] sizes) {
        this.name = name;
        this.keys = keys;
        this.ids = ids;
        this.distinct = distinct;
        this.sizes = sizes;
    }

    /** @return what the trace is: a file name or a synthetic spec */
    public String name() {
        return name;
    }

    /** @return the number of requests */
    public int length() {
        return keys.length;
    }

    /** @return the number of distinct keys */
    public int distinct() {
        return distinct;
    }

    /** @return whether requests carry object sizes (capacities are then in bytes) */
    public boolean weighted() {
        return sizes != null;
    }

    /** @return the key of request {@code i} */
    public long key(final int i) {
        return keys[i];
    }

    /** @return the dense id of request {@code i}'s key */
    public int id(final int i) {
        return ids[i];
    }

    /** @return the object size of request {@code i} in bytes, 1 for a trace without sizes */
    public int size(final int i) {
        return sizes == null ? 1 : sizes[i];
    }

    /** @return the sum of the sizes of the distinct objects (their last size): the cache that holds everything */
    public long footprint() {
        if (sizes == null) {
            return distinct;
        }
        final int[] last = new int[distinct];
        for (int i = 0; i < keys.length; i++) {
            last[ids[i]] = sizes[i];
        }
        long total = 0;
        for (int s : last) {
            total += s;
        }
        return total;
    }

    long[] keys() {
        return keys;
    }

    int[] ids() {
        return ids;
    }

    int[] sizes() {
        return sizes;
    }
}
