package dev.strata.tier;

/** The persistent tier implementations. */
public enum TierKind {
    /** One preallocated file or block device, fixed-size blocks, extents, aligned I/O. */
    BLOCK,
    /** One file per segment in a directory. */
    FILE,
    /** One object per sealed segment in an object store with S3 semantics. */
    OBJECT
}
