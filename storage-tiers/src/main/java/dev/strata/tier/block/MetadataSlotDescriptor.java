package dev.strata.tier.block;

/**
 * Layout of one copy of the block tier's metadata slot. Two copies of M blocks each follow the
 * superblocks; a write goes to copy {@code generation % 2} and is forced; on read, the valid copy
 * with the highest generation wins, so a torn write leaves the previous blob readable.
 * All integers little-endian.
 *
 * <pre>
 *   0                   8         12          16                  24         28         32
 *   +-------------------+---------+-----------+-------------------+----------+----------+----------+
 *   | magic "STRTMSL1"  | version | blob len  | generation        | blob crc | hdr crc  | blob ... |
 *   +-------------------+---------+-----------+-------------------+----------+----------+----------+
 *   hdr crc: CRC32C of [0, 28); blob crc: CRC32C of the blob
 * </pre>
 */
public final class MetadataSlotDescriptor {
    /** "STRTMSL1" little-endian. */
    public static final long MAGIC = 0x314C534D54525453L;
    public static final int VERSION = 1;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    public static final int BLOB_LENGTH_OFFSET = 12;
    public static final int GENERATION_OFFSET = 16;
    public static final int BLOB_CRC_OFFSET = 24;
    public static final int HEADER_CRC_OFFSET = 28;
    public static final int HEADER_LENGTH = 32;

    private MetadataSlotDescriptor() {
    }
}
