package dev.strata.tier.file;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import dev.strata.tier.io.Crcs;

/**
 * Layout of a file-tier segment file ({@code <id>.open} while written, {@code <id>.seg} once
 * sealed). All integers little-endian.
 *
 * <pre>
 *   0                   8         12        16                  24        28        32
 *   +-------------------+---------+---------+-------------------+---------+---------+
 *   | magic "STRTSEG1"  | version | data off| segment id        | flags=0 | hdr crc |   crc: CRC32C of [0, 28)
 *   +-------------------+---------+---------+-------------------+---------+---------+
 *   32: sync slot 0 (24 bytes)            56: sync slot 1 (24 bytes)
 *   +-------------------+-------------------+---------+---------+
 *   | sequence          | synced length     | data crc| crc     |   crc: CRC32C of [0, 20) of the slot
 *   +-------------------+-------------------+---------+---------+
 *   data crc: CRC32C of the data bytes this sync made durable, [previous synced length, synced length)
 *   80 .. 4096: zero
 *   4096 .. data off: never written (a hole on file systems that support them)
 *   data off: data (the appended bytes)                   ... data length bytes
 *   data off + data length: trailer, sealed files only (32 bytes):
 *   +-------------------+-------------------+-------------------+---------+---------+
 *   | magic "STRTEND1"  | data length       | segment id        | crc     | 0       |   crc: CRC32C of [0, 24)
 *   +-------------------+-------------------+-------------------+---------+---------+
 * </pre>
 *
 * <p>Why sync slots: after a crash, the file may hold unsynced bytes, some of them torn or never
 * written (zeros). Each {@code sync()} writes the data, then the new synced length and the CRC32C
 * of the newly synced bytes into slot {@code sequence % 2}, and forces once (one fdatasync per
 * sync). After a crash during that force any part of it may be missing, so recovery takes the
 * valid slot with the highest sequence and checks its data CRC against the bytes between the other
 * slot's length and its own: if they match the sync completed, otherwise it falls back to the
 * other slot, whose sync had completed before this one began. Either way an unsealed segment shows
 * exactly a synced prefix, and every sync that returned is in it. Two slots so that a torn slot
 * write leaves the previous one intact.
 *
 * <p>Why data starts at 1 MiB ({@link #DATA_OFFSET}, format 3; format 2 files, still readable, start
 * it at 4096): the page cache holds a file in folios, and a write can only create a folio as large as
 * the alignment of its file offset allows. Data at 4096 made every large write start misaligned, so
 * the cache held it in small folios, and a random 4 KiB read walked a deeper page-cache index: about
 * 7 % slower than the same read of a file whose data starts at 0 (measured, see
 * {@code docs/benchmarks.md}). At 1 MiB, writes of up to 1 MiB at multiples of their size land on
 * aligned offsets. The gap between the header block and the data is never written, so it takes no
 * disk space where the file system supports holes (ext4, XFS, btrfs, ZFS).
 */
public final class SegmentFileDescriptor {
    /** "STRTSEG1" little-endian. */
    public static final long MAGIC = 0x3147455354525453L;
    /** "STRTEND1" little-endian. */
    public static final long TRAILER_MAGIC = 0x31444E4554525453L;
    /** The format version written (3: data at {@link #DATA_OFFSET}; 2: data at 4096, also read). */
    public static final int VERSION = 3;
    /** The oldest format version read: 2 (sync slots carry a data CRC; one fdatasync per sync). */
    public static final int OLDEST_READABLE_VERSION = 2;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    /** Where the header records the file offset of the data (named "hdr len" in format 2, where it was 4096). */
    public static final int DATA_OFFSET_OFFSET = 12;
    public static final int SEGMENT_ID_OFFSET = 16;
    public static final int FLAGS_OFFSET = 24;
    public static final int HEADER_CRC_OFFSET = 28;
    public static final int SYNC_SLOT_0_OFFSET = 32;
    public static final int SYNC_SLOT_LENGTH = 24;
    public static final int SLOT_SEQUENCE_OFFSET = 0;
    public static final int SLOT_LENGTH_OFFSET = 8;
    public static final int SLOT_DATA_CRC_OFFSET = 16;
    public static final int SLOT_CRC_OFFSET = 20;
    /** Length of the header block, the only part of the file before the data that is ever written. */
    public static final int HEADER_LENGTH = 4096;
    /** Where the data of a format 3 file starts: a multiple of every large write's size (see above). */
    public static final int DATA_OFFSET = 1 << 20;
    public static final int TRAILER_LENGTH = 32;
    public static final int TRAILER_DATA_LENGTH_OFFSET = 8;
    public static final int TRAILER_SEGMENT_ID_OFFSET = 16;
    public static final int TRAILER_CRC_OFFSET = 24;
    /** Suffix of a segment being written. */
    public static final String OPEN_SUFFIX = ".open";
    /** Suffix of a sealed segment. */
    public static final String SEALED_SUFFIX = ".seg";

    private SegmentFileDescriptor() {
    }

    /** @return the file-name stem of a segment: its id as 16 hex digits */
    public static String stem(final long segmentId) {
        final String hex = Long.toHexString(segmentId);
        return "0000000000000000".substring(hex.length()) + hex;
    }

    /** @return where the data of a file of format {@code version} starts, or -1 for a version this build does not read */
    public static long dataOffset(final int version) {
        return version == VERSION ? DATA_OFFSET : version == 2 ? HEADER_LENGTH : -1;
    }

    /** @return the offset of sync slot {@code sequence % 2} */
    public static int slotOffset(final long sequence) {
        return SYNC_SLOT_0_OFFSET + (int) (sequence & 1) * SYNC_SLOT_LENGTH;
    }

    /** Fills {@code buf[0, HEADER_LENGTH)} with a new header whose slot 0 says "sequence 0, length 0". */
    public static void writeHeader(final ByteBuffer buf, final long segmentId, final CRC32C crc) {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < HEADER_LENGTH; i += 8) {
            buf.putLong(i, 0L);
        }
        buf.putLong(MAGIC_OFFSET, MAGIC);
        buf.putInt(VERSION_OFFSET, VERSION);
        buf.putInt(DATA_OFFSET_OFFSET, DATA_OFFSET);
        buf.putLong(SEGMENT_ID_OFFSET, segmentId);
        buf.putInt(FLAGS_OFFSET, 0);
        buf.putInt(HEADER_CRC_OFFSET, Crcs.crc(crc, buf, 0, HEADER_CRC_OFFSET));
        writeSlot(buf, SYNC_SLOT_0_OFFSET, 0L, 0L, 0, crc);
    }

    /**
     * Writes a sync slot at {@code buf[at, at + SYNC_SLOT_LENGTH)}.
     *
     * @param dataCrc CRC32C of the data bytes {@code [previous synced length, length)}
     */
    public static void writeSlot(final ByteBuffer buf, final int at, final long sequence, final long length, final int dataCrc,
        final CRC32C crc) {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(at + SLOT_SEQUENCE_OFFSET, sequence);
        buf.putLong(at + SLOT_LENGTH_OFFSET, length);
        buf.putInt(at + SLOT_DATA_CRC_OFFSET, dataCrc);
        buf.putInt(at + SLOT_CRC_OFFSET, Crcs.crc(crc, buf, at, SLOT_CRC_OFFSET));
    }

    /** @return whether the slot at {@code at} has a valid CRC */
    public static boolean slotValid(final ByteBuffer buf, final int at, final CRC32C crc) {
        return buf.order(ByteOrder.LITTLE_ENDIAN).getInt(at + SLOT_CRC_OFFSET) == Crcs.crc(crc, buf, at, SLOT_CRC_OFFSET);
    }

    /** Writes a trailer at {@code buf[0, TRAILER_LENGTH)}. */
    public static void writeTrailer(final ByteBuffer buf, final long segmentId, final long dataLength, final CRC32C crc) {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(0, TRAILER_MAGIC);
        buf.putLong(TRAILER_DATA_LENGTH_OFFSET, dataLength);
        buf.putLong(TRAILER_SEGMENT_ID_OFFSET, segmentId);
        buf.putInt(TRAILER_CRC_OFFSET, Crcs.crc(crc, buf, 0, TRAILER_CRC_OFFSET));
        buf.putInt(TRAILER_CRC_OFFSET + 4, 0);
    }
}
