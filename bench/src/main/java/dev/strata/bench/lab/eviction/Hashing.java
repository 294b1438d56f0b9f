package dev.strata.bench.lab.eviction;

import java.nio.charset.StandardCharsets;

/** The lab's key hashing: a 64-bit finaliser for numeric keys, FNV-1a then the finaliser for text keys. */
public final class Hashing {
    private Hashing() {
    }

    /**
     * @return a well-mixed 64-bit hash of {@code key} (the MurmurHash3 {@code fmix64} finaliser: a
     *         bijection, so distinct keys keep distinct hashes)
     */
    public static long mix(final long key) {
        return dev.strata.engine.Hashing.fmix64(key);
    }

    /** @return a 64-bit key for a text key (FNV-1a over its UTF-8 bytes, then {@link #mix}) */
    public static long textKey(final String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }
}
