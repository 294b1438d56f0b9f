package dev.strata.tier.file;

/** How the file tier serves reads of sealed segments. */
public enum ReadMode {
    /** Memory maps if the JVM flags allow them (see {@link MappingSupport}), else positional reads. */
    AUTO,
    /** Memory maps through Chronicle Bytes {@code MappedBytes}; opening fails if the JVM flags are missing. */
    MMAP,
    /** Positional {@code FileChannel} reads. */
    PREAD
}
