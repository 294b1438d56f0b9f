package dev.strata;

import dev.strata.engine.store.StoreImpl;

/**
 * Opens stores.
 *
 * <pre>{@code
 * try (Store store = Strata.open(StoreConfig.builder(Path.of("data")).build())) {
 *     store.put("k".getBytes(UTF_8), "v".getBytes(UTF_8));
 *     byte[] v = store.get("k".getBytes(UTF_8));
 * }
 * }</pre>
 */
public final class Strata {
    private Strata() {
    }

    /**
     * Opens (or creates) the store the configuration describes and recovers it: the manifest names
     * the sorted segments, and the write-ahead log is replayed up to its last intact record.
     *
     * @throws StoreOpenException        if the location holds no store and creation was not asked for, or is locked
     * @throws CorruptionException       if the manifest, a segment footer or the middle of the log is corrupt
     * @throws dev.strata.compression.MissingJvmFlagsException if the JVM lacks the flags Strata needs (the message lists them)
     */
    public static Store open(final StoreConfig config) {
        return StoreImpl.open(config);
    }
}
