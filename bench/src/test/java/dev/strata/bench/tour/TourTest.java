package dev.strata.bench.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.bench.cli.CliRun;
import dev.strata.bench.cli.StrataCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `strata tour`, small: every step runs (including the kill -9 of a child JVM) and every check holds. */
class TourTest {
    @TempDir
    Path dir;

    @Test
    void smallTourPassesEveryCheck() {
        final CliRun run = CliRun.of("tour", "--keys", "20000", "--no-progress", "--no-lab", "--dir", dir.resolve("store").toString());
        assertEquals(0, run.exitCode(), run.out() + "\n" + run.err());
        final String text = run.out();
        for (String step : new String[] {"== 2. Load 20,000 keys", "0 wrong", "in order: yes", "== 5. Compact", "== 7. Kill",
            "every acknowledged write, no hole", "== 8. Transactions",
            "G2-item        occurred        occurred        prevented", "total always 16,000", "every check held"}) {
            assertTrue(text.contains(step), "missing \"" + step + "\" in:\n" + text);
        }
    }

    @Test
    void refusesANonEmptyDirectory() {
        final CliRun run = CliRun.of("tour", "--keys", "10", "--dir", dir.toString());
        assertEquals(StrataCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("--keys must be at least 1000"), run.err());
    }
}
