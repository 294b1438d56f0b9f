package dev.strata.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM flags check: a JVM started without them fails at codec creation with a message that
 * names the missing flag; this JVM (Surefire passes the flags from the root pom) lacks none.
 */
class JvmFlagsTest {
    private static final String AGRONA_FLAG = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";

    @TempDir
    Path tmp;

    @Test
    void thisJvmHasEveryFlag() {
        assertEquals(List.of(), JvmFlags.missing());
        JvmFlags.requireAll("test");
        assertTrue(JvmFlags.exports().contains(JvmFlags.AGRONA_EXPORT), JvmFlags.exports().toString());
        final List<String> args = JvmFlags.commandLine();
        final int i = args.indexOf("--add-exports");
        assertTrue(i >= 0 && args.get(i + 1).equals("java.base/jdk.internal.misc=ALL-UNNAMED"), args.toString());
        assertTrue(JvmFlags.commandLineString().contains(AGRONA_FLAG), JvmFlags.commandLineString());
    }

    @Test
    void aJvmWithoutTheFlagsFailsFastNamingThem() throws Exception {
        final Result result = runChild(List.of());
        assertNotEquals(0, result.exitCode, "the child JVM must fail; stdout: " + result.stdout);
        assertTrue(result.stderr.contains(MissingJvmFlagsException.class.getName()), result.stderr);
        assertTrue(result.stderr.contains(AGRONA_FLAG), result.stderr);
        assertTrue(!result.stderr.contains("IllegalAccessError"), "fails before Agrona is touched: " + result.stderr);
    }

    @Test
    void theSameChildWithTheFlagsSucceeds() throws Exception {
        final Result result = runChild(JvmFlags.commandLine());
        assertEquals(0, result.exitCode, result.stderr);
        assertTrue(result.stdout.contains(CreateLz4CodecMain.CREATED), result.stdout);
    }

    private Result runChild(final List<String> flags) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        // under Surefire this may be a manifest-only jar whose Class-Path lists the real entries; -cp honours that
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CreateLz4CodecMain.class.getName());
        final ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JDK_JAVA_OPTIONS"); // could smuggle the flags in
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        final Path out = tmp.resolve("stdout-" + flags.size());
        final Path err = tmp.resolve("stderr-" + flags.size());
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        final Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 60 s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static final class Result {
        final int exitCode;
        final String stdout;
        final String stderr;

        Result(final int exitCode, final String stdout, final String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }
}
