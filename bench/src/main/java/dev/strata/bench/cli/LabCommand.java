package dev.strata.bench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code strata lab}: groups the labs. A new lab is a class added to {@code subcommands}.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = "Experiments that print a table and write their results (CSV, and JSON or an HTML page of curves).",
    subcommands = {LabCompressionCommand.class, LabEvictionCommand.class})
final class LabCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Without a lab named: print the usage to stderr and fail. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return StrataCommand.EXIT_USAGE;
    }
}
