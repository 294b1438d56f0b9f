package dev.strata.engine.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Intact records pass; every truncation is INCOMPLETE; every bit flip is BAD_RECORD (or INCOMPLETE
 * when it enlarges the length) and is told apart as torn tail or corrupt middle.
 */
class WalScanTest {
    private final WalScan scan = new WalScan();

    private int writeRecord(final UnsafeBuffer log, final int offset, final long sequence, final int payloadLength, final Random random) {
        WalRecordDescriptor.writeHeader(log, offset, payloadLength, sequence, 1, WalRecordDescriptor.TYPE_BATCH);
        for (int i = 0; i < payloadLength; i++) {
            log.putByte(offset + WalRecordDescriptor.HEADER_LENGTH + i, (byte)random.nextInt());
        }
        scan.seal(log, offset);
        return WalRecordDescriptor.HEADER_LENGTH + payloadLength;
    }

    @Test
    void detectsTruncationAndEveryBitFlipAndTellsTornTailFromCorruptMiddle() {
        final long seed = Long.getLong("strata.seed", System.nanoTime());
        System.out.println("WalScanTest seed=" + seed);
        final Random random = new Random(seed);
        final UnsafeBuffer log = new UnsafeBuffer(new byte[4096]);
        final int first = writeRecord(log, 0, 1, 40, random);
        final int second = writeRecord(log, first, 2, 30, random);
        final int end = first + second;
        assertEquals(first, scan.check(log, 0, end));
        assertEquals(second, scan.check(log, first, end - first));

        for (int cut = 0; cut < second; cut++) {
            assertEquals(WalScan.INCOMPLETE, scan.check(log, first, cut), "cut at " + cut);
        }
        for (int bit = 0; bit < first * 8; bit++) {
            log.putByte(bit >>> 3, (byte)(log.getByte(bit >>> 3) ^ (1 << (bit & 7))));
            final int result = scan.check(log, 0, end);
            assertTrue(result == WalScan.BAD_RECORD || result == WalScan.INCOMPLETE || result > first,
                "bit " + bit + " gave " + result);
            assertTrue(result != first, "bit flip " + bit + " in the first record went undetected");
            assertEquals(first, scan.classifyFailure(log, 0, end), "a valid record follows, so this is a corrupt middle");
            log.putByte(bit >>> 3, (byte)(log.getByte(bit >>> 3) ^ (1 << (bit & 7))));
        }
        for (int bit = 0; bit < second * 8; bit++) {
            final int at = first + (bit >>> 3);
            log.putByte(at, (byte)(log.getByte(at) ^ (1 << (bit & 7))));
            assertTrue(scan.check(log, first, end - first) < 0, "bit flip " + bit + " in the last record went undetected");
            assertEquals(-1, scan.classifyFailure(log, first, end), "nothing valid follows: a torn tail");
            log.putByte(at, (byte)(log.getByte(at) ^ (1 << (bit & 7))));
        }
    }
}
