package dev.strata.compression;

import java.util.List;

/**
 * The JVM was started without flags Strata needs (see {@link JvmFlags}). Raised when a codec or a
 * store is opened, instead of an {@link IllegalAccessError} from deep inside a library.
 */
public final class MissingJvmFlagsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> missing;

    public MissingJvmFlagsException(final String component, final List<String> missing) {
        super(component + " needs JVM flags that this JVM was started without: " + String.join(" ", missing)
            + ". Add them to the java command line (all flags Strata uses: " + JvmFlags.commandLineString()
            + "), or to the Add-Exports/Add-Opens attributes of an executable jar's manifest.");
        this.missing = List.copyOf(missing);
    }

    /** @return the missing flags in command-line form, e.g. {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} */
    public List<String> missing() {
        return missing;
    }
}
