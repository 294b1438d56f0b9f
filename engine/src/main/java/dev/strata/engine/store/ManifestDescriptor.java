package dev.strata.engine.store;

import java.nio.ByteOrder;

/**
 * The manifest: which sorted segments make up the store, by namespace and level, plus the
 * counters recovery needs. Written whole, as a new sealed tier segment, on every change (flush,
 * compaction, namespace creation); then the tier's metadata slot is switched to it atomically
 * ({@link #POINTER_LENGTH} bytes) and the previous manifest segment is deleted. Little-endian.
 *
 * <pre>
 *  manifest segment:
 *   0  u64 magic "STRATMAN"   8  u32 version (1)   12  u32 body length
 *  16  body:
 *        u64 last sequence   u64 next segment id   u64 log number (oldest WAL segment to replay)
 *        u32 namespace count, each:
 *          u16 id  u16 name length  name (UTF-8)  u8 codec id  i32 codec level
 *          u8 last-level codec id  i32 last-level codec level  u64 default TTL ms  f64 cache share
 *        u32 segment count, each:
 *          u16 namespace  u8 level  u8 reserved  u64 segment id  u64 size  u64 entries
 *          u64 smallest sequence  u64 largest sequence
 *          u32 smallest key length  smallest key  u32 largest key length  largest key
 *  16 + body length: u32 CRC32C of bytes [0, 16 + body length)
 *
 *  metadata slot (the pointer):
 *   0  u64 magic "STRATPTR"   8  u32 version (1)   12  u32 reserved
 *  16  u64 manifest segment id   24  u64 manifest length   32  u32 CRC32C of bytes [0, 32)
 * </pre>
 */
final class ManifestDescriptor {
    /** "STRATMAN" as a little-endian u64. */
    static final long MAGIC = 0x4E414D5441525453L;
    /** "STRATPTR" as a little-endian u64. */
    static final long POINTER_MAGIC = 0x5254505441525453L;
    static final int VERSION = 1;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 8;
    static final int BODY_LENGTH_OFFSET = 12;
    static final int HEADER_LENGTH = 16;
    static final int CHECKSUM_LENGTH = 4;

    static final int POINTER_SEGMENT_OFFSET = 16;
    static final int POINTER_LENGTH_OFFSET = 24;
    static final int POINTER_CHECKSUM_OFFSET = 32;
    static final int POINTER_LENGTH = 36;

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private ManifestDescriptor() {
    }
}
