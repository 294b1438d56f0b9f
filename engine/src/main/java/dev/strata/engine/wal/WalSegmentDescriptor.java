package dev.strata.engine.wal;

/**
 * Header of a write-ahead-log segment (little-endian), followed by {@link WalRecordDescriptor
 * records} back to back.
 *
 * <pre>
 *   0  u64 magic "STRATWAL"     8  u32 format version (1)     12  u32 reserved (0)
 *  16  records …
 * </pre>
 */
public final class WalSegmentDescriptor {
    /** "STRATWAL" as a little-endian u64. */
    public static final long MAGIC = 0x4C41575441525453L;
    public static final int VERSION = 1;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    public static final int HEADER_LENGTH = 16;

    private WalSegmentDescriptor() {
    }
}
