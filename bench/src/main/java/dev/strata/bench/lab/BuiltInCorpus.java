package dev.strata.bench.lab;

import java.util.List;

/**
 * The corpus the lab uses when none is given: 3 MiB generated in code from a fixed seed, so every
 * run on every machine compresses identical bytes (a test pins their SHA-256).
 *
 * <table>
 *   <caption>files</caption>
 *   <tr><th>name</th><th>bytes</th><th>content</th></tr>
 *   <tr><td>text.txt</td><td>1 MiB</td><td>English-like prose (Zipf-distributed words)</td></tr>
 *   <tr><td>records.jsonl</td><td>1 MiB</td><td>JSON lines: user records</td></tr>
 *   <tr><td>columns.bin</td><td>768 KiB</td><td>numeric columns: timestamps, ids, readings, counters</td></tr>
 *   <tr><td>random.bin</td><td>256 KiB</td><td>random bytes (incompressible)</td></tr>
 * </table>
 */
public final class BuiltInCorpus {
    /** The seed every file derives from (each file uses its own stream: seed + file index). */
    public static final long SEED = 0x57A7A_C0DEC_5EEDL;

    public static final int TEXT_BYTES = 1 << 20;
    public static final int JSON_BYTES = 1 << 20;
    public static final int COLUMN_BYTES = 768 << 10;
    public static final int RANDOM_BYTES = 256 << 10;

    private BuiltInCorpus() {
    }

    /** @return the four files, freshly generated (about 100 ms) */
    public static Corpus generate() {
        return new Corpus("built-in (seed 0x" + Long.toHexString(SEED) + ")", List.of(
            new CorpusFile("text.txt", SyntheticData.text(new SplitMix64(SEED), TEXT_BYTES)),
            new CorpusFile("records.jsonl", SyntheticData.jsonLines(new SplitMix64(SEED + 1), JSON_BYTES)),
            new CorpusFile("columns.bin", SyntheticData.columns(new SplitMix64(SEED + 2), COLUMN_BYTES)),
            new CorpusFile("random.bin", SyntheticData.random(new SplitMix64(SEED + 3), RANDOM_BYTES))));
    }

    /** @return the compressible part (text, JSON, columns), for benchmarks of compressible blocks */
    public static Corpus compressible() {
        final Corpus all = generate();
        return new Corpus(all.description() + ", compressible files", all.files().subList(0, 3));
    }
}
