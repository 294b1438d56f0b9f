package dev.strata.bench.lab.eviction;

/**
 * One replay of a trace: a policy (or OPT, or the Caffeine reference) at one capacity.
 *
 * @param policy    the row's name, such as {@code LRU}, {@code OPT} or {@code Caffeine}
 * @param capacity  the cache capacity, in entries or (for a byte-weighted trace) bytes
 * @param requests  requests replayed
 * @param hits      requests found in the cache
 * @param missBytes bytes of the requests that missed (equals misses for a trace without sizes)
 */
public record SimResult(String policy, long capacity, long requests, long hits, long missBytes) {
    /** @return requests that missed */
    public long misses() {
        return requests - hits;
    }

    /** @return hits / requests, from 0 to 1 */
    public double hitRatio() {
        return requests == 0 ? 0 : (double)hits / requests;
    }
}
