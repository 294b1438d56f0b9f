package dev.strata.engine.sst;

/**
 * Layout of an uncompressed data (or index) block. The block is then wrapped in a compression
 * block frame (codec id, lengths, CRC32C) before it is written to a segment.
 *
 * <pre>
 *  entry 0 … entry n-1, each:
 *   +------------+--------------+-------------+------------------+-----------+-------------+
 *   | shared (v) | unshared (v) | value len(v)| unshared key bytes| trailer 8 | value bytes |
 *   +------------+--------------+-------------+------------------+-----------+-------------+
 *  restart offsets: u32 × r (offsets of entries whose shared = 0)
 *  u32 r (number of restarts, ≥ 1)
 * </pre>
 *
 * (v) = unsigned LEB128 varint ({@link Varint}). "shared" is the length of the prefix the entry's
 * user key shares with the previous entry's; every {@code restartInterval}-th entry stores its
 * whole key so that a reader can binary-search the restart points. The trailer is the internal
 * key's {@code sequence << 8 | kind}, little-endian. All u32 are little-endian.
 */
public final class DataBlockDescriptor {
    public static final int RESTART_ENTRY_LENGTH = 4;
    public static final int RESTART_COUNT_LENGTH = 4;
    public static final int TRAILER_LENGTH = 8;
    /** Default entries between restart points (LevelDB's default). */
    public static final int DEFAULT_RESTART_INTERVAL = 16;

    private DataBlockDescriptor() {
    }
}
