package dev.strata.tier.io;

/** How {@link FileIo#open} opens a file. */
public enum OpenMode {
    /** Read only; the file must exist. */
    READ,
    /** Read and write; the file must exist. */
    READ_WRITE,
    /** Read and write; the file must not exist yet (it is created). */
    CREATE_NEW
}
