package dev.strata.compression;

/**
 * Started by {@link JvmFlagsTest} in a child JVM, with or without the flags: creates an LZ4 codec.
 * Without {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} this must fail with
 * {@link MissingJvmFlagsException}, which the JVM prints to stderr before exiting with status 1.
 */
public final class CreateLz4CodecMain {
    static final String CREATED = "created lz4 codec";

    private CreateLz4CodecMain() {
    }

    public static void main(final String[] args) {
        try (Codec codec = Codecs.create(CodecType.LZ4, 1)) {
            System.out.println(CREATED + ": " + codec);
        }
    }
}
