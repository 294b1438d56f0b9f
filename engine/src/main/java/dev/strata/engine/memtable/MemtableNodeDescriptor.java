package dev.strata.engine.memtable;

/**
 * Layout of one skip-list node in the memtable arena (in memory only, never persisted). Lengths
 * and the trailer are little-endian; the {@code next} pointers use native order because they are
 * published and read with release/acquire accesses, which are native-order only.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                    trailer (sequence << 8 | kind)             |  0
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                          key length                           |  8
 *  +---------------------------------------------------------------+
 *  |                         value length                          | 12
 *  +---------------+---------------+-------------------------------+
 *  |    height     |    padding    |      namespace id (u16)       | 16
 *  +---------------+---------------+-------------------------------+
 *  |            next[0] … next[height - 1] (arena offsets)        ...  20
 *  +---------------------------------------------------------------+
 *  |                key bytes, then value bytes                   ...  20 + 4 * height
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Offset 0 of the arena is never a node, so a {@code next} of 0 means "end of list". Nodes start
 * at 8-byte aligned offsets so the trailer is read with one aligned access.
 */
public final class MemtableNodeDescriptor {
    public static final int TRAILER_OFFSET = 0;
    public static final int KEY_LENGTH_OFFSET = 8;
    public static final int VALUE_LENGTH_OFFSET = 12;
    public static final int HEIGHT_OFFSET = 16;
    public static final int NAMESPACE_OFFSET = 18;
    public static final int NEXT_OFFSET = 20;
    public static final int ALIGNMENT = 8;
    /** Tallest node; with branching factor 4 this covers far more nodes than fit in an arena. */
    public static final int MAX_HEIGHT = 12;
    /** The "no node" offset. */
    public static final int NULL = 0;

    private MemtableNodeDescriptor() {
    }

    public static int nextOffset(final int node, final int level) {
        return node + NEXT_OFFSET + (level << 2);
    }

    public static int keyOffset(final int node, final int height) {
        return node + NEXT_OFFSET + (height << 2);
    }

    /** @return the arena bytes a node needs, aligned */
    public static int nodeLength(final int height, final int keyLength, final int valueLength) {
        final long raw = (long)NEXT_OFFSET + ((long)height << 2) + keyLength + valueLength;
        return (int)((raw + ALIGNMENT - 1) & ~(ALIGNMENT - 1L));
    }
}
