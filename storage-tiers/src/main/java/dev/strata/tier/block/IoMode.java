package dev.strata.tier.block;

/** How the block tier does its I/O. */
public enum IoMode {
    /** O_DIRECT if the file system accepts it (probed at open), else buffered I/O. */
    AUTO,
    /** O_DIRECT; opening fails if the file system refuses it. */
    DIRECT,
    /** Buffered I/O through the page cache. */
    BUFFERED
}
