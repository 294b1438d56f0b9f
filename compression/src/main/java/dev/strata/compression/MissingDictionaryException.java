package dev.strata.compression;

/**
 * A frame was compressed with a Zstd dictionary that the reader does not hold, or a codec was
 * given data compressed with a different dictionary. Register the dictionary with
 * {@link FrameReader#addDictionary(ZstdDictionary)} (dictionaries are persisted by whoever wrote
 * the frames, e.g. the engine's manifest).
 */
public final class MissingDictionaryException extends CompressionException {
    private static final long serialVersionUID = 1L;

    private final int dictionaryId;

    public MissingDictionaryException(final int dictionaryId, final String message) {
        super(message);
        this.dictionaryId = dictionaryId;
    }

    /** @return the dictionary id the data needs */
    public int dictionaryId() {
        return dictionaryId;
    }
}
