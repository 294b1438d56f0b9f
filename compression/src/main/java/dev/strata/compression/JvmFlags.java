package dev.strata.compression;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The JVM flags Strata needs on Java 17+, and the fail-fast check that they are present.
 *
 * <p>The list is defined once, in the root {@code pom.xml} ({@code strata.addExports} and
 * {@code strata.addOpens}); the build filters it into {@code META-INF/strata/jvm-flags.properties},
 * which this class reads. Surefire, the JMH forks and the {@code strata} launcher use the same list.
 *
 * <p>Why each is needed: Agrona 2.x reads {@code jdk.internal.misc.Unsafe} (export of
 * {@code java.base/jdk.internal.misc}); Chronicle Bytes' memory-mapped files need
 * {@code sun.nio.ch} and reflection on {@code java.lang} and {@code java.lang.reflect}.
 */
public final class JvmFlags {
    /** The package Agrona needs exported: every codec and store needs it. */
    public static final String AGRONA_EXPORT = "java.base/jdk.internal.misc";

    private static final String RESOURCE = "/META-INF/strata/jvm-flags.properties";
    private static final List<String> EXPORTS;
    private static final List<String> OPENS;

    static {
        final Properties p = new Properties();
        try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the strata-compression jar");
            }
            p.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        EXPORTS = split(p.getProperty("add-exports", ""));
        OPENS = split(p.getProperty("add-opens", ""));
    }

    private JvmFlags() {
    }

    /** @return the packages to export to the unnamed module, as {@code module/package} */
    public static List<String> exports() {
        return EXPORTS;
    }

    /** @return the packages to open to the unnamed module, as {@code module/package} */
    public static List<String> opens() {
        return OPENS;
    }

    /** @return every flag in command-line form, one argument per element (e.g. for JMH {@code jvmArgsAppend}) */
    public static List<String> commandLine() {
        final List<String> args = new ArrayList<>();
        for (String e : EXPORTS) {
            args.add("--add-exports");
            args.add(e + "=ALL-UNNAMED");
        }
        for (String o : OPENS) {
            args.add("--add-opens");
            args.add(o + "=ALL-UNNAMED");
        }
        return Collections.unmodifiableList(args);
    }

    /** @return every flag as one string, for messages and scripts */
    public static String commandLineString() {
        return String.join(" ", commandLine());
    }

    /** @return the flags of the whole list that this JVM lacks, in command-line form */
    public static List<String> missing() {
        final List<String> missing = new ArrayList<>();
        for (String e : EXPORTS) {
            addIfMissing(missing, e, false);
        }
        for (String o : OPENS) {
            addIfMissing(missing, o, true);
        }
        return missing;
    }

    /**
     * Checks the flag Agrona needs (every codec and store); called when a codec is created.
     *
     * @throws MissingJvmFlagsException naming the missing flag
     */
    public static void requireAgrona(final String component) {
        if (!EXPORTS.contains(AGRONA_EXPORT)) {
            throw new IllegalStateException("the build's flag list lacks " + AGRONA_EXPORT + "; fix strata.addExports in the root pom");
        }
        final List<String> missing = new ArrayList<>(1);
        addIfMissing(missing, AGRONA_EXPORT, false);
        if (!missing.isEmpty()) {
            throw new MissingJvmFlagsException(component, missing);
        }
    }

    /**
     * Checks every flag in the list; stores call this when they open.
     *
     * @throws MissingJvmFlagsException naming the missing flags
     */
    public static void requireAll(final String component) {
        final List<String> missing = missing();
        if (!missing.isEmpty()) {
            throw new MissingJvmFlagsException(component, missing);
        }
    }

    private static void addIfMissing(final List<String> missing, final String modulePackage, final boolean open) {
        final int slash = modulePackage.indexOf('/');
        final String moduleName = modulePackage.substring(0, slash);
        final String pkg = modulePackage.substring(slash + 1);
        // the module that needs the access: Agrona's for its export (a named module when Agrona is
        // on the module path), else ours; both are the unnamed module on the class path
        final Module target = AGRONA_EXPORT.equals(modulePackage) ? org.agrona.DirectBuffer.class.getModule() : JvmFlags.class.getModule();
        final Module module = ModuleLayer.boot().findModule(moduleName).orElse(null);
        final boolean present = module != null && (open ? module.isOpen(pkg, target) : module.isExported(pkg, target));
        if (!present) {
            missing.add((open ? "--add-opens " : "--add-exports ") + modulePackage + "=" + (target.isNamed() ? target.getName() : "ALL-UNNAMED"));
        }
    }

    private static List<String> split(final String list) {
        final String trimmed = list.trim();
        return trimmed.isEmpty() ? List.of() : List.copyOf(Arrays.asList(trimmed.split("\\s+")));
    }
}
