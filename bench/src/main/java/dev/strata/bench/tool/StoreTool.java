package dev.strata.bench.tool;

import dev.strata.StoreOpenException;
import dev.strata.engine.store.StoreInspector;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the tool commands share, as a picocli mixin: the store directory argument, the object
 * prefix option, and opening the store with unusable input turned into a usage error (exit 2).
 */
final class StoreTool {
    @Parameters(index = "0", paramLabel = "DIR", description = "The store directory.")
    private Path directory;

    @Option(names = "--object-prefix", paramLabel = "PREFIX", description = "Object prefix of a local object tier store (default: none).")
    private String objectPrefix = "";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    /**
     * @throws ParameterException if the directory is missing, holds no store, or a store has it open
     */
    StoreInspector open() {
        try {
            return StoreInspector.open(directory, objectPrefix);
        } catch (final StoreOpenException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
