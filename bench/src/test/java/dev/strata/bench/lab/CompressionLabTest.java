package dev.strata.bench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compression.BlockFrameDescriptor;
import dev.strata.compression.CodecType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressionLabTest {
    private static final List<CodecLevel> CODECS = List.of(new CodecLevel(CodecType.NONE, 0),
        new CodecLevel(CodecType.LZ4, 1), new CodecLevel(CodecType.ZSTD, 1), new CodecLevel(CodecType.ZSTD_DICT, 3));

    @Test
    void sizesAddUpForEveryCodec() {
        final Corpus corpus = BuiltInCorpus.generate();
        final List<CodecResult> results = new CompressionLab(LabSettings.sizesOnly(64 << 10))
            .run(corpus, CODECS, DictionaryTrainer.train(corpus), LabProgress.NONE);
        assertEquals(CODECS, results.stream().map(CodecResult::codec).toList());
        for (CodecResult r : results) {
            final int header = BlockFrameDescriptor.headerLength(r.codec().type() == CodecType.ZSTD_DICT);
            assertEquals(48, r.blocks(), r.codec() + " blocks");
            assertEquals(corpus.totalBytes(), r.uncompressedBytes());
            assertEquals(r.payloadBytes() + (long)header * r.blocks(), r.frameBytes(), r.codec() + " frame bytes");
            assertTrue(Double.isNaN(r.compressMBps()) && Double.isNaN(r.decompressMBps()), "untimed");
        }
        assertEquals(corpus.totalBytes(), results.get(0).payloadBytes(), "none stores the data as is");
        assertTrue(results.get(2).ratio() > 2.5, "zstd:1 on the built-in corpus: " + results.get(2).ratio());
    }

    @Test
    void timedRunReportsThroughputAndWholeFileBlocks() {
        final Corpus corpus = BuiltInCorpus.generate();
        final List<CodecResult> results = new CompressionLab(LabSettings.timed(LabSettings.WHOLE_FILE, 0, 0))
            .run(corpus, List.of(new CodecLevel(CodecType.LZ4, 1)), null, LabProgress.NONE);
        final CodecResult lz4 = results.get(0);
        assertEquals(4, lz4.blocks(), "one block per file");
        assertTrue(lz4.compressMBps() > 0 && lz4.decompressMBps() > 0, lz4.toString());
    }
}
