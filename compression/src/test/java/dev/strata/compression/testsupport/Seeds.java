package dev.strata.compression.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Seeds for randomised tests. Every randomised test calls {@link #seed(String)}, which prints the
 * seed; to replay a run, pass it back:
 *
 * <pre>
 * flock /tmp/strata-mvn.lock mvn -B -o -q -pl compression test -Dtest=ZstdCodecTest -Dstrata.seed=1234
 * </pre>
 *
 * (Surefire forwards Maven's {@code -D} user properties to the test JVM.) Failures carry the seed
 * in their message too, via {@link #replay(long)}.
 */
public final class Seeds {
    /** The system property that fixes the seed. */
    public static final String PROPERTY = "strata.seed";

    private Seeds() {
    }

    /** @return the seed from {@code -Dstrata.seed}, or a fresh one; printed either way */
    public static long seed(final String testName) {
        final String fixed = System.getProperty(PROPERTY);
        final long seed = fixed == null || fixed.isBlank() ? ThreadLocalRandom.current().nextLong() : Long.parseLong(fixed.trim());
        System.out.println("[" + PROPERTY + "] " + testName + " uses seed " + seed + replay(seed));
        return seed;
    }

    /** @return a suffix for failure messages that says how to replay */
    public static String replay(final long seed) {
        return " (replay with -D" + PROPERTY + "=" + seed + ")";
    }
}
