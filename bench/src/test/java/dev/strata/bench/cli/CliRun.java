package dev.strata.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the {@code strata} command line in-process with captured output.
 *
 * @param exitCode the status {@code strata} would exit with
 * @param out      what it printed to stdout
 * @param err      what it printed to stderr
 */
public record CliRun(int exitCode, String out, String err) {
    /** @return the outcome of {@code strata args...} run in this JVM */
    public static CliRun of(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = StrataCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** @return stderr split into lines */
    public String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }
}
