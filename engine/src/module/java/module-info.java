/**
 * Strata's engine: an embedded key-value store. Only the API package {@code dev.strata} is
 * exported; everything under {@code dev.strata.engine} is internal. The API's types from Agrona
 * (buffers), the compression module (codec types) and the storage-tiers module (a custom tier or
 * object store in the configuration) are readable by every module that requires this one.
 *
 * <p>This descriptor lives outside the main source root and is compiled when the jar is packaged
 * ({@code prepare-package}), after the tests, which run on the class path: see the engine's pom.
 */
module dev.strata {
    exports dev.strata;

    requires transitive org.agrona;
    requires transitive dev.strata.compression;
    requires transitive dev.strata.tier;
    requires java.management;
}
