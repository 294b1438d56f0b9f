package dev.strata.compression.testsupport;

import dev.strata.compression.ZstdDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Zstd dictionaries trained once per JVM from generated samples. The samples come from fixed seeds,
 * and Zstd's trainer is deterministic, so the ids are the same on every run.
 */
public final class TestDictionaries {
    private static ZstdDictionary json;
    private static ZstdDictionary text;

    private TestDictionaries() {
    }

    /** @return a dictionary trained on JSON-like records ({@link TestData#jsonRecord}) */
    public static synchronized ZstdDictionary json() {
        if (json == null) {
            json = ZstdDictionary.train(TestData.jsonSamples(1L, 2_000), 16 * 1024);
        }
        return json;
    }

    /** @return a different dictionary (trained on word text), whose id differs from {@link #json()} */
    public static synchronized ZstdDictionary text() {
        if (text == null) {
            final Random rnd = new Random(2L);
            final List<byte[]> samples = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                samples.add(TestData.compressible(rnd, 100 + rnd.nextInt(200)));
            }
            text = ZstdDictionary.train(samples, 8 * 1024);
        }
        return text;
    }
}
