package dev.strata.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad argument ends as exit status 2 and exactly one line on stderr, with no stack trace. */
class BadArgumentsTest {
    @TempDir
    static Path tmp;

    static List<Arguments> cases() throws IOException {
        final Path empty = Files.createDirectories(tmp.resolve("empty"));
        final Path out = tmp.resolve("out");
        final List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(List.of("lab", "compression", "--corpus", tmp.resolve("missing").toString()),
            "corpus path does not exist: " + tmp.resolve("missing")));
        cases.add(Arguments.of(List.of("lab", "compression", "--corpus", empty.toString()), "contains no files"));
        cases.add(Arguments.of(List.of("lab", "compression", "--codecs", "lz4,brotli"), "unknown codec 'brotli': use one of none, lz4, lz4hc, zstd, zstd-dict, deflate"));
        cases.add(Arguments.of(List.of("lab", "compression", "--levels", "zstd=30"), "level 30 is out of range for codec zstd: use -131072 to 22"));
        cases.add(Arguments.of(List.of("lab", "compression", "--levels", "lz4hc=9,13"), "level 13 is out of range for codec lz4hc: use 1 to 12"));
        cases.add(Arguments.of(List.of("lab", "compression", "--levels", "zstd=fast"), "level 'fast' for codec zstd is not an integer"));
        cases.add(Arguments.of(List.of("lab", "compression", "--levels", "zstd"), "--levels 'zstd' is not CODEC=LEVEL[,LEVEL...]"));
        cases.add(Arguments.of(List.of("lab", "compression", "--codecs", "lz4", "--levels", "zstd=3"), "--levels names codec zstd, which --codecs leaves out"));
        cases.add(Arguments.of(List.of("lab", "compression", "--block-size", "5000"), "block size 5000 (5000 bytes) is not a power of two"));
        cases.add(Arguments.of(List.of("lab", "compression", "--block-size", "3m"), "is not a power of two"));
        cases.add(Arguments.of(List.of("lab", "compression", "--block-size", "2g"), "is not a power of two from 256 to 1g"));
        cases.add(Arguments.of(List.of("lab", "compression", "--block-size", "big"), "block size 'big' is not a size"));
        cases.add(Arguments.of(List.of("lab", "compression", "--min-time", "soon"), "--min-time 'soon' is not a time"));
        cases.add(Arguments.of(List.of("lab", "compression", "--corpus"), "Missing required parameter for option '--corpus'"));
        cases.add(Arguments.of(List.of("lab", "compression", "--bogus"), "Unknown option: '--bogus'"));
        cases.add(Arguments.of(List.of("lab", "nonsense"), "Unmatched argument at index 1: 'nonsense'"));
        cases.add(Arguments.of(List.of("lab", "compression", "--codecs", "zstd-dict", "--corpus", tinyFile().toString(), "--out", out.toString()),
            "too small to train a zstd-dict dictionary"));
        cases.add(Arguments.of(List.of("bench", "-nosuchjmhoption"), "bad JMH arguments"));
        return cases;
    }

    private static Path tinyFile() throws IOException {
        return Files.writeString(tmp.resolve("tiny.txt"), "only a few bytes");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void failsWithOneLineAndStatus2(final List<String> args, final String expected) {
        assertOneLineUsageError(CliRun.of(args.toArray(new String[0])), expected);
    }

    @Test
    void unreadableCorpusFile() throws IOException {
        final Path file = Files.writeString(tmp.resolve("secret.txt"), "not for you");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable, so this case cannot be made");
        assertOneLineUsageError(CliRun.of("lab", "compression", "--corpus", file.toString()), "cannot read corpus file " + file + ": permission denied");
    }

    @Test
    void noCommandPrintsUsageAndFails() {
        final CliRun run = CliRun.of();
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: strata"), run.err());
    }

    static void assertOneLineUsageError(final CliRun run, final String expected) {
        assertEquals(2, run.exitCode(), "exit status; stderr: " + run.err());
        assertEquals(1, run.errLines().length, "exactly one line on stderr: " + run.err());
        final String line = run.errLines()[0];
        assertTrue(line.startsWith("strata: error: "), line);
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
        assertEquals("", run.out(), "nothing on stdout");
    }
}
