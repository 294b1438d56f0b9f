package dev.strata.engine.sst;

import dev.strata.engine.DirectBuffers;

import static dev.strata.engine.sst.DataBlockDescriptor.TRAILER_LENGTH;

import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.IntArrayList;

/**
 * Builds one block in the {@link DataBlockDescriptor} layout. Entries must arrive in internal-key
 * order. Single-threaded; reused across blocks with {@link #reset()}, after which it allocates
 * nothing (its buffers only grow). Its buffers are off-heap: {@link #close()} frees them.
 */
public final class DataBlockBuilder implements AutoCloseable {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final int restartInterval;
    private final ExpandableDirectByteBuffer block = new ExpandableDirectByteBuffer(4096);
    private final ExpandableDirectByteBuffer lastKey = new ExpandableDirectByteBuffer(256);
    private final IntArrayList restarts = new IntArrayList();
    private int position;
    private int lastKeyLength;
    private long lastTrailer;
    private int entries;
    private int sinceRestart;
    private boolean closed;

    public DataBlockBuilder(final int restartInterval) {
        if (restartInterval < 1) {
            throw new IllegalArgumentException("restartInterval must be at least 1, got " + restartInterval);
        }
        this.restartInterval = restartInterval;
        reset();
    }

    /** Starts a new, empty block. */
    public void reset() {
        position = 0;
        lastKeyLength = 0;
        entries = 0;
        sinceRestart = 0;
        restarts.clear();
    }

    public boolean isEmpty() {
        return entries == 0;
    }

    public int entries() {
        return entries;
    }

    /** @return the block's length if it were finished now */
    public int estimatedLength() {
        return position + restarts.size() * 4 + 4;
    }

    /** Appends an entry; its internal key must sort after the previous entry's. */
    public void add(final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer,
        final DirectBuffer value, final int valueOffset, final int valueLength) {
        int shared = 0;
        if (sinceRestart == restartInterval || entries == 0) {
            restarts.addInt(position);
            sinceRestart = 0;
        } else {
            final int max = Math.min(lastKeyLength, keyLength);
            while (shared < max && lastKey.getByte(shared) == key.getByte(keyOffset + shared)) {
                shared++;
            }
        }
        final int unshared = keyLength - shared;
        DirectBuffers.ensureCapacity(block, position + 15 + unshared + TRAILER_LENGTH + valueLength);
        DirectBuffers.ensureCapacity(lastKey, keyLength);
        int p = Varint.put(block, position, shared);
        p = Varint.put(block, p, unshared);
        p = Varint.put(block, p, valueLength);
        block.putBytes(p, key, keyOffset + shared, unshared);
        p += unshared;
        block.putLong(p, trailer, ORDER);
        p += TRAILER_LENGTH;
        block.putBytes(p, value, valueOffset, valueLength);
        position = p + valueLength;
        lastKey.putBytes(shared, key, keyOffset + shared, unshared);
        lastKeyLength = keyLength;
        lastTrailer = trailer;
        entries++;
        sinceRestart++;
    }

    /**
     * Appends the restart array and count.
     *
     * @return the finished block's length; the bytes are in {@link #buffer()} from offset 0
     */
    public int finish() {
        if (restarts.isEmpty()) {
            restarts.addInt(0);
        }
        DirectBuffers.ensureCapacity(block, position + restarts.size() * 4 + 4);
        for (int i = 0; i < restarts.size(); i++) {
            block.putInt(position, restarts.getInt(i), ORDER);
            position += 4;
        }
        block.putInt(position, restarts.size(), ORDER);
        position += 4;
        return position;
    }

    /** @return the block bytes (valid after {@link #finish()} until the next {@link #reset()}) */
    public MutableDirectBuffer buffer() {
        return block;
    }

    /** @return the last key added (valid until the next add or reset) */
    public DirectBuffer lastKey() {
        return lastKey;
    }

    public int lastKeyLength() {
        return lastKeyLength;
    }

    public long lastTrailer() {
        return lastTrailer;
    }

    /** Frees the off-heap buffers; the builder must not be used afterwards. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DirectBuffers.free(block);
            DirectBuffers.free(lastKey);
        }
    }
}
