package dev.strata.engine.memtable;

import static dev.strata.engine.memtable.MemtableNodeDescriptor.HEIGHT_OFFSET;
import static dev.strata.engine.memtable.MemtableNodeDescriptor.KEY_LENGTH_OFFSET;
import static dev.strata.engine.memtable.MemtableNodeDescriptor.MAX_HEIGHT;
import static dev.strata.engine.memtable.MemtableNodeDescriptor.NAMESPACE_OFFSET;
import static dev.strata.engine.memtable.MemtableNodeDescriptor.NULL;
import static dev.strata.engine.memtable.MemtableNodeDescriptor.TRAILER_OFFSET;
import static dev.strata.engine.memtable.MemtableNodeDescriptor.VALUE_LENGTH_OFFSET;
import static dev.strata.engine.memtable.MemtableNodeDescriptor.nextOffset;
import static dev.strata.engine.memtable.MemtableNodeDescriptor.nodeLength;

import dev.strata.engine.KeyComparator;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An off-heap skip list of internal keys in a fixed-size arena.
 *
 * <h2>Concurrency</h2>
 * One writer (the commit pipeline, which serialises inserts) and any number of readers, without
 * locks. A node is fully written with plain stores, then linked bottom-up with ordered (release)
 * stores of the predecessors' {@code next} pointers; readers load {@code next} pointers with
 * volatile (acquire) loads, so every node a reader reaches is complete. Nodes are never unlinked
 * or moved: the whole arena is dropped when the memtable has been flushed and no reader holds it
 * (the engine reference-counts memtables).
 *
 * <h2>Allocation</h2>
 * Nodes are bump-allocated in the arena; {@link #insert} returns {@link #FULL} when the arena has
 * no room, and the engine switches to a new memtable. The writer's search path is kept in an
 * {@code int[]} owned by this object; readers keep only node offsets. Nothing allocates per call.
 *
 * <h2>Heights</h2>
 * Branching factor 4 (p = 1/4), as in LevelDB; the height generator is a seeded xorshift owned by
 * the writer, so tests are reproducible.
 */
public final class Memtable implements AutoCloseable {
    /** {@link #insert} result: the arena has no room for this entry; switch to a new memtable. */
    public static final int FULL = -1;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int HEAD = MemtableNodeDescriptor.ALIGNMENT;

    private final ByteBuffer memory;
    private final UnsafeBuffer arena;
    private final int[] path = new int[MAX_HEIGHT];
    private long random;
    private int tail;
    private long entries;
    private boolean closed;

    /**
     * @param capacityBytes arena size, 4 KiB to 1 GiB
     * @param seed          seed of the node-height generator
     */
    public Memtable(final int capacityBytes, final long seed) {
        if (capacityBytes < 4096 || capacityBytes > (1 << 30)) {
            throw new IllegalArgumentException("memtable capacity must be between 4 KiB and 1 GiB, got " + capacityBytes);
        }
        memory = ByteBuffer.allocateDirect(capacityBytes);
        arena = new UnsafeBuffer(memory);
        random = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        arena.putByte(HEAD + HEIGHT_OFFSET, (byte)MAX_HEIGHT);
        tail = HEAD + nodeLength(MAX_HEIGHT, 0, 0);
    }

    /**
     * Empties the memtable for reuse (a transaction's write set): the arena is kept, every entry is
     * dropped. Only when no other thread reads it.
     */
    public void reset() {
        checkOpen();
        for (int level = 0; level < MAX_HEIGHT; level++) {
            arena.putInt(nextOffset(HEAD, level), NULL);
        }
        tail = HEAD + nodeLength(MAX_HEIGHT, 0, 0);
        entries = 0;
    }

    /** @return the arena; node offsets returned by this class index into it */
    public DirectBuffer arena() {
        return arena;
    }

    /** @return bytes of the arena in use */
    public int usedBytes() {
        return tail;
    }

    public int capacityBytes() {
        return arena.capacity();
    }

    /** @return entries inserted */
    public long entries() {
        return entries;
    }

    /**
     * Inserts an internal key and its value. Writer thread only. The internal key must not be present
     * already (sequence numbers are unique per write). Entries sort by namespace id first, so one
     * memtable serves every namespace of a store and a flush emits them namespace by namespace.
     *
     * @param namespace the namespace id, 0 to 65535
     * @return the new node's offset, or {@link #FULL}
     */
    public int insert(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        checkOpen();
        final int nodeHeight = randomHeight();
        final int length = nodeLength(nodeHeight, keyLength, valueLength);
        if (length > arena.capacity() - tail) {
            return FULL;
        }
        findLess(namespace, key, keyOffset, keyLength, trailer, path);
        final int node = tail;
        tail += length;
        arena.putLong(node + TRAILER_OFFSET, trailer, ORDER);
        arena.putInt(node + KEY_LENGTH_OFFSET, keyLength, ORDER);
        arena.putInt(node + VALUE_LENGTH_OFFSET, valueLength, ORDER);
        arena.putByte(node + HEIGHT_OFFSET, (byte)nodeHeight);
        arena.putShort(node + NAMESPACE_OFFSET, (short)namespace, ORDER);
        final int keyAt = MemtableNodeDescriptor.keyOffset(node, nodeHeight);
        arena.putBytes(keyAt, key, keyOffset, keyLength);
        arena.putBytes(keyAt + keyLength, value, valueOffset, valueLength);
        for (int level = 0; level < nodeHeight; level++) {
            final int pred = path[level];
            arena.putInt(nextOffset(node, level), next(pred, level));
            arena.putIntRelease(nextOffset(pred, level), node);
        }
        entries++;
        return node;
    }

    /**
     * Finds the first node whose internal key is ≥ {@code (key, trailer)}. Any thread.
     *
     * @return its offset, or {@link MemtableNodeDescriptor#NULL} if there is none
     */
    public int seek(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer) {
        // The answer is the level-0 successor that the search itself compared as ≥ the target, not
        // a fresh read of the predecessor's link after the search: the writer may have linked a new
        // node (< the target, e.g. a smaller key) after that predecessor in between, and returning
        // it would hide the entry sought. Nodes linked after the comparison are newer than any read
        // point, so missing them is correct.
        int node = HEAD;
        int next = NULL;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            next = next(node, level);
            while (next != NULL && compareNode(next, namespace, key, keyOffset, keyLength, trailer) < 0) {
                node = next;
                next = next(node, level);
            }
        }
        return next;
    }

    /**
     * Finds the last node whose internal key is &lt; {@code (key, trailer)} (for reverse scans). Any thread.
     *
     * @return its offset, or {@link MemtableNodeDescriptor#NULL} if there is none
     */
    public int seekBefore(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer) {
        final int node = findLess(namespace, key, keyOffset, keyLength, trailer, null);
        return node == HEAD ? NULL : node;
    }

    /** @return the last node in the list, or {@link MemtableNodeDescriptor#NULL} if empty. Any thread. */
    public int last() {
        int node = HEAD;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            int next = next(node, level);
            while (next != NULL) {
                node = next;
                next = next(node, level);
            }
        }
        return node == HEAD ? NULL : node;
    }

    /** @return the first node, or {@link MemtableNodeDescriptor#NULL} if empty. Any thread. */
    public int first() {
        return next(HEAD, 0);
    }

    /** @return the node after {@code node} in key order, or {@link MemtableNodeDescriptor#NULL}. Any thread. */
    public int next(final int node) {
        return next(node, 0);
    }

    /** @return the node's namespace id */
    public int namespace(final int node) {
        return arena.getShort(node + NAMESPACE_OFFSET, ORDER) & 0xFFFF;
    }

    public long trailer(final int node) {
        return arena.getLong(node + TRAILER_OFFSET, ORDER);
    }

    public int keyLength(final int node) {
        return arena.getInt(node + KEY_LENGTH_OFFSET, ORDER);
    }

    /** @return the arena offset of the node's key bytes */
    public int keyOffset(final int node) {
        return MemtableNodeDescriptor.keyOffset(node, arena.getByte(node + HEIGHT_OFFSET));
    }

    public int valueLength(final int node) {
        return arena.getInt(node + VALUE_LENGTH_OFFSET, ORDER);
    }

    /** @return the arena offset of the node's value bytes */
    public int valueOffset(final int node) {
        return keyOffset(node) + keyLength(node);
    }

    /** Frees the arena. The engine calls it once no reader holds this memtable. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            BufferUtil.free(memory);
        }
    }

    private int next(final int node, final int level) {
        return arena.getIntVolatile(nextOffset(node, level));
    }

    /**
     * @param pathOut if not null (writer only), receives the last node before the key on each level
     * @return the last node before the key (the head if none)
     */
    private int findLess(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer,
        final int[] pathOut) {
        int node = HEAD;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            int next = next(node, level);
            while (next != NULL && compareNode(next, namespace, key, keyOffset, keyLength, trailer) < 0) {
                node = next;
                next = next(node, level);
            }
            if (pathOut != null) {
                pathOut[level] = node;
            }
        }
        return node;
    }

    private int compareNode(final int node, final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long trailer) {
        final int ns = namespace(node);
        if (ns != namespace) {
            return ns < namespace ? -1 : 1;
        }
        return KeyComparator.compareInternal(arena, keyOffset(node), keyLength(node), trailer(node),
            key, keyOffset, keyLength, trailer);
    }

    private int randomHeight() {
        long x = random;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        random = x;
        int h = 1;
        while (h < MAX_HEIGHT && (x & 3) == 0) {
            h++;
            x >>>= 2;
        }
        return h;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("memtable is closed");
        }
    }
}
