package dev.strata.bench.lab;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose output depends only on its
 * seed, written out here so that generated data is identical on every JVM and JDK version
 * ({@link java.util.SplittableRandom} documents no such guarantee for its derived methods).
 * Not thread-safe.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(final long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = state += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a value in {@code [0, bound)} (bound > 0); the modulo bias is irrelevant here */
    public int nextInt(final int bound) {
        return (int)((nextLong() >>> 1) % bound);
    }

    /** @return a value in {@code [origin, origin + span)} */
    public int nextInt(final int origin, final int span) {
        return origin + nextInt(span);
    }

    /** @return a uniform double in {@code [0, 1)} from the top 53 bits */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
