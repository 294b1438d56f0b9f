package dev.strata.tier.object;

/** ETag helpers: S3 sends entity tags in double quotes; the SPI carries them bare. */
final class Etags {
    private Etags() {
    }

    /** @return {@code etag} without one pair of surrounding double quotes */
    static String unquote(final String etag) {
        if (etag.length() >= 2 && etag.charAt(0) == '"' && etag.charAt(etag.length() - 1) == '"') {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    /** @return {@code etag} in double quotes, the HTTP entity-tag syntax */
    static String quote(final String etag) {
        return '"' + unquote(etag) + '"';
    }

    /** @return lower-case hex of {@code bytes} */
    static String hex(final byte[] bytes) {
        final char[] digits = "0123456789abcdef".toCharArray();
        final char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = digits[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
