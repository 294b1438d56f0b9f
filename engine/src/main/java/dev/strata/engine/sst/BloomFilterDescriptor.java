package dev.strata.engine.sst;

/**
 * Layout of a persisted bloom filter (little-endian).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     number of bits (m)                        |  0
 *  +---------------+---------------+-------------------------------+
 *  | probes (k)    | hash version  |           reserved (0)        |  4
 *  +---------------+---------------+-------------------------------+
 *  |                 bit array: m / 8 bytes, 64-bit words         ...  8
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * m is a multiple of 64. Hash version 1 = {@link dev.strata.engine.Hashing#hash64} with seed 0;
 * probe i tests bit {@code (h1 + i * h2) mod m} where h1 and h2 are the low and high halves of the
 * hash (Kirsch–Mitzenmacher double hashing). The enclosing segment checksums the filter.
 */
public final class BloomFilterDescriptor {
    public static final int BITS_OFFSET = 0;
    public static final int PROBES_OFFSET = 4;
    public static final int HASH_VERSION_OFFSET = 5;
    public static final int RESERVED_OFFSET = 6;
    public static final int HEADER_LENGTH = 8;
    public static final int HASH_VERSION = 1;

    private BloomFilterDescriptor() {
    }

    /** @return the persisted length of a filter with {@code bits} bits */
    public static int length(final int bits) {
        return HEADER_LENGTH + (bits >>> 3);
    }
}
