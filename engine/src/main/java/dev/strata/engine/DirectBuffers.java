package dev.strata.engine;

import java.nio.ByteBuffer;
import org.agrona.BufferUtil;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * Frees the off-heap memory of {@link ExpandableDirectByteBuffer}s explicitly. Agrona's expandable
 * buffer allocates a new direct buffer when it grows and drops the old one, whose memory then
 * returns only when a garbage collection runs its cleaner; a long-running store (and the leak
 * checks) want it back at once. Grow such buffers only through {@link #ensureCapacity}, never
 * implicitly by writing past the end, and {@link #free} them when their owner closes.
 */
public final class DirectBuffers {
    private DirectBuffers() {
    }

    /** Grows {@code buffer} to at least {@code limit} bytes (keeping its contents) and frees the memory it replaced. */
    public static void ensureCapacity(final ExpandableDirectByteBuffer buffer, final int limit) {
        final ByteBuffer old = buffer.byteBuffer();
        buffer.checkLimit(limit);
        if (buffer.byteBuffer() != old) {
            BufferUtil.free(old);
        }
    }

    /** Frees the memory of {@code buffer}, which must not be used afterwards. */
    public static void free(final ExpandableDirectByteBuffer buffer) {
        BufferUtil.free(buffer.byteBuffer());
    }
}
