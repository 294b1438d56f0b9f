package dev.strata.tier.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;

/**
 * The sync record (see {@link SuperblockDescriptor}): a sync forces data and superblock together,
 * so after a crash the newest superblock may list bytes that never arrived. These tests make that
 * state on a real file (the superblock of the second sync is on the device, its data is not) and
 * check that the tier falls back to the previous generation; and that when the data did arrive the
 * newest generation stands.
 */
class BlockTierSyncRecordTest {
    private static final int FIRST = 3000;
    private static final int SECOND = 5000;

    @TempDir
    Path dir;

    private BlockTier open() {
        return BlockTier.open(BlockTierOptions.builder(dir.resolve("device")).createSize(64L << 20).ioMode(IoMode.BUFFERED).build());
    }

    /** Writes segment 1: {@code FIRST} bytes of 'a', synced, then {@code SECOND} bytes of 'b', synced; left unsealed. */
    private void writeTwoSyncs() {
        try (BlockTier tier = open()) {
            final SegmentWriter w = tier.create(1);
            w.append(new UnsafeBuffer(fill('a', FIRST)), 0, FIRST);
            w.sync();
            w.append(new UnsafeBuffer(fill('b', SECOND)), 0, SECOND);
            w.sync();
            w.close();
        }
    }

    @Test
    void aSyncWhoseDataArrivedStands() {
        writeTwoSyncs();
        try (BlockTier tier = open(); SegmentReader r = tier.openUnsealed(1)) {
            assertEquals(FIRST + SECOND, r.length());
            final byte[] expected = Arrays.copyOf(fill('a', FIRST), FIRST + SECOND);
            Arrays.fill(expected, FIRST, FIRST + SECOND, (byte) 'b');
            assertArrayEquals(expected, read(r));
        }
    }

    @Test
    void aSyncWhoseDataIsMissingFallsBackToThePreviousGeneration() throws IOException {
        writeTwoSyncs();
        final long zeroed = zeroFirstByteRun('b');
        assertTrue(zeroed > 0, "the second sync's bytes were found on the device");
        try (BlockTier tier = open(); SegmentReader r = tier.openUnsealed(1)) {
            assertEquals(FIRST, r.length(), "the newest superblock's sync record does not match the data: the previous generation wins");
            assertArrayEquals(fill('a', FIRST), read(r));
        }
        try (BlockTier tier = open()) {
            final SegmentWriter w = tier.create(2);
            w.append(new UnsafeBuffer(fill('c', 10)), 0, 10);
            w.seal();
            try (SegmentReader r = tier.openUnsealed(1)) {
                assertEquals(FIRST, r.length(), "a later commit (written over the bad generation's copy) keeps the fallback");
            }
        }
        try (BlockTier tier = open(); SegmentReader r = tier.open(2)) {
            assertArrayEquals(fill('c', 10), read(r));
        }
    }

    /** Zeroes the first byte of the device's first run of 64 bytes {@code b} (the second sync's data); @return its offset */
    private long zeroFirstByteRun(final char b) throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve("device"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (long at = 0; at < ch.size(); at += buf.capacity()) {
                buf.clear();
                ch.read(buf, at);
                int run = 0;
                for (int i = 0; i < buf.position(); i++) {
                    run = buf.get(i) == (byte) b ? run + 1 : 0;
                    if (run == 64) {
                        i -= 63;
                        ch.write(ByteBuffer.wrap(new byte[] {0}), at + i);
                        ch.force(false);
                        return at + i;
                    }
                }
            }
        }
        return -1;
    }

    private static byte[] read(final SegmentReader r) {
        final byte[] out = new byte[(int) r.length()];
        assertEquals(out.length, r.read(0, new UnsafeBuffer(out), 0, out.length));
        return out;
    }

    private static byte[] fill(final char c, final int n) {
        final byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }
}
