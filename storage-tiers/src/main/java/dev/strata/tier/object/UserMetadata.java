package dev.strata.tier.object;

import java.util.Map;

/**
 * The rules for user metadata, shared by every store so that code tested on the local store
 * behaves the same on S3. S3 sends user metadata as {@code x-amz-meta-*} HTTP headers: names are
 * case-insensitive (S3 returns them lower-case) and values must be US-ASCII; the total is limited
 * to 2 KiB. We accept the subset that survives that round trip unchanged.
 */
public final class UserMetadata {
    /** Largest total of key and value lengths, as in S3. */
    public static final int MAX_TOTAL_BYTES = 2048;

    private UserMetadata() {
    }

    /**
     * @throws IllegalArgumentException naming the offending entry if a key is not {@code [a-z0-9-]+},
     *                                  a value is not printable US-ASCII, or the total exceeds 2 KiB
     */
    public static void validate(final Map<String, String> metadata) {
        int total = 0;
        for (final Map.Entry<String, String> e : metadata.entrySet()) {
            final String k = e.getKey();
            final String v = e.getValue();
            if (k == null || k.isEmpty() || !k.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                throw new IllegalArgumentException("user metadata key must match [a-z0-9-]+ (S3 lower-cases header names), got '" + k + "'");
            }
            if (v == null || !v.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException("user metadata value for '" + k + "' must be printable US-ASCII (it travels as an HTTP header), got '" + v + "'");
            }
            total += k.length() + v.length();
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException("user metadata must total at most " + MAX_TOTAL_BYTES + " bytes (S3's limit), got " + total);
        }
    }
}
