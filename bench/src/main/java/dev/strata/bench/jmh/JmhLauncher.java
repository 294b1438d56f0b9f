package dev.strata.bench.jmh;

import dev.strata.compression.JvmFlags;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.ProfilersFailedException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs JMH with its usual command line ({@code org.openjdk.jmh.Main}'s), adding Strata's JVM flags
 * ({@link JvmFlags#commandLine()}) and {@code -Dchronicle.analytics.disable=true} to every forked
 * JVM after any {@code -jvmArgsAppend} given. Forks are plain {@code java -cp} launches, so they
 * do not see the {@code Add-Exports} and {@code Add-Opens} of the executable jar's manifest.
 */
public final class JmhLauncher {
    private JmhLauncher() {
    }

    /** @return the JVM arguments appended to every fork */
    public static List<String> forkArguments() {
        final List<String> flags = new ArrayList<>(JvmFlags.commandLine());
        flags.add("-Dchronicle.analytics.disable=true");
        return flags;
    }

    /**
     * @param args JMH's command line
     * @return the exit status: 0; 1 if no benchmark matched; 2 if a profiler could not start
     *     (JMH's explanation, e.g. a profiler's help, is printed to {@code err})
     * @throws CommandLineOptionException if JMH rejects the arguments
     * @throws RunnerException            if a benchmark fails
     * @throws IOException                if JMH cannot print its help
     */
    public static int run(final List<String> args, final PrintWriter out, final PrintWriter err)
        throws CommandLineOptionException, RunnerException, IOException {
        final CommandLineOptions cmd = new CommandLineOptions(args.toArray(new String[0]));
        if (cmd.shouldHelp()) {
            cmd.showHelp();
            return 0;
        }
        if (cmd.shouldListProfilers()) {
            cmd.listProfilers();
            return 0;
        }
        if (cmd.shouldListResultFormats()) {
            cmd.listResultFormats();
            return 0;
        }
        final List<String> append = new ArrayList<>(cmd.getJvmArgsAppend().orElse(List.of()));
        append.addAll(forkArguments());
        final Runner runner = new Runner(new OptionsBuilder().parent(cmd).jvmArgsAppend(append.toArray(new String[0])).build());
        if (cmd.shouldList()) {
            runner.list();
            return 0;
        }
        if (cmd.shouldListWithParams()) {
            runner.listWithParams(cmd);
            return 0;
        }
        try {
            final Collection<?> results = runner.run();
            out.flush();
            return results.isEmpty() ? 1 : 0;
        } catch (final ProfilersFailedException e) {
            err.println("strata: error: " + e.getMessage());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                err.println(cause.getMessage());
            }
            for (Throwable suppressed : e.getSuppressed()) {
                err.println(suppressed.getMessage());
            }
            err.flush();
            return 2;
        } catch (final NoBenchmarksException e) {
            err.println("strata: error: no benchmark matches " + cmd.getIncludes() + "; list them with: strata bench -l");
            err.flush();
            return 1;
        }
    }
}
