package dev.strata.bench.lab.eviction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the reference traces shipped beside the project ({@code shared/data/traces}): the system
 * property {@code strata.shared.dir} if it holds them, else the first {@code shared} directory
 * with them found walking up from the working directory.
 */
public final class ShippedTraces {
    private static final String LIRS = "data/traces/lirs";

    private ShippedTraces() {
    }

    /** @return the LIRS trace {@code name} ({@code shared/data/traces/lirs/NAME.trace.gz}), if it can be found */
    public static Optional<Path> lirs(final String name) {
        final String file = name + ".trace.gz";
        final String property = System.getProperty("strata.shared.dir");
        if (property != null && Files.isRegularFile(Path.of(property).resolve(LIRS).resolve(file))) {
            return Optional.of(Path.of(property).resolve(LIRS).resolve(file).normalize());
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            final Path candidate = d.resolve("shared").resolve(LIRS).resolve(file);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
