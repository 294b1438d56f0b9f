package dev.strata.engine.memtable;

import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * One writer inserts versions of 4 keys while two readers seek each key at the published
 * sequence: a reader must always find the newest version at or below it. Before the fix in
 * {@link Memtable#seek}, a node linked by the writer between the search and a re-read of the
 * predecessor's link was returned in place of the entry sought (a smaller key, or a version newer
 * than the read point), within a few hundred inserts. Runs 3 s (30 s with {@code -Pstress}); seed
 * printed, replay with {@code -Dstrata.seed=N}.
 */
class MemtableConcurrencyTest {
    @Test
    void readersAlwaysFindTheNewestPublishedVersion() throws Exception {
        final long seed = dev.strata.tier.TestSeeds.seed("MemtableConcurrencyTest");
        final long seconds = dev.strata.tier.TestSeeds.stress() ? 30 : 3;
        final int keys = 4;
        try (Memtable t = new Memtable(256 << 20, 7)) {
            final AtomicLongArray last = new AtomicLongArray(keys);
            final java.util.concurrent.atomic.AtomicLong published = new java.util.concurrent.atomic.AtomicLong();
            final AtomicReference<String> bad = new AtomicReference<>();
            final long end = System.nanoTime() + seconds * 1_000_000_000L;
            final Thread writer = new Thread(() -> {
                final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
                final UnsafeBuffer value = new UnsafeBuffer(new byte[8]);
                final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                long seq = 0;
                while (System.nanoTime() < end && bad.get() == null) {
                    final int k = r.nextInt(keys);
                    key.putLong(0, k, java.nio.ByteOrder.BIG_ENDIAN);
                    value.putLong(0, ++seq);
                    if (t.insert(0, key, 0, 8, Trailer.pack(seq, EntryKind.PUT), value, 0, 8) == Memtable.FULL) {
                        break;
                    }
                    last.set(k, seq);
                    published.set(seq);
                }
            });
            final Thread[] readers = new Thread[2];
            for (int i = 0; i < readers.length; i++) {
                final int id = i;
                readers[i] = new Thread(() -> {
                    final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
                    final java.util.SplittableRandom r = new java.util.SplittableRandom(seed + 1 + id);
                    while (System.nanoTime() < end && bad.get() == null) {
                        final int k = r.nextInt(keys);
                        final long p = published.get();
                        final long expected = last.get(k);
                        if (expected > p) {
                            continue;
                        }
                        key.putLong(0, k, java.nio.ByteOrder.BIG_ENDIAN);
                        final int node = t.seek(0, key, 0, 8, Trailer.seekTrailer(p));
                        if (expected == 0) {
                            continue;
                        }
                        if (node == MemtableNodeDescriptor.NULL || t.namespace(node) != 0
                            || KeyComparator.compareKeys(t.arena(), t.keyOffset(node), t.keyLength(node), key, 0, 8) != 0) {
                            bad.compareAndSet(null, "key " + k + " not found; expected seq >= " + expected + " published " + p);
                        } else if (Trailer.sequence(t.trailer(node)) < expected || Trailer.sequence(t.trailer(node)) > p) {
                            bad.compareAndSet(null, "key " + k + " found seq " + Trailer.sequence(t.trailer(node)) + ", expected " + expected
                                + " (the newest at or below the read point " + p + ")");
                        }
                    }
                });
                readers[i].start();
            }
            writer.start();
            writer.join();
            for (Thread x : readers) {
                x.join();
            }
            System.out.println("memtable race: " + t.entries() + " entries inserted, problem: " + bad.get());
            org.junit.jupiter.api.Assertions.assertNull(bad.get(), "seed " + seed);
            org.junit.jupiter.api.Assertions.assertTrue(t.entries() > 10_000, "too few inserts to mean anything: " + t.entries());
        }
    }
}
