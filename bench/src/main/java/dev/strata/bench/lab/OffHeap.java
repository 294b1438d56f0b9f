package dev.strata.bench.lab;

import java.nio.ByteBuffer;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Allocates and frees the off-heap buffers of labs and benchmarks. Plain direct buffers (not
 * aligned slices) so that they can be freed at once instead of waiting for the garbage collector:
 * a lab over a large corpus allocates several corpus-sized buffers per codec.
 */
public final class OffHeap {
    private OffHeap() {
    }

    /** @return a zeroed direct buffer of at least one byte */
    public static UnsafeBuffer allocate(final int capacity) {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(Math.max(capacity, 1)));
    }

    /** Frees a buffer from {@link #allocate}; it must not be used afterwards. */
    public static void free(final UnsafeBuffer buffer) {
        BufferUtil.free(buffer.byteBuffer());
    }
}
