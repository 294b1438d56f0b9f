package dev.strata.tier.object;

/**
 * Object names of the {@link ObjectTier} under its prefix {@code P} (empty, or ending in {@code '/'}):
 * <pre>
 *   P + "segments/" + id(20 digits)                      a sealed segment
 *   P + "parts/" + id(20 digits) + "/" + part(10 digits)  part objects of an unsealed segment
 *   P + "metadata"                                       the metadata slot
 * </pre>
 * Ids are zero-padded decimal so that S3's lexicographic listing order is numeric order (ids are
 * non-negative, so 20 digits hold every one). Part 0 is the creation marker (a header, no payload);
 * parts 1, 2, ... hold the bytes of each {@code sync()}.
 */
final class ObjectTierKeys {
    static final String SEGMENTS = "segments/";
    static final String PARTS = "parts/";
    static final String METADATA = "metadata";
    private static final int ID_DIGITS = 20;
    private static final int PART_DIGITS = 10;

    private final String prefix;

    ObjectTierKeys(final String prefix) {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            throw new IllegalArgumentException("object tier prefix must be empty or end with '/', got '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    String sealed(final long id) {
        return prefix + SEGMENTS + pad(id, ID_DIGITS);
    }

    String sealedPrefix() {
        return prefix + SEGMENTS;
    }

    String partsRoot() {
        return prefix + PARTS;
    }

    String partsOf(final long id) {
        return prefix + PARTS + pad(id, ID_DIGITS) + '/';
    }

    String part(final long id, final int part) {
        return partsOf(id) + pad(part, PART_DIGITS);
    }

    String metadata() {
        return prefix + METADATA;
    }

    /** @return the id at the end of a sealed-segment key, or the id in a parts common prefix ({@code .../id/}) */
    static long idOf(final String key) {
        final int end = key.endsWith("/") ? key.length() - 1 : key.length();
        return Long.parseLong(key.substring(end - ID_DIGITS, end));
    }

    /** @return the part number at the end of a part key */
    static int partOf(final String key) {
        return Integer.parseInt(key.substring(key.length() - PART_DIGITS));
    }

    private static String pad(final long value, final int digits) {
        final String s = Long.toString(value);
        return "0".repeat(digits - s.length()) + s;
    }
}
