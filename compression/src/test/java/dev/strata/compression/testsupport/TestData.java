package dev.strata.compression.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic test inputs of known compressibility, all driven by a caller's {@link Random}. */
public final class TestData {
    private static final String[] WORDS = {
        "block", "segment", "tier", "codec", "frame", "strata", "memtable", "compaction", "replica", "quorum",
    };
    private static final String[] CITIES = {"Lisbon", "Oslo", "Lima", "Pune", "Quito", "Riga", "Turin", "Yerevan"};

    private TestData() {
    }

    /** @return uniformly random bytes: incompressible */
    public static byte[] random(final Random rnd, final int length) {
        final byte[] b = new byte[length];
        rnd.nextBytes(b);
        return b;
    }

    /** @return text made of a few repeated words: compresses well with every codec */
    public static byte[] compressible(final Random rnd, final int length) {
        final byte[] b = new byte[length];
        int i = 0;
        while (i < length) {
            final byte[] word = WORDS[rnd.nextInt(WORDS.length)].getBytes(StandardCharsets.US_ASCII);
            for (int j = 0; j < word.length && i < length; j++) {
                b[i++] = word[j];
            }
            if (i < length) {
                b[i++] = ' ';
            }
        }
        return b;
    }

    /** @return runs of random bytes, repeated text and zeros, in random order */
    public static byte[] mixed(final Random rnd, final int length) {
        final byte[] b = new byte[length];
        int i = 0;
        while (i < length) {
            final int run = Math.min(length - i, 1 + rnd.nextInt(2048));
            final byte[] part;
            switch (rnd.nextInt(3)) {
                case 0: part = random(rnd, run); break;
                case 1: part = compressible(rnd, run); break;
                default: part = new byte[run]; break;
            }
            System.arraycopy(part, 0, b, i, run);
            i += run;
        }
        return b;
    }

    /** @return one JSON-like record, similar to the values a Zstd dictionary is trained for */
    public static byte[] jsonRecord(final Random rnd) {
        final int id = rnd.nextInt(1_000_000);
        final String json = "{\"id\":" + id
            + ",\"user\":\"user-" + rnd.nextInt(10_000) + "\""
            + ",\"email\":\"user" + rnd.nextInt(10_000) + "@example.com\""
            + ",\"city\":\"" + CITIES[rnd.nextInt(CITIES.length)] + "\""
            + ",\"active\":" + rnd.nextBoolean()
            + ",\"score\":" + rnd.nextInt(100) + "." + rnd.nextInt(10)
            + ",\"tags\":[\"" + WORDS[rnd.nextInt(WORDS.length)] + "\",\"" + WORDS[rnd.nextInt(WORDS.length)] + "\"]"
            + ",\"created\":\"2024-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10) + "T12:00:00Z\"}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return JSON-like records concatenated up to {@code length} bytes */
    public static byte[] json(final Random rnd, final int length) {
        final byte[] b = new byte[length];
        int i = 0;
        while (i < length) {
            final byte[] rec = jsonRecord(rnd);
            final int n = Math.min(rec.length, length - i);
            System.arraycopy(rec, 0, b, i, n);
            i += n;
        }
        return b;
    }

    /** @return {@code count} JSON-like records from a fixed seed (training samples) */
    public static List<byte[]> jsonSamples(final long seed, final int count) {
        final Random rnd = new Random(seed);
        final List<byte[]> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(jsonRecord(rnd));
        }
        return samples;
    }
}
