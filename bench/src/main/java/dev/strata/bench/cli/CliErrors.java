package dev.strata.bench.cli;

import dev.strata.bench.lab.LabInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr, {@code strata: error: <what is wrong>}, and an exit
 * status: {@value StrataCommand#EXIT_USAGE} for bad arguments and unusable input,
 * {@value StrataCommand#EXIT_FAILURE} for anything else. No stack trace unless the JVM runs with
 * {@code -Dstrata.stacktrace=true}.
 */
final class CliErrors {
    static final String PREFIX = "strata: error: ";

    private CliErrors() {
    }

    /** picocli's handler for arguments that do not parse, and for {@link ParameterException}s thrown by commands. */
    static int onParameterError(final ParameterException e, final String[] args) {
        print(e.getCommandLine().getErr(), e.getMessage(), e);
        return StrataCommand.EXIT_USAGE;
    }

    /** picocli's handler for exceptions thrown while a command runs. */
    static int onExecutionError(final Exception e, final CommandLine commandLine, final ParseResult parseResult) {
        if (e instanceof LabInputException) {
            print(commandLine.getErr(), e.getMessage(), e);
            return StrataCommand.EXIT_USAGE;
        }
        final String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        print(commandLine.getErr(), message + " (" + e.getClass().getSimpleName() + ")", e);
        return StrataCommand.EXIT_FAILURE;
    }

    private static void print(final PrintWriter err, final String message, final Exception e) {
        err.println(PREFIX + oneLine(message));
        if (Boolean.getBoolean("strata.stacktrace")) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** @return {@code message} with line breaks (picocli adds some) folded into one line */
    static String oneLine(final String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
