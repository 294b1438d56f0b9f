package dev.strata.bench.lab.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import dev.strata.bench.lab.LabInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each trace format, plain and compressed, and the one-line errors for files that are not what they claim. */
class TraceReaderTest {
    @TempDir
    Path tmp;

    @Test
    void lirsSkipsCheckpointMarkersAndBlankLines() throws IOException {
        final Path file = Files.writeString(tmp.resolve("t.trace"), "5\n7\n*\n\n5\r\n  9 \n*\n-2\n");
        final Trace t = TraceReader.read(file, TraceFormat.LIRS);
        assertKeys(t, 5, 7, 5, 9, -2);
        assertEquals(3 + 1, t.distinct());
        assertFalse(t.weighted());
        assertEquals(0, t.id(0));
        assertEquals(0, t.id(2), "the same key, the same dense id");
        assertEquals(2, t.id(3));
    }

    @Test
    void gzipAndZstdAreRecognisedByTheirMagicBytes() throws IOException {
        final byte[] text = "1\n2\n*\n1\n".getBytes(StandardCharsets.US_ASCII);
        final Path gz = tmp.resolve("a.lirs");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text);
        }
        assertKeys(TraceReader.read(gz, TraceFormat.LIRS), 1, 2, 1);
        final Path zst = Files.write(tmp.resolve("b"), Zstd.compress(text));
        assertKeys(TraceReader.read(zst, TraceFormat.LIRS), 1, 2, 1);
    }

    @Test
    void arcLinesStandForRunsOfBlocks() throws IOException {
        final Path file = Files.writeString(tmp.resolve("t.arc"), "100 3 0 1\n7 1 0 2\n100 2 5 3\n");
        assertKeys(TraceReader.read(file, TraceFormat.ARC), 100, 101, 102, 7, 100, 101);
    }

    @Test
    void oracleGeneralRecordsCarryIdsAndSizes() throws IOException {
        final Path file = oracle(tmp.resolve("t.oracleGeneral.bin"), new long[][] {{10, 512, 3}, {11, 4096, -1}, {10, 512, -1}});
        final Trace t = TraceReader.read(file, TraceFormat.ORACLE_GENERAL);
        assertKeys(t, 10, 11, 10);
        assertTrue(t.weighted());
        assertEquals(4096, t.size(1));
        assertEquals(512 + 4096, t.footprint());
        final Path zst = Files.write(tmp.resolve("t.bin.zst"), Zstd.compress(Files.readAllBytes(file)));
        assertKeys(TraceReader.read(zst, TraceFormat.ORACLE_GENERAL), 10, 11, 10);
    }

    @Test
    void csvTakesKeysWithOrWithoutSizesAndAHeader() throws IOException {
        final Trace plain = TraceReader.read(Files.writeString(tmp.resolve("a.csv"), "key\n3\n4\n3\n"), TraceFormat.CSV);
        assertKeys(plain, 3, 4, 3);
        assertFalse(plain.weighted());
        final Trace sized = TraceReader.read(Files.writeString(tmp.resolve("b.csv"), "1,100\nuser:42, 250\n1,100\n"), TraceFormat.CSV);
        assertTrue(sized.weighted());
        assertEquals(3, sized.length());
        assertEquals(Hashing.textKey("user:42"), sized.key(1), "a text key is hashed");
        assertEquals(250, sized.size(1));
        assertEquals(350, sized.footprint());
    }

    @Test
    void unusableFilesEndInOneLineErrors() throws IOException {
        assertError(tmp.resolve("missing"), TraceFormat.LIRS, "trace file does not exist: " + tmp.resolve("missing"));
        assertError(tmp, TraceFormat.LIRS, "is a directory");
        assertError(Files.writeString(tmp.resolve("empty"), ""), TraceFormat.LIRS, "holds no request (format lirs)");
        assertError(Files.writeString(tmp.resolve("stars"), "*\n*\n"), TraceFormat.LIRS, "holds no request");
        assertError(Files.writeString(tmp.resolve("words"), "1\n2\nthree\n"), TraceFormat.LIRS, "line 3 is not lirs: expected a block number, found 't'");
        assertError(Files.writeString(tmp.resolve("two"), "1 2\n"), TraceFormat.LIRS, "line 1 is not lirs: expected one integer per line");
        assertError(Files.writeString(tmp.resolve("arc"), "1\n"), TraceFormat.ARC, "line 1 is not arc: expected a space after the start block");
        final Path oracle = oracle(tmp.resolve("o.bin"), new long[][] {{1, 512, -1}});
        assertError(oracle, TraceFormat.LIRS, "line 1 is not lirs");
        assertError(Files.writeString(tmp.resolve("lirs-as-oracle"), "1\n2\n3\n"), TraceFormat.ORACLE_GENERAL,
            "is not oracle-general: it ends in a partial record of 6 bytes after 0 records");
        assertError(Files.writeString(tmp.resolve("text24"), "123456789012345678901234"), TraceFormat.ORACLE_GENERAL,
            "is not oracle-general: record 0 says its object's next request is 3761405300628338743, but the trace has 1 requests");
        assertError(Files.writeString(tmp.resolve("mixed.csv"), "1,100\n2\n"), TraceFormat.CSV, "line 2 is not csv: no size, but earlier lines have one");
        assertError(Files.writeString(tmp.resolve("neg.csv"), "1,-5\n"), TraceFormat.CSV, "object size -5 is out of range");
    }

    private void assertError(final Path file, final TraceFormat format, final String expected) {
        final LabInputException e = assertThrows(LabInputException.class, () -> TraceReader.read(file, format));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    static void assertKeys(final Trace t, final long... keys) {
        assertEquals(keys.length, t.length(), "requests");
        for (int i = 0; i < keys.length; i++) {
            assertEquals(keys[i], t.key(i), "key of request " + i);
        }
    }

    /** Writes oracleGeneral records {id, size, next} (time = index). */
    static Path oracle(final Path file, final long[][] records) throws IOException {
        final ByteBuffer b = ByteBuffer.allocate(records.length * TraceReader.ORACLE_RECORD).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < records.length; i++) {
            b.putInt(i).putLong(records[i][0]).putInt((int)records[i][1]).putLong(records[i][2]);
        }
        return Files.write(file, b.array());
    }
}
