package dev.strata;

/**
 * Stored bytes failed verification (checksum, magic number, length or structure). Names the file
 * or segment, the offset and what was expected. Nothing corrupt is ever returned as data; run
 * {@code strata verify} on the store directory to list every corrupt place.
 */
public class CorruptionException extends StrataException {
    private static final long serialVersionUID = 1L;

    private final String location;
    private final long offset;

    public CorruptionException(final String location, final long offset, final String expected, final Throwable cause) {
        super("corrupt data in " + location + " at offset " + offset + ": " + expected, cause);
        this.location = location;
        this.offset = offset;
    }

    /** @return the file, segment or object that holds the corrupt bytes */
    public String location() {
        return location;
    }

    /** @return the byte offset of the corrupt structure within {@link #location()} */
    public long offset() {
        return offset;
    }
}
