package dev.strata.compression.testsupport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Allocates test buffers of every {@link BufferKind} and frees their off-heap memory on
 * {@link #close()}. Each kind is wrapped with a non-zero adjustment (an array offset, a
 * {@code ByteBuffer} index) so that codecs must honour {@code wrapAdjustment()}; direct
 * {@code ByteBuffer}s have their position moved, which a {@code DirectBuffer} view must ignore.
 * (Their limit stays at the capacity, so that codecs take their direct path; the contract's
 * {@code ByteBuffer} test moves limits too.)
 */
public final class TestBuffers implements AutoCloseable {
    private final List<ByteBuffer> direct = new ArrayList<>();

    /** @return a buffer of exactly {@code capacity} bytes backed by {@code kind} */
    public UnsafeBuffer allocate(final BufferKind kind, final int capacity) {
        switch (kind) {
            case ARRAY:
                return new UnsafeBuffer(new byte[capacity + 7], 7, capacity);
            case HEAP_BYTE_BUFFER:
                return new UnsafeBuffer(ByteBuffer.allocate(capacity + 5).position(5).slice());
            case DIRECT_BYTE_BUFFER: {
                final ByteBuffer bb = directByteBuffer(capacity + 3);
                final UnsafeBuffer view = new UnsafeBuffer(bb, 3, capacity);
                bb.position(1);
                return view;
            }
            case RAW_MEMORY: {
                final ByteBuffer owner = directByteBuffer(capacity);
                return new UnsafeBuffer(BufferUtil.address(owner), capacity);
            }
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /** @return a guarded range of {@code length} bytes starting {@code lead} bytes after the front guard */
    public GuardedBuffer guarded(final BufferKind kind, final int length, final int lead) {
        final int offset = GuardedBuffer.GUARD + lead;
        return new GuardedBuffer(allocate(kind, offset + length + GuardedBuffer.GUARD), offset, length);
    }

    /** @return a guarded range directly after the front guard */
    public GuardedBuffer guarded(final BufferKind kind, final int length) {
        return guarded(kind, length, 0);
    }

    /** @return a direct {@code ByteBuffer} freed on {@link #close()} */
    public ByteBuffer directByteBuffer(final int capacity) {
        final ByteBuffer bb = ByteBuffer.allocateDirect(Math.max(capacity, 1));
        direct.add(bb);
        return bb;
    }

    /** Frees every direct buffer this instance allocated; views over them must not be used after. */
    @Override
    public void close() {
        for (ByteBuffer bb : direct) {
            BufferUtil.free(bb);
        }
        direct.clear();
    }
}
