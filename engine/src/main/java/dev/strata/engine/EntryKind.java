package dev.strata.engine;

/**
 * What an internal key's value means. The code is persisted (WAL records, segments); a code is
 * never reused.
 */
public enum EntryKind {
    /** A tombstone: the key is deleted as of this sequence number. No value. */
    DELETE(0),
    /** A value. */
    PUT(1),
    /** A value with an expiry: the value starts with an 8-byte little-endian expiry time (epoch millis). */
    PUT_TTL(2);

    private static final EntryKind[] BY_CODE = {DELETE, PUT, PUT_TTL};

    private final int code;

    EntryKind(final int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** @return the kind with this code, or {@code null} if unknown (corrupt input) */
    public static EntryKind fromCode(final int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
