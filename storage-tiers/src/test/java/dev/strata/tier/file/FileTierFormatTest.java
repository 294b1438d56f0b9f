package dev.strata.tier.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.TierIOException;
import dev.strata.tier.WarmUp;
import dev.strata.tier.io.Crcs;

/**
 * The on-disk layout of a segment file: format 3 puts the data at 1 MiB (see
 * {@link SegmentFileDescriptor}); files of format 2 (data at 4096) stay readable and recoverable;
 * an unknown version is refused with a message that names it.
 */
class FileTierFormatTest {
    private static final byte[] DATA = "format three puts data at one mebibyte".getBytes();

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        WarmUp.chronicle(); // Chronicle's first map allocates static buffers the leak check would blame on this test
    }

    @Test
    void dataStartsAtOneMebibyteAndTheGapIsNeverWritten() throws IOException {
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).readMode(ReadMode.PREAD).build())) {
            final SegmentWriter w = tier.create(7);
            w.append(new UnsafeBuffer(DATA), 0, DATA.length);
            w.seal();
        }
        final Path file = dir.resolve(SegmentFileDescriptor.stem(7) + SegmentFileDescriptor.SEALED_SUFFIX);
        final byte[] bytes = Files.readAllBytes(file);
        assertEquals(SegmentFileDescriptor.DATA_OFFSET + DATA.length + SegmentFileDescriptor.TRAILER_LENGTH, bytes.length);
        final ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(3, header.getInt(SegmentFileDescriptor.VERSION_OFFSET));
        assertEquals(1 << 20, header.getInt(SegmentFileDescriptor.DATA_OFFSET_OFFSET));
        final byte[] data = new byte[DATA.length];
        System.arraycopy(bytes, SegmentFileDescriptor.DATA_OFFSET, data, 0, data.length);
        assertArrayEquals(DATA, data);
        for (int i = SegmentFileDescriptor.HEADER_LENGTH; i < SegmentFileDescriptor.DATA_OFFSET; i++) {
            assertEquals(0, bytes[i], "byte " + i + " of the gap before the data");
        }
    }

    @Test
    void readsAndRecoversFormat2Files() throws IOException {
        writeFormat2(5, DATA, true);
        writeFormat2(6, DATA, false);
        for (ReadMode mode : new ReadMode[] {ReadMode.PREAD, ReadMode.MMAP}) {
            try (Tier tier = FileTier.open(FileTierOptions.builder(dir).readMode(mode).build())) {
                final Map<Long, Long> lengths = new HashMap<>();
                tier.list((id, sealed, length) -> lengths.put(id, length));
                assertEquals(Map.of(5L, (long) DATA.length, 6L, (long) DATA.length), lengths);
                try (SegmentReader r = tier.open(5)) {
                    assertArrayEquals(DATA, read(r), "sealed format 2 segment, " + mode);
                }
                try (SegmentReader r = tier.openUnsealed(6)) {
                    assertArrayEquals(DATA, read(r), "unsealed format 2 segment, " + mode);
                }
            }
        }
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build())) {
            tier.sealUnsealed(6, 6);
            try (SegmentReader r = tier.open(6)) {
                assertEquals(6, r.length());
                final byte[] head = new byte[6];
                System.arraycopy(DATA, 0, head, 0, 6);
                assertArrayEquals(head, read(r), "format 2 segment sealed by recovery");
            }
        }
    }

    @Test
    void refusesAVersionItDoesNotKnow() throws IOException {
        writeSegmentFile(8, DATA, true, 4, SegmentFileDescriptor.DATA_OFFSET);
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build())) {
            final TierIOException e = assertThrows(TierIOException.class, () -> tier.open(8));
            assertTrue(e.getMessage().contains("format version 2 to 3, found 4"), e.getMessage());
        }
    }

    private static byte[] read(final SegmentReader r) {
        final byte[] out = new byte[(int) r.length()];
        assertEquals(out.length, r.read(0, new UnsafeBuffer(out), 0, out.length));
        return out;
    }

    private void writeFormat2(final long id, final byte[] data, final boolean sealed) throws IOException {
        writeSegmentFile(id, data, sealed, 2, SegmentFileDescriptor.HEADER_LENGTH);
    }

    /** Writes a segment file by hand, as a build that wrote format {@code version} did. */
    private void writeSegmentFile(final long id, final byte[] data, final boolean sealed, final int version, final int dataOffset)
        throws IOException {
        final CRC32C crc = new CRC32C();
        final ByteBuffer header = ByteBuffer.allocate(SegmentFileDescriptor.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        SegmentFileDescriptor.writeHeader(header, id, crc);
        header.putInt(SegmentFileDescriptor.VERSION_OFFSET, version);
        header.putInt(SegmentFileDescriptor.DATA_OFFSET_OFFSET, dataOffset);
        header.putInt(SegmentFileDescriptor.HEADER_CRC_OFFSET, Crcs.crc(crc, header, 0, SegmentFileDescriptor.HEADER_CRC_OFFSET));
        crc.reset();
        crc.update(data);
        SegmentFileDescriptor.writeSlot(header, SegmentFileDescriptor.slotOffset(1), 1, data.length, (int) crc.getValue(), crc);
        final String suffix = sealed ? SegmentFileDescriptor.SEALED_SUFFIX : SegmentFileDescriptor.OPEN_SUFFIX;
        try (FileChannel ch = FileChannel.open(dir.resolve(SegmentFileDescriptor.stem(id) + suffix),
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(header.clear(), 0);
            ch.write(ByteBuffer.wrap(data), dataOffset);
            if (sealed) {
                final ByteBuffer trailer = ByteBuffer.allocate(SegmentFileDescriptor.TRAILER_LENGTH);
                SegmentFileDescriptor.writeTrailer(trailer, id, data.length, crc);
                ch.write(trailer.clear(), dataOffset + data.length);
            }
        }
    }
}
