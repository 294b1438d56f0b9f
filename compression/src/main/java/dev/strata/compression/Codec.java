package dev.strata.compression;

import java.nio.ByteBuffer;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A block compressor and decompressor over byte ranges.
 *
 * <p>Both directions return the number of bytes written, or a negative status code for an
 * expected outcome; they never throw for those. Ranges outside their buffers are misuse and throw
 * {@link IllegalArgumentException}. A codec owns native state and reusable scratch buffers, so it
 * is <b>not thread-safe</b>; once warm it allocates nothing per call. Close it to free its native
 * memory.
 *
 * <p>Buffers may be backed by a {@code byte[]}, a direct {@link ByteBuffer} or raw memory; the
 * fastest path is taken when source and destination are of the same kind (both arrays or both
 * direct), otherwise the data is staged through an owned scratch buffer.
 */
public interface Codec extends AutoCloseable {
    /** The destination range cannot hold the result. Retry with at least {@link #maxCompressedLength(int)}
     * bytes (compress) or the original length (decompress). */
    int DST_TOO_SMALL = -1;
    /** The compressed input is malformed. Callers that read frames never see this: the frame checksum
     * is verified first, and {@link FrameReader} turns it into a {@link CorruptFrameException}. */
    int MALFORMED_INPUT = -2;
    /** The input was compressed with a different Zstd dictionary than the one this codec holds. */
    int WRONG_DICTIONARY = -3;

    /** Largest input one call accepts: 1 GiB. Larger data must be split into blocks. */
    int MAX_INPUT_LENGTH = 1 << 30;

    /** @return the codec's persisted type (and id). */
    CodecType type();

    /** @return the level this instance compresses with (its meaning depends on {@link #type()}). */
    int level();

    /** @return the Zstd dictionary id this codec compresses with, or 0 if it uses none. */
    default int dictionaryId() {
        return 0;
    }

    /**
     * @param srcLength input length, 0 to {@link #MAX_INPUT_LENGTH}
     * @return the largest output {@code compress} can produce for that input
     */
    int maxCompressedLength(int srcLength);

    /**
     * Compresses {@code src[srcOffset, srcOffset + srcLength)} into {@code dst} at {@code dstOffset}.
     *
     * @return the compressed length, or {@link #DST_TOO_SMALL} if it does not fit in {@code dstCapacity}
     */
    int compress(DirectBuffer src, int srcOffset, int srcLength, MutableDirectBuffer dst, int dstOffset, int dstCapacity);

    /**
     * Decompresses {@code src[srcOffset, srcOffset + srcLength)} into {@code dst} at {@code dstOffset}.
     *
     * @return the decompressed length, or {@link #DST_TOO_SMALL}, {@link #MALFORMED_INPUT} or
     *     {@link #WRONG_DICTIONARY}
     */
    int decompress(DirectBuffer src, int srcOffset, int srcLength, MutableDirectBuffer dst, int dstOffset, int dstCapacity);

    /**
     * {@link ByteBuffer} form of {@link #compress(DirectBuffer, int, int, MutableDirectBuffer, int, int)}.
     * Offsets are absolute indices; positions and limits are neither read nor changed.
     */
    int compress(ByteBuffer src, int srcOffset, int srcLength, ByteBuffer dst, int dstOffset, int dstCapacity);

    /** {@link ByteBuffer} form of {@link #decompress(DirectBuffer, int, int, MutableDirectBuffer, int, int)}. */
    int decompress(ByteBuffer src, int srcOffset, int srcLength, ByteBuffer dst, int dstOffset, int dstCapacity);

    /** Frees native state. Idempotent. Using the codec afterwards throws {@link IllegalStateException}. */
    @Override
    void close();

    /** @return a short description of a status code, for messages. */
    static String describeStatus(int status) {
        switch (status) {
            case DST_TOO_SMALL: return "destination too small";
            case MALFORMED_INPUT: return "malformed compressed input";
            case WRONG_DICTIONARY: return "compressed with a different dictionary";
            default: return status >= 0 ? "ok (" + status + " bytes)" : "unknown status " + status;
        }
    }
}
