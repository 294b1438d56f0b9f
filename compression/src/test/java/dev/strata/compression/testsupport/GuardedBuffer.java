package dev.strata.compression.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A range {@code [offset, offset + length)} inside a larger buffer whose other bytes are guard
 * bytes: {@link #assertGuardsIntact(String)} proves that code given only the range wrote nothing
 * outside it.
 */
public final class GuardedBuffer {
    /** Guard bytes before and after the range. */
    public static final int GUARD = 64;
    /** The guard pattern; also the initial content of the range. */
    public static final byte PATTERN = (byte)0xA5;

    private final UnsafeBuffer buffer;
    private final int offset;
    private final int length;

    GuardedBuffer(final UnsafeBuffer whole, final int offset, final int length) {
        this.buffer = whole;
        this.offset = offset;
        this.length = length;
        whole.setMemory(0, whole.capacity(), PATTERN);
    }

    /** @return the whole buffer, guards included */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    /** @return where the usable range starts in {@link #buffer()} */
    public int offset() {
        return offset;
    }

    /** @return the usable length */
    public int length() {
        return length;
    }

    /** Writes {@code data} at the start of the range. */
    public GuardedBuffer put(final byte[] data) {
        buffer.putBytes(offset, data);
        return this;
    }

    /** @return a copy of the first {@code n} bytes of the range */
    public byte[] bytes(final int n) {
        final byte[] b = new byte[n];
        buffer.getBytes(offset, b);
        return b;
    }

    /** Fails, naming the first changed index, if any byte outside the range differs from {@link #PATTERN}. */
    public void assertGuardsIntact(final String context) {
        checkPattern(0, offset, context);
        checkPattern(offset + length, buffer.capacity(), context);
    }

    private void checkPattern(final int from, final int to, final String context) {
        for (int i = from; i < to; i++) {
            final byte b = buffer.getByte(i);
            if (b != PATTERN) {
                assertEquals(PATTERN, b, context + ": byte " + i + " outside the range [" + offset + ", "
                    + (offset + length) + ") was written");
            }
        }
    }
}
