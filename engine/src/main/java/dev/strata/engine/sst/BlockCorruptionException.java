package dev.strata.engine.sst;

/**
 * A block passed its frame checksum but its contents do not parse (a writer bug or a checksum
 * collision). Raised instead of returning wrong data; the segment layer adds the file and offset.
 */
public final class BlockCorruptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BlockCorruptionException(final String message) {
        super(message);
    }
}
