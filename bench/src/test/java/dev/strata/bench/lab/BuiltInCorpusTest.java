package dev.strata.bench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInCorpusTest {
    /** Pinned: a change here means the built-in corpus changed, and with it every lab result on it. */
    private static final String SHA256 = "201a51fd750a5b77211a07d30b15bf901f0485921c1c5d8bdc0c27eebe857818";

    @Test
    void isIdenticalOnEveryRun() {
        final Corpus first = BuiltInCorpus.generate();
        final Corpus second = BuiltInCorpus.generate();
        assertEquals(first.sha256(), second.sha256());
        assertEquals(SHA256, first.sha256(), "built-in corpus bytes changed (seed 0x" + Long.toHexString(BuiltInCorpus.SEED) + ")");
    }

    @Test
    void hasTheDocumentedFilesAndSizes() {
        final Corpus corpus = BuiltInCorpus.generate();
        assertEquals(List.of("text.txt", "records.jsonl", "columns.bin", "random.bin"),
            corpus.files().stream().map(CorpusFile::name).toList());
        assertEquals(3L << 20, corpus.totalBytes());
        assertEquals(3, BuiltInCorpus.compressible().files().size());
    }
}
