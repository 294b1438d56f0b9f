package dev.strata.tier.object;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Layout of one file of the {@link LocalObjectStore}: the object's payload behind a header that
 * carries its ETag and user metadata. Keeping them in the same file as the payload is what makes a
 * put (payload and metadata together) atomic with a single rename. Little-endian.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     magic 0x4F4C5453 "STLO"                   |  0
 *  +-------------------------------+-------------------------------+
 *  |        format version 1       |          reserved 0           |  4
 *  +-------------------------------+-------------------------------+
 *  |                      payload length (long)                    |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 MD5 of the payload (16 bytes)                 | 16
 *  |                  = the ETag, as lower-case hex                |
 *  +---------------------------------------------------------------+
 *  |                  metadata length m (int)                      | 32
 *  +---------------------------------------------------------------+
 *  |    CRC32C of bytes [0, 36) followed by the m metadata bytes   | 36
 *  +---------------------------------------------------------------+
 *  |  metadata: count (short), then per entry key length (short),  | 40
 *  |  key (US-ASCII), value length (short), value (US-ASCII)       |
 *  +---------------------------------------------------------------+
 *  |                         payload ...                           | 40 + m
 *  +---------------------------------------------------------------+
 * </pre>
 * The payload itself has no CRC: its MD5 (the ETag) serves as the integrity check of a whole-object
 * read, as in S3.
 */
final class LocalObjectDescriptor {
    static final int MAGIC = 0x4F4C5453;
    static final short VERSION = 1;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int PAYLOAD_LENGTH_OFFSET = 8;
    static final int MD5_OFFSET = 16;
    static final int MD5_LENGTH = 16;
    static final int METADATA_LENGTH_OFFSET = 32;
    static final int HEADER_CRC_OFFSET = 36;
    static final int HEADER_LENGTH = 40;
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private LocalObjectDescriptor() {
    }

    /** @return the encoded user metadata (count, then length-prefixed keys and values) */
    static byte[] encodeMetadata(final Map<String, String> metadata) {
        int size = 2;
        for (final Map.Entry<String, String> e : metadata.entrySet()) {
            size += 4 + e.getKey().length() + e.getValue().length();
        }
        final UnsafeBuffer out = new UnsafeBuffer(new byte[size]);
        out.putShort(0, (short) metadata.size(), ORDER);
        int at = 2;
        for (final Map.Entry<String, String> e : metadata.entrySet()) {
            at = putAscii(out, at, e.getKey());
            at = putAscii(out, at, e.getValue());
        }
        return out.byteArray();
    }

    private static int putAscii(final MutableDirectBuffer out, final int at, final String s) {
        out.putShort(at, (short) s.length(), ORDER);
        out.putBytes(at + 2, s.getBytes(StandardCharsets.US_ASCII));
        return at + 2 + s.length();
    }

    /** @return the header (without metadata) for a payload, its MD5 and the metadata bytes */
    static byte[] encodeHeader(final long payloadLength, final byte[] md5, final byte[] metadata) {
        final UnsafeBuffer h = new UnsafeBuffer(new byte[HEADER_LENGTH]);
        h.putInt(MAGIC_OFFSET, MAGIC, ORDER);
        h.putShort(VERSION_OFFSET, VERSION, ORDER);
        h.putLong(PAYLOAD_LENGTH_OFFSET, payloadLength, ORDER);
        h.putBytes(MD5_OFFSET, md5);
        h.putInt(METADATA_LENGTH_OFFSET, metadata.length, ORDER);
        h.putInt(HEADER_CRC_OFFSET, headerCrc(h, metadata), ORDER);
        return h.byteArray();
    }

    private static int headerCrc(final DirectBuffer header, final byte[] metadata) {
        final CRC32C crc = new CRC32C();
        crc.update(header.byteArray(), 0, HEADER_CRC_OFFSET);
        crc.update(metadata, 0, metadata.length);
        return (int) crc.getValue();
    }

    /**
     * Checks the fixed header's magic and version and returns the metadata length.
     *
     * @throws ObjectCorruptException naming the file, offset and expectation
     */
    static int checkFixedHeader(final DirectBuffer h, final String file, final long fileSize) {
        if (fileSize < HEADER_LENGTH) {
            throw new ObjectCorruptException(file + ": local object file is " + fileSize + " bytes, shorter than its " + HEADER_LENGTH + "-byte header");
        }
        final int magic = h.getInt(MAGIC_OFFSET, ORDER);
        if (magic != MAGIC) {
            throw new ObjectCorruptException(file + " offset 0: expected local object magic 0x" + Integer.toHexString(MAGIC) + ", found 0x" + Integer.toHexString(magic));
        }
        final short version = h.getShort(VERSION_OFFSET, ORDER);
        if (version != VERSION) {
            throw new ObjectCorruptException(file + " offset 4: local object format version " + version + " is not supported (this build reads " + VERSION + ")");
        }
        final int m = h.getInt(METADATA_LENGTH_OFFSET, ORDER);
        final long payload = h.getLong(PAYLOAD_LENGTH_OFFSET, ORDER);
        if (m < 2 || payload < 0 || HEADER_LENGTH + (long) m + payload != fileSize) {
            throw new ObjectCorruptException(file + " offset 8: header says metadata " + m + " + payload " + payload + " bytes, but the file has " + (fileSize - HEADER_LENGTH) + " bytes after the header");
        }
        return m;
    }

    /**
     * Verifies the header CRC over the fixed header and the metadata, and decodes the metadata.
     *
     * @throws ObjectCorruptException on a CRC mismatch
     */
    static Map<String, String> checkAndDecodeMetadata(final DirectBuffer h, final byte[] metadata, final String file) {
        final int expected = h.getInt(HEADER_CRC_OFFSET, ORDER);
        final int actual = headerCrc(h, metadata);
        if (expected != actual) {
            throw new ObjectCorruptException(file + " offset " + HEADER_CRC_OFFSET + ": header CRC32C 0x" + Integer.toHexString(actual) + " does not match the stored 0x" + Integer.toHexString(expected));
        }
        final UnsafeBuffer in = new UnsafeBuffer(metadata);
        final int count = in.getShort(0, ORDER);
        final Map<String, String> out = new LinkedHashMap<>();
        int at = 2;
        for (int i = 0; i < count; i++) {
            final int kl = in.getShort(at, ORDER);
            final String k = in.getStringWithoutLengthAscii(at + 2, kl);
            at += 2 + kl;
            final int vl = in.getShort(at, ORDER);
            out.put(k, in.getStringWithoutLengthAscii(at + 2, vl));
            at += 2 + vl;
        }
        return out;
    }

    /** @return the ETag (hex MD5) stored in a checked header */
    static String etag(final DirectBuffer h) {
        final byte[] md5 = new byte[MD5_LENGTH];
        h.getBytes(MD5_OFFSET, md5);
        return Etags.hex(md5);
    }
}
