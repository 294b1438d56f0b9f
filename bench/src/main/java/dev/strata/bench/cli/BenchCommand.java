package dev.strata.bench.cli;

import dev.strata.bench.jmh.JmhLauncher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code strata bench [JMH args...]}: runs the JMH benchmarks in this jar through
 * {@link JmhLauncher}, which gives forked JVMs the flags Strata needs.
 */
@Command(name = BenchCommand.NAME,
    description = {"Runs the JMH benchmarks in this jar. Every argument goes to JMH (try: strata bench -h, strata bench -l).",
        "Forked JVMs get Strata's JVM flags appended (-jvmArgsAppend), since they do not read the jar's manifest.",
        "Example: strata bench CodecBenchmark -f 1 -wi 3 -i 5 -prof gc"})
final class BenchCommand implements Callable<Integer> {
    static final String NAME = "bench";

    @Parameters(paramLabel = "JMH-ARG", description = "Arguments for JMH.")
    private List<String> args = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws RunnerException, IOException {
        try {
            return JmhLauncher.run(args, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (final CommandLineOptionException e) {
            throw new ParameterException(spec.commandLine(), "bad JMH arguments: " + e.getMessage(), e);
        }
    }
}
