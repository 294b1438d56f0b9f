package dev.strata.tier.object;

import java.nio.charset.StandardCharsets;

/** Key validation and ordering shared by the stores, so that both accept and sort the same keys. */
final class KeyRules {
    /** S3's key length limit in UTF-8 bytes. */
    static final int MAX_KEY_BYTES = 1024;

    private KeyRules() {
    }

    /** @throws IllegalArgumentException if the key is null, empty or longer than 1024 UTF-8 bytes */
    static void validate(final String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object key must be 1 to " + MAX_KEY_BYTES + " bytes of UTF-8, got " + (key == null ? "null" : "''"));
        }
        final int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("object key must be at most " + MAX_KEY_BYTES + " UTF-8 bytes, got " + bytes + ": " + key.substring(0, 64) + "...");
        }
    }

    /** @throws IllegalArgumentException unless {@code 1 <= maxKeys <= 1000} and the delimiter is null or non-empty */
    static void validateList(final String prefix, final String delimiter, final int maxKeys) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix must not be null; use \"\" to list every key");
        }
        if (delimiter != null && delimiter.isEmpty()) {
            throw new IllegalArgumentException("delimiter must be null (no roll-up) or non-empty");
        }
        if (maxKeys < 1 || maxKeys > ObjectStore.MAX_KEYS_PER_PAGE) {
            throw new IllegalArgumentException("maxKeys must be between 1 and " + ObjectStore.MAX_KEYS_PER_PAGE + ", got " + maxKeys);
        }
    }

    /**
     * Compares keys in UTF-8 byte order, the order S3 lists in. That is code point order, which
     * differs from {@link String#compareTo} (UTF-16 order) for characters above U+FFFF.
     */
    static int compareUtf8(final String a, final String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            final int ca = a.codePointAt(i);
            final int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** @throws IllegalArgumentException if the range is not inside a buffer of {@code capacity} bytes */
    static void checkRange(final long position, final int capacity, final int offset, final int length) {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
        if (offset < 0 || length < 0 || offset > capacity - length) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length + ") is outside the buffer of capacity " + capacity);
        }
    }
}
