package dev.strata.tier.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An off-heap buffer whose address is aligned (for O_DIRECT), with an Agrona view, that is freed
 * explicitly rather than left to the garbage collector.
 *
 * <p>Why not {@code BufferUtil.allocateDirectAligned}: it returns a slice of a larger buffer, and
 * Agrona 2.6's {@code BufferUtil.free} refuses slices ("duplicate or slice"), so its memory would
 * only return when a GC runs the cleaner; the leak checks (and long-running stores) want it back
 * on close. This class allocates the larger buffer itself, keeps it, and frees it.
 */
public final class AlignedBuffer implements AutoCloseable {
    private final ByteBuffer raw;
    private final ByteBuffer aligned;
    private final UnsafeBuffer view;
    private boolean freed;

    /**
     * @param capacity  bytes usable
     * @param alignment a power of two
     */
    public AlignedBuffer(final int capacity, final int alignment) {
        if (Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, got " + alignment);
        }
        raw = ByteBuffer.allocateDirect(capacity + alignment);
        final long address = BufferUtil.address(raw);
        final int shift = (int) (((address + alignment - 1) & -alignment) - address);
        raw.limit(shift + capacity).position(shift);
        aligned = raw.slice().order(ByteOrder.LITTLE_ENDIAN);
        raw.clear();
        view = new UnsafeBuffer(aligned);
    }

    /** @return the aligned buffer; callers set its position and limit for each transfer */
    public ByteBuffer byteBuffer() {
        return aligned;
    }

    /** @return an Agrona view of the whole aligned region */
    public UnsafeBuffer view() {
        return view;
    }

    /** @return usable bytes */
    public int capacity() {
        return aligned.capacity();
    }

    /** Frees the memory. Idempotent; the buffer must not be used afterwards. */
    @Override
    public void close() {
        if (!freed) {
            freed = true;
            view.wrap(0, 0);
            BufferUtil.free(raw);
        }
    }
}
