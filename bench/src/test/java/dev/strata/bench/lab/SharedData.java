package dev.strata.bench.lab;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared reference data ({@code ../shared} next to the project): the system property
 * {@code strata.shared.dir} (Surefire sets it), else the first {@code shared} directory holding
 * {@code data/} found walking up from the working directory.
 */
public final class SharedData {
    private static final String MARKER = "data/corpus/reference_sizes.tsv";

    private SharedData() {
    }

    /** @throws IllegalStateException naming the places searched if there is no shared data */
    public static Path dir() {
        final String property = System.getProperty("strata.shared.dir");
        if (property != null && Files.isRegularFile(Path.of(property).resolve(MARKER))) {
            return Path.of(property).normalize();
        }
        final Path cwd = Path.of("").toAbsolutePath();
        for (Path d = cwd; d != null; d = d.getParent()) {
            final Path candidate = d.resolve("shared");
            if (Files.isRegularFile(candidate.resolve(MARKER))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared reference data: -Dstrata.shared.dir=" + property
            + " does not hold " + MARKER + ", nor does any 'shared' directory above " + cwd);
    }

    /** @return {@code shared/data/corpus} */
    public static Path corpus() {
        return dir().resolve("data/corpus");
    }
}
