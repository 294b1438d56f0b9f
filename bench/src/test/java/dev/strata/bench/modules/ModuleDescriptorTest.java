package dev.strata.bench.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.Store;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine jar is a module, {@code dev.strata}, that exports only the API package: checked on
 * the packaged jar (its descriptor is compiled at {@code prepare-package}, so this runs in
 * {@code mvn verify}, which is what CI and the README's test command run; under {@code mvn test}
 * the engine is a directory of classes and these tests are skipped with that reason). A consumer
 * module compiles against the API and runs a store on the module path; one that touches
 * {@code dev.strata.engine.store} does not compile.
 */
class ModuleDescriptorTest {
    @TempDir
    Path dir;

    private Path engineJar;
    private final List<Path> modulePath = new ArrayList<>();
    private final List<Path> classPath = new ArrayList<>();

    @BeforeEach
    void locateJars() throws Exception {
        engineJar = Paths.get(Store.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isRegularFile(engineJar), "the engine is not packaged (" + engineJar + "): its module descriptor is compiled at"
            + " prepare-package; run mvn verify");
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            final Path p = Paths.get(entry);
            final String name = p.getFileName().toString();
            if (p.equals(engineJar) || name.matches("strata-(compression|storage-tiers)-[^-]+(-SNAPSHOT)?\\.jar") || name.matches("agrona-.*\\.jar")) {
                modulePath.add(p);
            } else if (Files.isRegularFile(p) && !name.contains("-tests") && !name.contains("junit") && !name.contains("opentest4j")) {
                classPath.add(p);
            }
        }
    }

    @Test
    void onlyTheApiPackageIsExported() {
        final ModuleDescriptor d = ModuleFinder.of(engineJar).find("dev.strata").orElseThrow().descriptor();
        assertEquals(Set.of("dev.strata"), d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(d.packages().contains("dev.strata.engine.store"), d.packages().toString());
        assertTrue(d.opens().isEmpty() && !d.isOpen());
    }

    @Test
    void aConsumerModuleRunsAStoreOnTheModulePath() throws IOException, InterruptedException {
        final Path src = write("ok", "package consumer;\n"
            + "import dev.strata.*;\n"
            + "public class Main {\n"
            + "  public static void main(String[] a) {\n"
            + "    try (Store s = Strata.open(StoreConfig.builder(java.nio.file.Path.of(a[0])).build())) {\n"
            + "      s.put(\"k\".getBytes(), \"module path\".getBytes());\n"
            + "      System.out.println(new String(s.get(\"k\".getBytes())) + \" \" + Store.class.getModule().getName());\n"
            + "    }\n"
            + "  }\n"
            + "}\n");
        final Path out = dir.resolve("ok-classes");
        assertEquals("", compile(src, out));
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=org.agrona");
        for (String flag : dev.strata.compression.JvmFlags.commandLine()) {
            command.add(flag);
        }
        command.add("-Dchronicle.analytics.disable=true");
        command.add("--module-path");
        command.add(join(modulePath) + File.pathSeparator + out);
        command.add("-cp");
        command.add(join(classPath));
        command.add("-m");
        command.add("consumer/consumer.Main");
        command.add(dir.resolve("store").toString());
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        p.getInputStream().transferTo(output);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the consumer did not finish");
        final String text = output.toString(StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        assertTrue(text.contains("module path dev.strata"), text);
    }

    @Test
    void internalPackagesAreNotVisible() throws IOException {
        final Path src = write("bad", "package consumer;\n"
            + "public class Main {\n"
            + "  static Object o = dev.strata.engine.store.StoreImpl.class;\n"
            + "}\n");
        final String errors = compile(src, dir.resolve("bad-classes"));
        assertTrue(errors.contains("package dev.strata.engine.store is not visible"), errors);
    }

    private Path write(final String name, final String main) throws IOException {
        final Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("consumer"));
        Files.writeString(root.resolve("module-info.java"), "module consumer { requires dev.strata; }\n");
        Files.writeString(root.resolve("consumer/Main.java"), main);
        return root;
    }

    /** @return the compiler's diagnostics, empty if it succeeded */
    private String compile(final Path src, final Path out) throws IOException {
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int rc = javac.run(null, err, err, "-d", out.toString(), "--module-path", join(modulePath),
            src.resolve("module-info.java").toString(), src.resolve("consumer/Main.java").toString());
        final String text = err.toString(StandardCharsets.UTF_8);
        return rc == 0 ? "" : text.isEmpty() ? "javac exit " + rc : text;
    }

    private static String join(final List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
