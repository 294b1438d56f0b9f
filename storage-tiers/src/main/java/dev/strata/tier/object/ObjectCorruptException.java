package dev.strata.tier.object;

import dev.strata.tier.TierIOException;

/**
 * Bytes read from an object (or a local store file) are not what the format requires: a wrong
 * magic number, an unsupported format version, a checksum mismatch or inconsistent lengths. The
 * message names the object or file, the offset and what was expected. Nothing is repaired
 * silently; restore the object from a replica or backup, or delete it if it is not needed.
 */
public class ObjectCorruptException extends TierIOException {
    private static final long serialVersionUID = 1L;

    public ObjectCorruptException(final String message) {
        super(message);
    }

    public ObjectCorruptException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
