package dev.strata.tier.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether this JVM lets Chronicle Bytes map files: it needs {@code java.base/sun.nio.ch} exported
 * and {@code java.lang} and {@code java.lang.reflect} opened to the unnamed module (and Agrona's
 * {@code jdk.internal.misc} export, which every tier needs).
 *
 * <p>A small check of its own: {@code storage-tiers} does not depend on {@code compression}, whose
 * {@code JvmFlags} holds the build's full list.
 */
public final class MappingSupport {
    private static final String[] EXPORTS = {"java.base/sun.nio.ch", "java.base/jdk.internal.misc"};
    private static final String[] OPENS = {"java.base/java.lang", "java.base/java.lang.reflect"};

    private MappingSupport() {
    }

    /** @return the flags this JVM lacks for memory maps, in command-line form; empty if maps work */
    public static List<String> missingFlags() {
        final List<String> missing = new ArrayList<>();
        for (String e : EXPORTS) {
            if (!present(e, false)) {
                missing.add("--add-exports " + e + "=ALL-UNNAMED");
            }
        }
        for (String o : OPENS) {
            if (!present(o, true)) {
                missing.add("--add-opens " + o + "=ALL-UNNAMED");
            }
        }
        return missing;
    }

    /** @return whether memory maps can be used */
    public static boolean available() {
        return missingFlags().isEmpty();
    }

    private static boolean present(final String modulePackage, final boolean open) {
        final int slash = modulePackage.indexOf('/');
        final Module module = ModuleLayer.boot().findModule(modulePackage.substring(0, slash)).orElse(null);
        final String pkg = modulePackage.substring(slash + 1);
        final Module self = MappingSupport.class.getModule();
        return module != null && (open ? module.isOpen(pkg, self) : module.isExported(pkg, self));
    }
}
