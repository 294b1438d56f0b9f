package dev.strata.engine.sst;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Unsigned LEB128 varints for non-negative {@code int}s (1 to 5 bytes), as in LevelDB's blocks.
 * Decoding returns the value and leaves the position in a caller-owned cursor, without allocation.
 */
public final class Varint {
    private Varint() {
    }

    /** @return the bytes {@code value} takes */
    public static int length(final int value) {
        int n = 1;
        int v = value >>> 7;
        while (v != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    /** Writes {@code value} at {@code index}; @return the index after it */
    public static int put(final MutableDirectBuffer buffer, final int index, final int value) {
        int i = index;
        int v = value;
        while ((v & ~0x7F) != 0) {
            buffer.putByte(i++, (byte)((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        buffer.putByte(i++, (byte)v);
        return i;
    }

    /**
     * Reads a varint at {@code cursor[0]} (not beyond {@code limit}) and advances {@code cursor[0]}.
     *
     * @return the value, or -1 if the bytes are not a valid varint within the limit (corruption)
     */
    public static int get(final DirectBuffer buffer, final int[] cursor, final int limit) {
        int i = cursor[0];
        int result = 0;
        for (int shift = 0; shift <= 28; shift += 7) {
            if (i >= limit) {
                return -1;
            }
            final int b = buffer.getByte(i++);
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                cursor[0] = i;
                return result < 0 ? -1 : result;
            }
        }
        return -1;
    }
}
