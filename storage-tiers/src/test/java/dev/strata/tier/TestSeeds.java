package dev.strata.tier;

/**
 * Seeds for randomised tests: {@code -Dstrata.seed=N} replays a run; otherwise a fresh seed. The
 * seed is always printed with the test's name.
 */
public final class TestSeeds {
    private TestSeeds() {
    }

    /** @return the seed to use for {@code what}, printed */
    public static long seed(final String what) {
        final Long fixed = Long.getLong("strata.seed");
        final long seed = fixed != null ? fixed : System.nanoTime() ^ Double.doubleToLongBits(Math.random());
        System.out.println("[seed] " + what + ": strata.seed=" + seed + " (replay with -Dstrata.seed=" + seed + ")");
        return seed;
    }

    /** @return whether the stress profile is active ({@code -Pstress} sets strata.stress=true) */
    public static boolean stress() {
        return Boolean.getBoolean("strata.stress");
    }
}
