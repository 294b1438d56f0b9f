package dev.strata.tier.file;

/**
 * Layout of the file tier's metadata slot, the file {@code metadata} (written first as
 * {@code metadata.tmp}, forced, renamed over {@code metadata} with ATOMIC_MOVE, then the directory
 * is forced). All integers little-endian.
 *
 * <pre>
 *   0                   8         12          16         20         24
 *   +-------------------+---------+-----------+----------+----------+------------------+
 *   | magic "STRTMET1"  | version | blob len  | blob crc | hdr crc  | blob ...         |
 *   +-------------------+---------+-----------+----------+----------+------------------+
 *   hdr crc: CRC32C of [0, 20); blob crc: CRC32C of the blob
 * </pre>
 *
 * The rename makes replacement atomic; the CRCs catch a file damaged outside Strata's protocol.
 */
public final class MetadataFileDescriptor {
    /** "STRTMET1" little-endian. */
    public static final long MAGIC = 0x3154454D54525453L;
    public static final int VERSION = 1;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    public static final int BLOB_LENGTH_OFFSET = 12;
    public static final int BLOB_CRC_OFFSET = 16;
    public static final int HEADER_CRC_OFFSET = 20;
    public static final int HEADER_LENGTH = 24;
    /** The slot's file name. */
    public static final String FILE_NAME = "metadata";
    /** The temporary file a new blob is written to before the rename. */
    public static final String TEMP_FILE_NAME = "metadata.tmp";
    /** The largest blob accepted. */
    public static final int MAX_BLOB_LENGTH = 64 << 20;

    private MetadataFileDescriptor() {
    }
}
