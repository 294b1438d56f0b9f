package dev.strata.bench.lab;

/**
 * One named input of a {@link Corpus}.
 *
 * @param name a path relative to the corpus root (with {@code /} separators), or a generated name
 * @param data the bytes; shared, not copied: callers must not modify them
 */
public record CorpusFile(String name, byte[] data) {
    /** @return the length in bytes */
    public int length() {
        return data.length;
    }
}
