package dev.strata.engine.cache;

/** Seeds of this package's randomised tests: printed, and replayed with {@code -Dstrata.seed=N}. */
final class Seeds {
    private Seeds() {
    }

    /** @return {@code -Dstrata.seed} if set, else a fresh seed; printed with {@code what} either way */
    static long seed(final String what) {
        final long seed = Long.getLong("strata.seed", System.nanoTime());
        System.out.println(what + " seed=" + seed + " (replay with -Dstrata.seed=" + seed + ")");
        return seed;
    }
}
