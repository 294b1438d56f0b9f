package dev.strata.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;
import java.util.List;

/**
 * A Zstd dictionary, trained from sample values or loaded from persisted bytes. Immutable and
 * shareable between threads; each {@link Codec} built from it holds its own native copy.
 *
 * <p>Small values (a few hundred bytes, e.g. JSON rows) compress far better with a dictionary
 * trained on similar values. The dictionary bytes must be persisted by the user of the frames
 * (the engine keeps them in its manifest); a frame records only the {@link #id()}.
 */
public final class ZstdDictionary {
    private final byte[] bytes;
    private final int id;

    private ZstdDictionary(final byte[] bytes, final int id) {
        this.bytes = bytes;
        this.id = id;
    }

    /**
     * Trains a dictionary from sample values (Zstd's COVER trainer).
     *
     * @param samples     sample values, ideally hundreds or more, each similar to what will be compressed
     * @param maxDictSize upper bound on the dictionary size in bytes (e.g. 16 KiB to 112 KiB)
     * @throws IllegalArgumentException if there are too few or too small samples to train from
     */
    public static ZstdDictionary train(final List<byte[]> samples, final int maxDictSize) {
        if (maxDictSize < 256) {
            throw new IllegalArgumentException("maxDictSize must be at least 256 bytes, got " + maxDictSize);
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("cannot train a dictionary from zero samples");
        }
        final byte[] buffer = new byte[maxDictSize];
        final long size;
        try {
            size = Zstd.trainFromBuffer(samples.toArray(new byte[0][]), buffer, false);
        } catch (final ZstdException e) { // zstd-jni throws for most trainer errors instead of returning them
            throw cannotTrain(samples.size(), e.getMessage(), e);
        }
        if (Zstd.isError(size)) {
            throw cannotTrain(samples.size(), Zstd.getErrorName(size), null);
        }
        return of(Arrays.copyOf(buffer, (int)size));
    }

    private static IllegalArgumentException cannotTrain(final int samples, final String reason, final Throwable cause) {
        return new IllegalArgumentException("Zstd could not train a dictionary from " + samples
            + " samples (" + reason + "): give more and larger samples", cause);
    }

    /**
     * Loads a dictionary from its persisted bytes.
     *
     * @throws IllegalArgumentException if the bytes are not a Zstd dictionary with an id
     */
    public static ZstdDictionary of(final byte[] dictionaryBytes) {
        final byte[] copy = dictionaryBytes.clone();
        final long id = Zstd.getDictIdFromDict(copy);
        if (id == 0) {
            throw new IllegalArgumentException("these " + copy.length + " bytes are not a Zstd dictionary with an id");
        }
        return new ZstdDictionary(copy, (int)id);
    }

    /** @return the dictionary id, written into every frame compressed with it (never 0) */
    public int id() {
        return id;
    }

    /** @return a copy of the dictionary bytes, for persisting */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** @return the dictionary size in bytes */
    public int size() {
        return bytes.length;
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    @Override
    public String toString() {
        return "ZstdDictionary{id=" + Integer.toUnsignedString(id) + ", size=" + bytes.length + "}";
    }
}
