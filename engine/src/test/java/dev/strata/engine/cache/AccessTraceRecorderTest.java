package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The access-trace ring: order, wrap-around, draining, the CSV form, concurrency, and no allocation per record. */
class AccessTraceRecorderTest {
    @Test
    void keepsTheLatestInOrderAndCountsWhatWasDropped() throws IOException {
        final AccessTraceRecorder r = new AccessTraceRecorder(4);
        for (long h = 1; h <= 6; h++) {
            r.record(h);
        }
        assertEquals(6, r.recorded());
        assertEquals(2, r.dropped());
        final StringWriter csv = new StringWriter();
        assertEquals(4, r.writeCsv(csv));
        assertEquals("3\n4\n5\n6\n", csv.toString());
        final long[] dst = new long[4];
        assertEquals(4, r.drainTo(dst));
        assertArrayEquals(new long[] {3, 4, 5, 6}, dst);
        assertEquals(0, r.recorded(), "drained");
        r.record(-7);
        assertEquals(1, r.drainTo(dst));
        assertEquals(-7, dst[0]);
    }

    @Test
    void rejectsACapacityThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new AccessTraceRecorder(3));
        assertThrows(IllegalArgumentException.class, () -> new AccessTraceRecorder(0));
        assertEquals(0, new AccessTraceRecorder(16).drainTo(new long[0]), "nothing recorded fits anywhere");
        final AccessTraceRecorder r = new AccessTraceRecorder(16);
        r.record(1);
        assertThrows(IllegalArgumentException.class, () -> r.drainTo(new long[0]));
    }

    @Test
    void hashesKeyBytesNotBuffers() {
        final UnsafeBuffer a = new UnsafeBuffer(new byte[40]);
        final UnsafeBuffer b = new UnsafeBuffer(new byte[40]);
        a.putStringWithoutLengthAscii(3, "key:0000000042-and-more");
        b.putStringWithoutLengthAscii(11, "key:0000000042-and-more");
        assertEquals(AccessTraceRecorder.hash(a, 3, 23), AccessTraceRecorder.hash(b, 11, 23));
        assertNotEquals(AccessTraceRecorder.hash(a, 3, 23), AccessTraceRecorder.hash(a, 3, 22), "length counts");
        final Set<Long> hashes = new HashSet<>();
        final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
        for (long i = 0; i < 100_000; i++) {
            key.putLong(8, i);
            hashes.add(AccessTraceRecorder.hash(key, 0, 16));
        }
        assertEquals(100_000, hashes.size(), "no collisions among 100,000 sequential keys");
    }

    @Test
    void threadsRecordWithoutLosingAPosition() throws InterruptedException {
        final AccessTraceRecorder r = new AccessTraceRecorder(1 << 16);
        final AtomicInteger next = new AtomicInteger();
        final Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    r.record(next.incrementAndGet());
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        final long[] dst = new long[40_000];
        assertEquals(40_000, r.drainTo(dst));
        final Set<Long> seen = new HashSet<>();
        for (long h : dst) {
            seen.add(h);
        }
        assertEquals(40_000, seen.size(), "every record kept its own position");
    }

    @Test
    void recordingAllocatesNothing() {
        final AccessTraceRecorder r = new AccessTraceRecorder(1 << 12);
        final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
        for (int i = 0; i < 50_000; i++) {
            key.putLong(8, i);
            r.record(key, 0, 16);
        }
        Allocations.allocatedBytes();
        final long before = Allocations.allocatedBytes();
        for (int i = 0; i < 200_000; i++) {
            key.putLong(8, i);
            r.record(key, 0, 16);
        }
        Allocations.assertNearZero("AccessTraceRecorder.record", Allocations.allocatedBytes() - before, 200_000);
    }
}
