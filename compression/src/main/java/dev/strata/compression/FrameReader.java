package dev.strata.compression;

import static dev.strata.compression.BlockFrameDescriptor.FLAG_DICTIONARY;
import static dev.strata.compression.BlockFrameDescriptor.HEADER_LENGTH;
import static dev.strata.compression.BlockFrameDescriptor.RESERVED_FLAG_BITS;
import static dev.strata.compression.BlockFrameDescriptor.VERSION;
import static dev.strata.compression.BlockFrameDescriptor.VERSION_MASK;

import dev.strata.compression.CorruptFrameException.Reason;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Verifies and decodes {@link BlockFrameDescriptor block frames} of any codec.
 *
 * <p>Every frame is checked completely before its payload reaches a decompressor: the header must
 * fit, the lengths must be sane and fit the available bytes, and the CRC32C must match. Anything
 * else raises {@link CorruptFrameException} with the frame's offset and the reason.
 *
 * <p>Holds one decoder per codec id (created on first use) and one per registered Zstd
 * dictionary. Not thread-safe; allocates nothing per frame once each codec has been seen.
 */
public final class FrameReader implements AutoCloseable {
    private final Codec[] decoders = new Codec[256];
    private final Int2ObjectHashMap<Codec> dictionaryDecoders = new Int2ObjectHashMap<>();
    private final Crc32cChecksum crc = new Crc32cChecksum();

    public FrameReader() {
        JvmFlags.requireAgrona("Strata frame reader");
    }

    /** Registers a dictionary so that frames compressed with it can be read. */
    public FrameReader addDictionary(final ZstdDictionary dictionary) {
        final Codec old = dictionaryDecoders.put(dictionary.id(), Codecs.zstd(dictionary, CodecType.ZSTD_DICT.defaultLevel()));
        if (old != null) {
            old.close();
        }
        return this;
    }

    /**
     * Verifies the frame at {@code offset} (header, lengths, checksum).
     *
     * @param available bytes readable from {@code offset} (may exceed the frame)
     * @return the frame length
     * @throws CorruptFrameException if it is truncated, malformed or fails its checksum
     */
    public int verify(final DirectBuffer buffer, final int offset, final int available) {
        if (available < HEADER_LENGTH) {
            throw corrupt(offset, Reason.TRUNCATED, "need at least " + HEADER_LENGTH + " header bytes, have " + available);
        }
        final int flags = BlockFrameDescriptor.flags(buffer, offset);
        final int header = BlockFrameDescriptor.headerLength((flags & FLAG_DICTIONARY) != 0);
        final int uncompressed = BlockFrameDescriptor.uncompressedLength(buffer, offset);
        final int compressed = BlockFrameDescriptor.compressedLength(buffer, offset);
        if (compressed < 0 || compressed > Codec.MAX_INPUT_LENGTH + (Codec.MAX_INPUT_LENGTH >>> 4)
            || uncompressed < 0 || uncompressed > Codec.MAX_INPUT_LENGTH) {
            throw corrupt(offset, Reason.BAD_LENGTH, "uncompressed length " + uncompressed + ", compressed length " + compressed);
        }
        final long frameLength = (long)header + compressed;
        if (frameLength > available) {
            throw corrupt(offset, Reason.TRUNCATED, "frame needs " + frameLength + " bytes, have " + available);
        }
        final int expected = BlockFrameDescriptor.checksum(buffer, offset);
        final int actual = crc.compute(buffer, offset + 4, (int)frameLength - 4);
        if (expected != actual) {
            throw corrupt(offset, Reason.CHECKSUM_MISMATCH, "stored CRC32C 0x" + Integer.toHexString(expected)
                + ", computed 0x" + Integer.toHexString(actual));
        }
        if ((flags & VERSION_MASK) != VERSION) {
            throw corrupt(offset, Reason.UNSUPPORTED_VERSION, "frame version " + (flags & VERSION_MASK) + ", this reader knows " + VERSION);
        }
        if ((flags & RESERVED_FLAG_BITS) != 0 || BlockFrameDescriptor.reserved(buffer, offset) != 0) {
            throw corrupt(offset, Reason.RESERVED_BITS_SET, "flags 0x" + Integer.toHexString(flags));
        }
        final int codecId = BlockFrameDescriptor.codecId(buffer, offset);
        final CodecType type = CodecType.fromId(codecId);
        if (type == null) {
            throw corrupt(offset, Reason.UNKNOWN_CODEC, "codec id " + codecId);
        }
        // only zstd-dict frames carry a dictionary id, and they always do; read() relies on it
        if ((type == CodecType.ZSTD_DICT) != ((flags & FLAG_DICTIONARY) != 0)) {
            throw corrupt(offset, Reason.RESERVED_BITS_SET, type == CodecType.ZSTD_DICT
                ? "codec zstd-dict without the dictionary flag" : "dictionary flag set on codec " + type.label());
        }
        if (type == CodecType.NONE && compressed != uncompressed) {
            throw corrupt(offset, Reason.BAD_LENGTH, "codec none with uncompressed length " + uncompressed
                + " and stored length " + compressed);
        }
        return (int)frameLength;
    }

    /** @return the uncompressed length declared by a frame (call {@link #verify} or {@link #read} to check it) */
    public static int uncompressedLength(final DirectBuffer buffer, final int offset) {
        return BlockFrameDescriptor.uncompressedLength(buffer, offset);
    }

    /**
     * Verifies the frame at {@code offset} and decompresses it into {@code dst}.
     *
     * @param available bytes readable from {@code offset} (may exceed the frame)
     * @return the uncompressed length, or {@link Codec#DST_TOO_SMALL} if {@code dstCapacity} is
     *     less than {@link #uncompressedLength(DirectBuffer, int)}
     * @throws CorruptFrameException      if the frame is truncated, malformed or corrupt
     * @throws MissingDictionaryException if it needs a Zstd dictionary this reader does not hold
     */
    public int read(final DirectBuffer buffer, final int offset, final int available,
        final MutableDirectBuffer dst, final int dstOffset, final int dstCapacity) {
        final int frameLength = verify(buffer, offset, available);
        final int uncompressed = BlockFrameDescriptor.uncompressedLength(buffer, offset);
        if (dstCapacity < uncompressed) {
            return Codec.DST_TOO_SMALL;
        }
        final boolean hasDictionary = (BlockFrameDescriptor.flags(buffer, offset) & FLAG_DICTIONARY) != 0;
        final int header = BlockFrameDescriptor.headerLength(hasDictionary);
        final int compressed = frameLength - header;
        final int codecId = BlockFrameDescriptor.codecId(buffer, offset);
        final Codec decoder = hasDictionary
            ? dictionaryDecoder(BlockFrameDescriptor.dictionaryId(buffer, offset), offset)
            : decoder(codecId);
        final int n = decoder.decompress(buffer, offset + header, compressed, dst, dstOffset, uncompressed);
        if (n == Codec.WRONG_DICTIONARY) {
            throw new MissingDictionaryException(decoder.dictionaryId(), "frame at offset " + offset
                + " was not compressed with the dictionary its header names (" + Integer.toUnsignedString(decoder.dictionaryId()) + ")");
        }
        if (n != uncompressed) {
            throw corrupt(offset, Reason.UNDECODABLE_PAYLOAD, CodecType.fromId(codecId).label() + " payload decoded to "
                + (n < 0 ? Codec.describeStatus(n) : n + " bytes") + ", header says " + uncompressed);
        }
        return n;
    }

    private Codec decoder(final int codecId) {
        Codec decoder = decoders[codecId];
        if (decoder == null) {
            decoder = Codecs.create(CodecType.fromId(codecId)); // verify() admits no zstd-dict frame without a dictionary id
            decoders[codecId] = decoder;
        }
        return decoder;
    }

    private Codec dictionaryDecoder(final int dictionaryId, final int offset) {
        final Codec decoder = dictionaryDecoders.get(dictionaryId);
        if (decoder == null) {
            throw new MissingDictionaryException(dictionaryId, "frame at offset " + offset + " needs Zstd dictionary "
                + Integer.toUnsignedString(dictionaryId) + ", which this reader does not have: register it with FrameReader.addDictionary");
        }
        return decoder;
    }

    private static CorruptFrameException corrupt(final int offset, final Reason reason, final String detail) {
        return new CorruptFrameException(offset, reason, detail);
    }

    @Override
    public void close() {
        for (int i = 0; i < decoders.length; i++) {
            if (decoders[i] != null) {
                decoders[i].close();
                decoders[i] = null;
            }
        }
        for (Codec c : dictionaryDecoders.values()) {
            c.close();
        }
        dictionaryDecoders.clear();
    }
}
