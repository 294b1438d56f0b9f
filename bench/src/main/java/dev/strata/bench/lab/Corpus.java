package dev.strata.bench.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The data a lab compresses: named files, in a fixed order, held on the heap.
 *
 * @param description where the data came from, for reports (e.g. a path or {@code "built-in"})
 * @param files       the files, in the order the lab processes them
 */
public record Corpus(String description, List<CorpusFile> files) {
    /** Largest corpus the lab accepts: Agrona buffers use {@code int} offsets. */
    public static final long MAX_TOTAL_BYTES = 1L << 30;

    public Corpus {
        files = List.copyOf(files);
    }

    /** @return the sum of the file lengths */
    public long totalBytes() {
        long total = 0;
        for (CorpusFile f : files) {
            total += f.length();
        }
        return total;
    }

    /** @return the SHA-256 of the file names and contents, as lowercase hex: identifies the corpus in reports */
    public String sha256() {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (CorpusFile f : files) {
            digest.update(f.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte)0);
            digest.update(f.data());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
