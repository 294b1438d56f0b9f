package dev.strata.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.bench.lab.CompressionReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCompressionCommandTest {
    private static final long SEED = Long.getLong("strata.test.seed", 20_240_601L);
    private static final String[] WORDS = {"block", "cache", "segment", "replica", "quorum", "log", "commit", "key", "value"};

    @TempDir
    Path tmp;

    @Test
    void tinyRunWritesCsvAndJson() throws IOException {
        System.out.println("LabCompressionCommandTest seed " + SEED + " (replay with -Dstrata.test.seed=" + SEED + ")");
        final Path corpus = tinyCorpus(new Random(SEED));
        final Path out = tmp.resolve("results");
        final CliRun run = CliRun.of("lab", "compression", "--corpus", corpus.toString(), "--codecs", "none,lz4,zstd",
            "--levels", "zstd=1,3", "--block-size", "4k", "--min-time", "0", "--warmup", "0ms", "--out", out.toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("blocks: 4 KiB"), run.out());
        assertTrue(run.out().contains("wrote " + out.resolve("results.csv").toAbsolutePath()), run.out());

        final List<String> csv = Files.readAllLines(out.resolve(CompressionReport.CSV_FILE));
        assertEquals(CompressionReport.CSV_HEADER, csv.get(0));
        assertEquals(List.of("none,0", "lz4,1", "zstd,1", "zstd,3"), csv.subList(1, csv.size()).stream()
            .map(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1))).toList());
        final long total = Files.size(corpus.resolve("a.txt")) + Files.size(corpus.resolve("sub/b.txt"));
        for (String row : csv.subList(1, csv.size())) {
            final String[] cells = row.split(",", -1);
            assertEquals(11, cells.length, row);
            assertEquals("4096", cells[2], row);
            assertEquals(Long.toString(total), cells[4], row);
            assertTrue(Double.parseDouble(cells[8]) > 0 && Double.parseDouble(cells[9]) > 0, row);
        }

        final String json = Files.readString(out.resolve(CompressionReport.JSON_FILE));
        assertTrue(json.contains("\"lab\": \"compression\""), json);
        assertTrue(json.contains("\"blockSize\": 4096"), json);
        assertEquals(4, json.split("\"codec\": ", -1).length - 1, json);
        assertTrue(json.contains("\"codec\": \"zstd\",\n      \"level\": 3"), json);
    }

    @Test
    void defaultCodecsSkipTheDictionaryOnATinyCorpusWithAWarning() throws IOException {
        final Path corpus = tinyCorpus(new Random(SEED));
        final CliRun run = CliRun.of("lab", "compression", "--corpus", corpus.resolve("a.txt").toString(), "--block-size", "whole",
            "--min-time", "0", "--warmup", "0", "--out", tmp.resolve("r").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("strata: warning: skipping zstd-dict"), run.err());
        final List<String> csv = Files.readAllLines(tmp.resolve("r").resolve(CompressionReport.CSV_FILE));
        assertEquals(1 + 10, csv.size(), "every default codec and level but zstd-dict: " + csv);
    }

    /** Two small text files (one in a subdirectory) of seeded random words. */
    private Path tinyCorpus(final Random random) throws IOException {
        final Path dir = Files.createDirectories(tmp.resolve("corpus/sub"));
        Files.writeString(dir.getParent().resolve("a.txt"), words(random, 1500), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("b.txt"), words(random, 700), StandardCharsets.US_ASCII);
        Files.writeString(dir.getParent().resolve(".hidden"), "skipped", StandardCharsets.US_ASCII);
        return dir.getParent();
    }

    private static String words(final Random random, final int count) {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? '\n' : ' ');
        }
        return s.toString();
    }
}
