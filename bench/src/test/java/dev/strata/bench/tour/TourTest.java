package dev.strata.bench.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.bench.cli.StrataCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `strata tour`, small: every step runs (including the kill -9 of a child JVM) and every check holds. */
class TourTest {
    @TempDir
    Path dir;

    @Test
    void smallTourPassesEveryCheck() {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine cli = StrataCommand.newCommandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        final int status = cli.execute("tour", "--keys", "20000", "--no-progress", "--no-lab", "--dir", dir.resolve("store").toString());
        assertEquals(0, status, out + "\n" + err);
        final String text = out.toString();
        for (String step : new String[] {"== 2. Load 20,000 keys", "0 wrong", "in order: yes", "== 5. Compact", "== 7. Kill",
            "every acknowledged write, no hole", "every check held"}) {
            assertTrue(text.contains(step), "missing \"" + step + "\" in:\n" + text);
        }
    }

    @Test
    void refusesANonEmptyDirectory() {
        final StringWriter err = new StringWriter();
        final CommandLine cli = StrataCommand.newCommandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));
        assertEquals(StrataCommand.EXIT_USAGE, cli.execute("tour", "--keys", "10", "--dir", dir.toString()));
        assertTrue(err.toString().contains("--keys must be at least 1000"), err.toString());
    }
}
