package dev.strata.tier.object;

import dev.strata.tier.TierFullException;
import java.nio.ByteBuffer;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A growing off-heap buffer that frees what it outgrows. Agrona's {@code ExpandableDirectByteBuffer}
 * leaves the old memory to the garbage collector on growth, so a 64 MiB segment would hold about
 * twice that in dead direct buffers until a GC; this one frees each old buffer at once and {@link
 * #free()} releases the last. {@link #view()} is one reused {@link UnsafeBuffer}, re-wrapped on
 * growth (no allocation otherwise). Not thread-safe.
 */
final class OffHeapBuffer {
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private ByteBuffer memory;

    OffHeapBuffer(final int initialCapacity) {
        memory = ByteBuffer.allocateDirect(initialCapacity);
        view.wrap(memory);
    }

    /** @return the buffer, valid until the next {@link #ensureCapacity} or {@link #free()} */
    UnsafeBuffer view() {
        return view;
    }

    int capacity() {
        return view.capacity();
    }

    /** Grows (doubling, keeping the contents) so that at least {@code required} bytes fit. */
    UnsafeBuffer ensureCapacity(final long required) {
        if (required <= view.capacity()) {
            return view;
        }
        if (required > MAX_CAPACITY) {
            throw new TierFullException("an off-heap buffer cannot exceed " + MAX_CAPACITY + " bytes, " + required + " requested");
        }
        final long doubled = Math.max(required, 2L * view.capacity());
        final ByteBuffer bigger = ByteBuffer.allocateDirect((int) Math.min(doubled, MAX_CAPACITY));
        final UnsafeBuffer target = new UnsafeBuffer(bigger);
        target.putBytes(0, view, 0, view.capacity());
        BufferUtil.free(memory);
        memory = bigger;
        view.wrap(memory);
        return view;
    }

    /** Releases the memory; the buffer must not be used afterwards. */
    void free() {
        if (memory != null) {
            BufferUtil.free(memory);
            memory = null;
            view.wrap(0, 0);
        }
    }
}
