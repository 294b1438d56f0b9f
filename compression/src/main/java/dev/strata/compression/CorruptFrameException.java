package dev.strata.compression;

/**
 * A block frame failed verification: it is truncated, its header is invalid, or its checksum does
 * not match. Raised before any byte is decompressed, so no wrong data ever reaches the caller.
 *
 * <p>{@link #offset()} is the index in the buffer where the frame starts; layers that know the
 * file add its name and the file offset when they wrap this exception.
 */
public final class CorruptFrameException extends CompressionException {
    private static final long serialVersionUID = 1L;

    /** Why a frame was rejected. */
    public enum Reason {
        /** Fewer bytes than the header or than the header's declared lengths. */
        TRUNCATED,
        /** The format version in the flags byte is not one this reader knows. */
        UNSUPPORTED_VERSION,
        /** Reserved bits or bytes are not zero, or the dictionary flag does not match the codec. */
        RESERVED_BITS_SET,
        /** The codec id is not a known {@link CodecType}. */
        UNKNOWN_CODEC,
        /** A length field is negative or larger than {@link Codec#MAX_INPUT_LENGTH}, or inconsistent. */
        BAD_LENGTH,
        /** The CRC32C of the frame does not match its contents. */
        CHECKSUM_MISMATCH,
        /** The checksum matched but the payload did not decompress to the declared length. */
        UNDECODABLE_PAYLOAD
    }

    private final long offset;
    private final Reason reason;

    public CorruptFrameException(final long offset, final Reason reason, final String detail) {
        super("corrupt block frame at offset " + offset + ": " + reason + " (" + detail + ")");
        this.offset = offset;
        this.reason = reason;
    }

    /** @return where the frame starts, relative to the buffer (or file) it was read from */
    public long offset() {
        return offset;
    }

    public Reason reason() {
        return reason;
    }
}
