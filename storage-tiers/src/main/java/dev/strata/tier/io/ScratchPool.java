package dev.strata.tier.io;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small lock-free pool of {@link AlignedBuffer}s that concurrent readers borrow for one read and
 * return. Once as many buffers exist as threads read at once, borrowing allocates nothing.
 *
 * <p>Why a pool and not a {@code ThreadLocal}: scratch memory has an explicit owner (the reader
 * or tier that created the pool) and is freed when that owner closes; nothing hides per thread.
 * If more threads than slots read at once, the extra buffers are created and freed per read
 * (correct, only slower).
 */
public final class ScratchPool implements AutoCloseable {
    private final AtomicReferenceArray<AlignedBuffer> slots;
    private final int bufferSize;
    private final int alignment;
    private volatile boolean closed;

    /**
     * @param slots      buffers kept for reuse
     * @param bufferSize bytes per buffer (a multiple of {@code alignment})
     * @param alignment  address alignment (a power of two)
     */
    public ScratchPool(final int slots, final int bufferSize, final int alignment) {
        this.slots = new AtomicReferenceArray<>(slots);
        this.bufferSize = bufferSize;
        this.alignment = alignment;
    }

    /** @return bytes per buffer */
    public int bufferSize() {
        return bufferSize;
    }

    /** @return a buffer for the caller's exclusive use until {@link #release} */
    public AlignedBuffer acquire() {
        for (int i = 0; i < slots.length(); i++) {
            final AlignedBuffer b = slots.getAndSet(i, null);
            if (b != null) {
                return b;
            }
        }
        return new AlignedBuffer(bufferSize, alignment);
    }

    /** Returns a buffer taken with {@link #acquire}. */
    public void release(final AlignedBuffer buffer) {
        if (!closed) {
            for (int i = 0; i < slots.length(); i++) {
                if (slots.compareAndSet(i, null, buffer)) {
                    if (closed) {
                        // close() may have drained the slots before we stored: drain again.
                        drain();
                    }
                    return;
                }
            }
        }
        buffer.close();
    }

    /** Frees the pooled buffers; buffers still borrowed are freed when released. */
    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void drain() {
        for (int i = 0; i < slots.length(); i++) {
            final AlignedBuffer b = slots.getAndSet(i, null);
            if (b != null) {
                b.close();
            }
        }
    }
}
