package dev.strata.compression.internal;

import org.agrona.DirectBuffer;

/**
 * Computes the decoded length of an LZ4 block by walking its sequences, without decoding.
 *
 * <p>Why: the LZ4 block format does not store the decoded length, and {@code LZ4_decompress_safe}
 * fails the same way for a destination that is too small and for malformed input. {@link Lz4Codec}
 * calls this only after a failure, to tell the two apart, so that a caller with a short
 * destination gets {@link dev.strata.compression.Codec#DST_TOO_SMALL} (retry with more room) rather
 * than {@link dev.strata.compression.Codec#MALFORMED_INPUT} (give up).
 *
 * <p>A sequence is: a token (high nibble literal length, low nibble match length - 4), extra
 * literal-length bytes while the nibble is 15 (each adds its value, 255 continues), the literals,
 * then - unless the block ends there - a 2-byte little-endian offset (1 to bytes decoded so far)
 * and extra match-length bytes like the literal ones.
 */
final class Lz4BlockScanner {
    /** The input is not a well-formed LZ4 block. */
    static final long MALFORMED = -1;

    private Lz4BlockScanner() {
    }

    /** @return the decoded length of {@code src[offset, offset + length)}, or {@link #MALFORMED} */
    static long decodedLength(final DirectBuffer src, final int offset, final int length) {
        final int end = offset + length;
        int pos = offset;
        long decoded = 0;
        while (pos < end) {
            final int token = src.getByte(pos++) & 0xFF;
            long literals = token >>> 4;
            if (literals == 15) {
                int extra;
                do {
                    if (pos >= end) {
                        return MALFORMED;
                    }
                    extra = src.getByte(pos++) & 0xFF;
                    literals += extra;
                } while (extra == 255);
            }
            if (literals > end - pos) {
                return MALFORMED;
            }
            pos += (int)literals;
            decoded += literals;
            if (pos == end) {
                return decoded; // the last sequence has literals only
            }
            if (end - pos < 2) {
                return MALFORMED;
            }
            final int matchOffset = (src.getByte(pos) & 0xFF) | (src.getByte(pos + 1) & 0xFF) << 8;
            pos += 2;
            if (matchOffset == 0 || matchOffset > decoded) {
                return MALFORMED;
            }
            long match = token & 0x0F;
            if (match == 15) {
                int extra;
                do {
                    if (pos >= end) {
                        return MALFORMED;
                    }
                    extra = src.getByte(pos++) & 0xFF;
                    match += extra;
                } while (extra == 255);
            }
            decoded += match + 4;
        }
        return MALFORMED; // empty input, or a block that ends with a match
    }
}
