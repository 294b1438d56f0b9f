package dev.strata.engine.sst;

import java.nio.ByteOrder;

/**
 * Layout of a sorted segment (an "SST") stored as one tier segment. Little-endian.
 *
 * <pre>
 *  +--------------------------------------+  0
 *  | header: magic u64, version u32, 0 u32|
 *  +--------------------------------------+  16
 *  | data block 0 (block frame)           |  each: a {@link DataBlockDescriptor} block wrapped in a
 *  | data block 1 (block frame)           |  compression block frame (codec id, lengths, CRC32C)
 *  | …                                    |
 *  +--------------------------------------+
 *  | filter (block frame, codec none)     |  a {@link BloomFilterDescriptor} filter over every user key
 *  +--------------------------------------+
 *  | index (block frame)                  |  a {@link DataBlockDescriptor} block: for each data block,
 *  |                                      |  key = its last internal key, value = offset u64 + frame length u32
 *  +--------------------------------------+
 *  | footer (64 bytes, see below)         |
 *  +--------------------------------------+
 *
 *  footer:
 *   0  u64 index offset          8  u32 index frame length     12 u32 filter frame length
 *  16  u64 filter offset        24  u64 entry count            32 u64 smallest sequence
 *  40  u64 largest sequence     48  u32 data block count       52 u32 format version
 *  56  u32 CRC32C of [0, 56)    60  u32 footer magic
 * </pre>
 *
 * A reader checks the footer's magic, CRC and version first, then reads the index and filter
 * frames, whose own CRCs it verifies; every data block frame is verified when it is read.
 */
public final class SegmentFileDescriptor {
    /** "STRATSST" as a little-endian u64. */
    public static final long MAGIC = 0x5453535441525453L;
    public static final int FOOTER_MAGIC = 0x53535446; // "FTSS"
    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 16;
    public static final int HEADER_MAGIC_OFFSET = 0;
    public static final int HEADER_VERSION_OFFSET = 8;

    public static final int FOOTER_LENGTH = 64;
    public static final int INDEX_OFFSET = 0;
    public static final int INDEX_LENGTH = 8;
    public static final int FILTER_LENGTH = 12;
    public static final int FILTER_OFFSET = 16;
    public static final int ENTRY_COUNT = 24;
    public static final int SMALLEST_SEQUENCE = 32;
    public static final int LARGEST_SEQUENCE = 40;
    public static final int BLOCK_COUNT = 48;
    public static final int FOOTER_VERSION = 52;
    public static final int FOOTER_CHECKSUM = 56;
    public static final int FOOTER_MAGIC_OFFSET = 60;

    /** Length of an index entry's value: block offset u64 + frame length u32. */
    public static final int INDEX_VALUE_LENGTH = 12;

    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SegmentFileDescriptor() {
    }
}
