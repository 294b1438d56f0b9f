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
 *
 * <p>Listings keep only keys of exactly these shapes ({@link #isSealed}, {@link #isPartsPrefix},
 * {@link #isPart}): anything else under the prefix is not the tier's. A store may list objects of
 * its own there; S3Proxy's filesystem store, for one, briefly lists the temporary file of a PUT in
 * progress ({@code <key>-<uuid>}), which must not be taken for a segment.
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

    /** @return whether {@code key} is a sealed-segment key of this tier ({@link #sealedPrefix()} + 20 digits) */
    boolean isSealed(final String key) {
        return key.length() == prefix.length() + SEGMENTS.length() + ID_DIGITS && key.startsWith(sealedPrefix())
            && digits(key, key.length() - ID_DIGITS, key.length());
    }

    /** @return whether {@code common} is a parts common prefix of this tier ({@link #partsRoot()} + 20 digits + '/') */
    boolean isPartsPrefix(final String common) {
        return common.length() == prefix.length() + PARTS.length() + ID_DIGITS + 1 && common.startsWith(partsRoot())
            && common.endsWith("/") && digits(common, common.length() - 1 - ID_DIGITS, common.length() - 1);
    }

    /** @return whether {@code key} is a part key of the segment whose parts prefix is {@code partsOf} (+ 10 digits) */
    static boolean isPart(final String partsOf, final String key) {
        return key.length() == partsOf.length() + PART_DIGITS && key.startsWith(partsOf) && digits(key, partsOf.length(), key.length());
    }

    private static boolean digits(final String s, final int from, final int to) {
        for (int i = from; i < to; i++) {
            final char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
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
