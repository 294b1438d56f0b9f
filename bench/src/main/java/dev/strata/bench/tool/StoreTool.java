package dev.strata.bench.tool;

import dev.strata.StoreOpenException;
import dev.strata.engine.store.StoreInspector;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What the tool commands share: opening the store, with unusable input turned into a usage error (exit status 2). */
final class StoreTool {
    private StoreTool() {
    }

    /**
     * @throws ParameterException if the directory is missing, holds no store, or a store has it open
     */
    static StoreInspector open(final CommandSpec spec, final Path directory, final String objectPrefix) {
        try {
            return StoreInspector.open(directory, objectPrefix);
        } catch (final StoreOpenException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
