package dev.strata.bench.cli;

import static dev.strata.bench.cli.BadArgumentsTest.assertOneLineUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.strata.bench.lab.eviction.EvictionReport;
import dev.strata.engine.cache.EvictionPolicies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `strata lab eviction` end to end: the table, the CSV and HTML files, synthetic and captured traces, and bad input. */
class LabEvictionCommandTest {
    private static final long SEED = Long.getLong("strata.seed", System.nanoTime());

    @TempDir
    Path tmp;

    private Path lirsTrace() throws IOException {
        System.out.println("LabEvictionCommandTest seed " + SEED + " (replay with -Dstrata.seed=" + SEED + ")");
        final Random random = new Random(SEED);
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append((long)Math.pow(400, random.nextDouble())).append(i % 1000 == 999 ? "\n*\n" : "\n");
        }
        return Files.writeString(tmp.resolve("small.trace"), text);
    }

    @Test
    void replaysATraceFileAndWritesCsvAndHtml() throws IOException {
        final Path out = tmp.resolve("out");
        final CliRun run = CliRun.of("lab", "eviction", "--trace", lirsTrace().toString(), "--sizes", "50,10,100", "--out", out.toString(),
            "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        final String text = run.out();
        assertTrue(text.contains("trace: small.trace, 5,000 requests"), text);
        assertTrue(text.matches("(?s).*hit %\\s+10\\s+50\\s+100\\n.*"), "sizes sorted in the header:\n" + text);
        for (String row : new String[] {"\nLRU ", "\nOPT ", "\nCaffeine "}) {
            assertTrue(text.contains(row), "row " + row.strip() + " in:\n" + text);
        }
        assertTrue(text.contains("wrote " + out.resolve("results.csv").toAbsolutePath()), text);

        final List<String> csv = Files.readAllLines(out.resolve(EvictionReport.CSV_FILE));
        assertEquals(EvictionReport.CSV_HEADER, csv.get(0));
        assertEquals(1 + (EvictionPolicies.names().size() + 2) * 3, csv.size(), "a line per policy (and OPT, Caffeine) and size");
        for (String line : csv.subList(1, csv.size())) {
            final String[] cells = line.split(",");
            assertEquals("entries", cells[3], line);
            assertEquals("5000", cells[4], line);
            assertEquals(5000, Long.parseLong(cells[5]) + Long.parseLong(cells[6]), "hits + misses = requests: " + line);
        }
        final String html = Files.readString(out.resolve(EvictionReport.HTML_FILE));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<svg") && html.contains("</svg>"), "inline SVG");
        assertFalse(html.contains("<script") || html.contains("src=\"http") || html.contains("href=\"http"), "self-contained, no script");
        assertTrue(html.contains(">hit ratio (%)</text>") && html.contains(">cache size (entries)"), "labelled axes");
        assertEquals(EvictionPolicies.names().size() + 2, html.split("<polyline ", -1).length - 1, "one curve per policy, OPT and Caffeine");
        for (String name : EvictionPolicies.names()) {
            assertTrue(html.contains(">" + name + "</text>"), "legend entry " + name);
        }
    }

    @Test
    void syntheticRunsPrintTheirSeed() {
        final CliRun run = CliRun.of("lab", "eviction", "--synthetic", "zipf:0.9,keys=2k,n=20k", "--seed", "7", "--sizes", "100,400",
            "--policies", "lru", "--no-caffeine", "--out", tmp.resolve("s").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("seed 7 (replay: --synthetic 'zipf:0.9,keys=2k,n=20k' --seed 7)"), run.out());
        assertTrue(run.out().contains("\nLRU ") && run.out().contains("\nOPT ") && !run.out().contains("Caffeine "), run.out());
        final CliRun again = CliRun.of("lab", "eviction", "--synthetic", "zipf:0.9,keys=2k,n=20k", "--seed", "7", "--sizes", "100,400",
            "--policies", "lru", "--no-caffeine", "--out", tmp.resolve("s2").toString(), "--no-progress");
        assertEquals(run.out().replace(tmp.resolve("s").toString(), "X"), again.out().replace(tmp.resolve("s2").toString(), "X"), "replayable");
    }

    @Test
    void withoutASourceItRunsTheDefaultSyntheticWorkload() {
        final CliRun run = CliRun.of("lab", "eviction", "--policies", "lru,sieve", "--out", tmp.resolve("d").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("synthetic workload " + LabEvictionCommand.DEFAULT_SYNTHETIC + ", seed 1"), run.out());
        assertTrue(run.out().contains("200,000 requests, "), run.out());
        assertTrue(run.out().contains("\nSIEVE ") && run.out().contains("\nCaffeine "), run.out());
    }

    @Test
    void captureRecordsTheReadsOfARealStore() {
        final CliRun run = CliRun.of("lab", "eviction", "--capture", "--seed", "3", "--sizes", "200,2000", "--policies", "lru",
            "--out", tmp.resolve("c").toString(), "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("captured 200,000 reads (0 dropped)"), run.out());
        assertTrue(run.out().contains("trace: captured from a store: 200,000 Zipf(0.99) reads over 20,000 keys, seed 3, 200,000 requests"), run.out());
    }

    @Test
    void badInputEndsInOneLineAndStatus2() throws IOException {
        final String out = tmp.resolve("bad").toString();
        final Path trace = lirsTrace();
        final Path binary = Files.write(tmp.resolve("x.bin"), new byte[] {1, 2, 3, (byte)0xFF, 0, 0, 0, 0, 0, 0, 0, 0});
        final Path empty = Files.writeString(tmp.resolve("empty.trace"), "*\n");
        final Object[][] cases = {
            {new String[] {"--trace", tmp.resolve("nope.trace").toString()}, "trace file does not exist: " + tmp.resolve("nope.trace")},
            {new String[] {"--trace", binary.toString(), "--format", "lirs"}, "line 1 is not lirs"},
            {new String[] {"--trace", trace.toString(), "--format", "oracle-general"}, "is not oracle-general"},
            {new String[] {"--trace", empty.toString()}, "holds no request (format lirs)"},
            {new String[] {"--trace", trace.toString(), "--sizes", "100,0"}, "cache size '0' must be at least 1"},
            {new String[] {"--trace", trace.toString(), "--sizes", "-5"}, "cache size '-5' is not a positive number of entries"},
            {new String[] {"--trace", trace.toString(), "--sizes", "128MiB"}, "is in bytes, but this trace has no object sizes"},
            {new String[] {"--trace", trace.toString(), "--policies", "lru,mru"}, "unknown eviction policy 'mru'; known policies: "},
            {new String[] {"--trace", trace.toString(), "--format", "parquet"}, "unknown trace format 'parquet': use one of lirs, arc, oracle-general, csv"},
            {new String[] {"--trace", tmp.resolve("t.xyz").toString()}, "cannot tell the format of trace file"},
            {new String[] {"--trace", trace.toString(), "--synthetic", "zipf"}, "mutually exclusive"},
            {new String[] {"--synthetic", "pareto"}, "unknown synthetic workload 'pareto'"},
            {new String[] {"--synthetic", "zipf", "--format", "lirs"}, "--format applies to --trace only"}};
        for (Object[] c : cases) {
            final String[] extra = (String[])c[0];
            final String[] args = new String[extra.length + 5];
            args[0] = "lab";
            args[1] = "eviction";
            System.arraycopy(extra, 0, args, 2, extra.length);
            args[extra.length + 2] = "--out";
            args[extra.length + 3] = out;
            args[extra.length + 4] = "--no-progress";
            assertOneLineUsageError(CliRun.of(args), (String)c[1]);
        }
        assertFalse(Files.exists(tmp.resolve("bad")), "nothing written on bad input");
    }

    @Test
    void unreadableTraceFile() throws IOException {
        final Path file = Files.writeString(tmp.resolve("secret.trace"), "1\n2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable, so this case cannot be made");
        assertOneLineUsageError(CliRun.of("lab", "eviction", "--trace", file.toString(), "--no-progress"),
            "cannot read trace file " + file + ": permission denied");
    }
}
