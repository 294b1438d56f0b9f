package dev.strata.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour's eviction section (TourTest runs the tour with --no-lab): the lab on the shipped cpp trace, its table and where the page is. */
class TourEvictionSectionTest {
    @TempDir
    Path dir;

    @Test
    void showsTheTableAndWhereTheHtmlPageWasWritten() {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final long start = System.nanoTime();
        final int status = TourCommand.evictionLab(new PrintWriter(out, true), new PrintWriter(err, true), dir.resolve("eviction"));
        final double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, status, err.toString());
        final String text = out.toString();
        assertTrue(text.contains("== 10. The eviction lab") && text.contains("the LIRS cpp trace"), text);
        assertTrue(text.contains("trace: cpp.trace.gz, 9,047 requests"), text);
        assertTrue(text.matches("(?s).*\\nOPT\\s+26\\.44\\s+46\\.48\\s+62\\.76\\s+79\\.10\\s+82\\.51\\s+86\\.48\\s+86\\.48\\n.*"),
            "OPT row at the published sizes:\n" + text);
        assertTrue(text.contains("\nCaffeine ") && text.contains("\nW-TINYLFU "), text);
        assertTrue(text.contains("open " + dir.resolve("eviction/results.html").toUri()), text);
        assertTrue(Files.isRegularFile(dir.resolve("eviction/results.html")));
        System.out.printf("tour eviction section: %.2f s%n", seconds);
    }
}
