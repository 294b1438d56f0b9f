package dev.strata.tier.block;

/**
 * Layout of a block tier superblock copy. The device starts with two copies, A at block 0 and B at
 * block {@code S} (S = superblock blocks); a commit of generation g writes copy {@code (g + 1) % 2}
 * (the format, generation 1, goes to copy A at block 0, so a formatted device always starts with
 * the magic), and the previous generation stays intact in the other copy; on open the valid copy
 * with the highest generation wins. All integers little-endian.
 *
 * <pre>
 *   0                   8         12         16                  24
 *   +-------------------+---------+----------+-------------------+
 *   | magic "STRTBLK1"  | version | blk size | generation        |
 *   +-------------------+---------+----------+-------------------+
 *   24                  32         36         40         44         48        52        56                  64
 *   +-------------------+----------+----------+----------+----------+---------+---------+-------------------+
 *   | device blocks     | S blocks | M blocks | segments | table len| crc     | sync crc| synced segment + 1|
 *   +-------------------+----------+----------+----------+----------+---------+---------+-------------------+
 *   64: segment table, {segments} entries, {table len} bytes:
 *   +-------------------+-------------------+----------+----------+--------------------------------------+
 *   | segment id        | length (bytes)    | flags    | extents  | extents × (start block u64, blocks u64) |
 *   +-------------------+-------------------+----------+----------+--------------------------------------+
 *   flags bit 0: sealed. crc: CRC32C of [0, 64 + table len) with the crc field taken as 0.
 * </pre>
 *
 * <p>The sync record (format 2; zero in format 1, which is still read): a commit made by a writer's
 * {@code sync()} or {@code seal()} names the segment ({@code synced segment + 1}, 0 for none) and
 * the CRC32C of its bytes from the length the previous generation lists to the length this one
 * lists. Such a commit forces the device once, for the data and the superblock together. After a
 * crash during that force either may be missing, so on open, when the newest copy carries a sync
 * record and the other copy is the generation just before it, the data is checked against the
 * record: if it matches, the commit completed; if not, the previous generation wins (that commit
 * never returned). If the other copy is not the generation before, a later commit was overwriting
 * it, so this one had completed.
 *
 * Device layout in blocks: {@code [0, S)} copy A, {@code [S, 2S)} copy B, {@code [2S, 2S + M)}
 * metadata slot A, {@code [2S + M, 2S + 2M)} metadata slot B, then data blocks. The free map is not
 * stored: every data block that no table entry lists is free, so the allocation state is rebuilt
 * from the newest superblock on open.
 */
public final class SuperblockDescriptor {
    /** "STRTBLK1" little-endian. */
    public static final long MAGIC = 0x314B4C4254525453L;
    /** The format version written (2: commits may carry a sync record). */
    public static final int VERSION = 2;
    /** The oldest format version read (1: no sync record; its fields are zero). */
    public static final int OLDEST_READABLE_VERSION = 1;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    public static final int BLOCK_SIZE_OFFSET = 12;
    public static final int GENERATION_OFFSET = 16;
    public static final int DEVICE_BLOCKS_OFFSET = 24;
    public static final int SUPERBLOCK_BLOCKS_OFFSET = 32;
    public static final int METADATA_BLOCKS_OFFSET = 36;
    public static final int SEGMENT_COUNT_OFFSET = 40;
    public static final int TABLE_LENGTH_OFFSET = 44;
    public static final int CRC_OFFSET = 48;
    public static final int SYNC_CRC_OFFSET = 52;
    public static final int SYNC_SEGMENT_OFFSET = 56;
    public static final int HEADER_LENGTH = 64;
    public static final int ENTRY_ID_OFFSET = 0;
    public static final int ENTRY_LENGTH_OFFSET = 8;
    public static final int ENTRY_FLAGS_OFFSET = 16;
    public static final int ENTRY_EXTENT_COUNT_OFFSET = 20;
    public static final int ENTRY_HEADER_LENGTH = 24;
    public static final int EXTENT_LENGTH = 16;
    public static final int FLAG_SEALED = 1;

    private SuperblockDescriptor() {
    }

    /** @return bytes a table entry with {@code extents} extents takes */
    public static int entryLength(final int extents) {
        return ENTRY_HEADER_LENGTH + extents * EXTENT_LENGTH;
    }
}
