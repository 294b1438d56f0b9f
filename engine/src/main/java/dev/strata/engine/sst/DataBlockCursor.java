package dev.strata.engine.sst;

import dev.strata.engine.DirectBuffers;

import static dev.strata.engine.sst.DataBlockDescriptor.TRAILER_LENGTH;

import dev.strata.engine.KeyComparator;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * Reads one block in the {@link DataBlockDescriptor} layout: seek by internal key (binary search
 * over restart points, then a linear scan), step forward and backward.
 *
 * <p>The current key is rebuilt from the prefix-compressed entries into a buffer this cursor owns;
 * {@link #key()} and {@link #value()} views are valid until the next call that moves the cursor.
 * Single-threaded; allocates nothing once its key buffer has grown to the longest key. The key
 * buffer is off-heap: {@link #close()} frees it.
 *
 * <p>Backward steps re-scan from the restart point before the current entry (as LevelDB does):
 * O(restart interval) per step, no per-entry back pointers on disk.
 */
public final class DataBlockCursor implements AutoCloseable {
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final ExpandableDirectByteBuffer key = new ExpandableDirectByteBuffer(256);
    private final int[] cursor = new int[1];
    private DirectBuffer block;
    private int base;
    private int restartsOffset;
    private int restartCount;
    private int current;
    private int next;
    private int keyLength;
    private long trailer;
    private int valueOffset;
    private int valueLength;
    private boolean closed;

    /**
     * Points the cursor at a block; the cursor is then unpositioned ({@link #isValid()} is false).
     *
     * @throws BlockCorruptionException if the restart array does not fit the block
     */
    public DataBlockCursor wrap(final DirectBuffer buffer, final int offset, final int length) {
        if (length < 4) {
            throw new BlockCorruptionException("block of " + length + " bytes is shorter than its restart count");
        }
        block = buffer;
        base = offset;
        restartCount = buffer.getInt(offset + length - 4, ORDER);
        final long restartsStart = (long)length - 4 - (long)restartCount * 4;
        if (restartCount < 1 || restartsStart < 0) {
            throw new BlockCorruptionException("block of " + length + " bytes claims " + restartCount + " restart points");
        }
        restartsOffset = offset + (int)restartsStart;
        current = restartsOffset;
        next = restartsOffset;
        return this;
    }

    public boolean isValid() {
        return current < restartsOffset;
    }

    public void seekToFirst() {
        next = restartPoint(0);
        keyLength = 0;
        advance();
    }

    public void seekToLast() {
        next = restartPoint(restartCount - 1);
        keyLength = 0;
        advance();
        while (next < restartsOffset) {
            advance();
        }
    }

    /** Positions at the first entry whose internal key is ≥ {@code (target, targetTrailer)}; invalid if none. */
    public void seek(final DirectBuffer target, final int targetOffset, final int targetLength, final long targetTrailer) {
        int low = 0;
        int high = restartCount - 1;
        while (low < high) {
            final int mid = (low + high + 1) >>> 1;
            if (compareAtRestart(mid, target, targetOffset, targetLength, targetTrailer) < 0) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        next = restartPoint(low);
        keyLength = 0;
        advance();
        while (isValid() && compareCurrent(target, targetOffset, targetLength, targetTrailer) < 0) {
            advance();
        }
    }

    public void next() {
        advance();
    }

    /** Moves to the previous entry; invalid if this was the first. */
    public void prev() {
        final int target = current;
        int restart = restartCount - 1;
        while (restart > 0 && restartPoint(restart) >= target) {
            restart--;
        }
        if (restartPoint(restart) >= target) {
            current = restartsOffset;
            next = restartsOffset;
            return;
        }
        next = restartPoint(restart);
        keyLength = 0;
        advance();
        while (next < target) {
            advance();
        }
    }

    /** @return the current user key (valid until the cursor moves); length {@link #keyLength()} */
    public DirectBuffer key() {
        return key;
    }

    public int keyLength() {
        return keyLength;
    }

    public long trailer() {
        return trailer;
    }

    /** @return the block buffer; the value is at {@link #valueOffset()} for {@link #valueLength()} bytes */
    public DirectBuffer value() {
        return block;
    }

    public int valueOffset() {
        return valueOffset;
    }

    public int valueLength() {
        return valueLength;
    }

    private int compareCurrent(final DirectBuffer target, final int targetOffset, final int targetLength, final long targetTrailer) {
        return KeyComparator.compareInternal(key, 0, keyLength, trailer, target, targetOffset, targetLength, targetTrailer);
    }

    /**
     * Compares the entry at restart point {@code index} with a target without decoding it into the
     * key buffer: a restart entry shares nothing with its predecessor, so its whole key lies in the
     * block (the binary search of a seek touches only these).
     */
    private int compareAtRestart(final int index, final DirectBuffer target, final int targetOffset, final int targetLength,
        final long targetTrailer) {
        final int at = restartPoint(index);
        cursor[0] = at;
        final int shared = Varint.get(block, cursor, restartsOffset);
        final int unshared = Varint.get(block, cursor, restartsOffset);
        final int vlen = Varint.get(block, cursor, restartsOffset);
        final int p = cursor[0];
        if (shared != 0 || unshared < 0 || vlen < 0 || (long)p + unshared + TRAILER_LENGTH + vlen > restartsOffset) {
            throw new BlockCorruptionException("restart entry at block offset " + (at - base) + " is malformed (shared=" + shared
                + ", unshared=" + unshared + ", value length=" + vlen + ")");
        }
        return KeyComparator.compareInternal(block, p, unshared, block.getLong(p + unshared, ORDER), target, targetOffset, targetLength,
            targetTrailer);
    }

    private int restartPoint(final int index) {
        return base + block.getInt(restartsOffset + index * 4, ORDER);
    }

    /** Decodes the entry at {@code next}, or invalidates the cursor at the end of the entries. */
    private void advance() {
        current = next;
        if (current >= restartsOffset) {
            current = restartsOffset;
            return;
        }
        cursor[0] = current;
        final int shared = Varint.get(block, cursor, restartsOffset);
        final int unshared = Varint.get(block, cursor, restartsOffset);
        final int vlen = Varint.get(block, cursor, restartsOffset);
        final int p = cursor[0];
        if (shared < 0 || unshared < 0 || vlen < 0 || shared > keyLength
            || (long)p + unshared + TRAILER_LENGTH + vlen > restartsOffset) {
            throw new BlockCorruptionException("entry at block offset " + (current - base) + " is malformed (shared="
                + shared + ", unshared=" + unshared + ", value length=" + vlen + ")");
        }
        if (shared + unshared > key.capacity()) {
            DirectBuffers.ensureCapacity(key, shared + unshared);
        }
        key.putBytes(shared, block, p, unshared);
        keyLength = shared + unshared;
        trailer = block.getLong(p + unshared, ORDER);
        valueOffset = p + unshared + TRAILER_LENGTH;
        valueLength = vlen;
        next = valueOffset + vlen;
    }

    /** Frees the off-heap key buffer; the cursor must not be used afterwards. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DirectBuffers.free(key);
        }
    }
}
