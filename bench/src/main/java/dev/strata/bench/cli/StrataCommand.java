package dev.strata.bench.cli;

import dev.strata.bench.tool.DumpCommand;
import dev.strata.bench.tool.InspectCommand;
import dev.strata.bench.tool.VerifyCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code strata} command: labs, benchmarks and the offline store tool ({@code inspect},
 * {@code verify}, {@code dump}; in {@link dev.strata.bench.tool}).
 *
 * <h2>Adding a command</h2>
 * A top-level command is a picocli class listed in {@code subcommands} below; a new lab is a class
 * listed in {@link LabCommand}'s {@code subcommands}. Commands print results to
 * {@code spec.commandLine().getOut()}. Bad arguments end as one line on stderr and exit status
 * {@value #EXIT_USAGE}: throw {@link picocli.CommandLine.ParameterException}, or let a
 * {@link dev.strata.bench.lab.LabInputException} escape ({@link CliErrors} maps both).
 */
@Command(name = "strata", mixinStandardHelpOptions = true, versionProvider = StrataVersion.class,
    description = "Strata, an embedded key-value storage engine for the JVM: labs, benchmarks and the offline store tool.",
    subcommands = {TourCommand.class, LabCommand.class, BenchCommand.class, InspectCommand.class, VerifyCommand.class, DumpCommand.class, HelpCommand.class})
public final class StrataCommand implements Callable<Integer> {
    /** Exit status for success. */
    public static final int EXIT_OK = 0;
    /** Exit status for a failure while running (e.g. a codec that does not restore its input). */
    public static final int EXIT_FAILURE = 1;
    /** Exit status for bad arguments or unusable input. */
    public static final int EXIT_USAGE = 2;

    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits the JVM with its status. */
    public static void main(final String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** @return a configured command line (error handling included), e.g. for tests that capture its output */
    public static CommandLine newCommandLine() {
        final CommandLine commandLine = new CommandLine(new StrataCommand());
        commandLine.setParameterExceptionHandler(CliErrors::onParameterError);
        commandLine.setExecutionExceptionHandler(CliErrors::onExecutionError);
        // every argument of `strata bench` belongs to JMH, including those that look like options
        commandLine.getSubcommands().get(BenchCommand.NAME).setUnmatchedOptionsArePositionalParams(true);
        return commandLine;
    }

    /** Without a subcommand: print the usage to stderr and fail. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }
}
