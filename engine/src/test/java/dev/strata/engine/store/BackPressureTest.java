package dev.strata.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.Namespace;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.StoreStats;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import dev.strata.tier.ForwardingTier;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javax.management.ObjectName;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the flusher cannot keep up, writes stall, and with a stall limit they come back as
 * {@link Namespace#BACK_PRESSURED} without being applied; once the flush proceeds, writes succeed
 * again. Also: the statistics are published over JMX while the store is open.
 */
class BackPressureTest {
    @org.junit.jupiter.api.BeforeAll
    static void warmUpChronicle() {
        // Chronicle's one-time allocations happen before the first test's leak check
        dev.strata.tier.WarmUp.chronicle();
    }

    @TempDir
    Path dir;

    @Test
    void aStalledFlushTurnsWritesIntoBackPressureAndBack() throws Exception {
        final CountDownLatch flushMayProceed = new CountDownLatch(1);
        final Tier tier = new FlushBlockingTier(FileTier.open(FileTierOptions.builder(dir.resolve("tier")).build()), flushMayProceed);
        final StoreConfig config = StoreConfig.builder(dir).customTier(tier).syncPolicy(SyncPolicy.NEVER).memtableBytes(64 << 10)
            .maxImmutableMemtables(1).maxWriteStallMillis(50).build();
        try (Store store = Strata.open(config)) {
            final UnsafeBuffer key = new UnsafeBuffer(new byte[8]);
            final UnsafeBuffer value = new UnsafeBuffer(new byte[1000]);
            long result = 0;
            int written = 0;
            while (result != Namespace.BACK_PRESSURED && written < 10_000) {
                key.putLong(0, written);
                result = store.put(key, 0, 8, value, 0, 1000);
                if (result > 0) {
                    written++;
                }
            }
            assertEquals(Namespace.BACK_PRESSURED, result, "writes never stalled");
            assertTrue(store.stats().get(StoreStats.Counter.STALLS) > 0);
            key.putLong(0, written);
            final UnsafeBuffer dst = new UnsafeBuffer(new byte[1000]);
            assertEquals(Namespace.NOT_FOUND, store.get(key, 0, 8, dst, 0), "a back-pressured write must not be applied");
            flushMayProceed.countDown();
            long retried = Namespace.BACK_PRESSURED;
            for (int attempt = 0; attempt < 200 && retried == Namespace.BACK_PRESSURED; attempt++) {
                retried = store.put(key, 0, 8, value, 0, 1000);
            }
            assertTrue(retried > 0, "writes succeed again once the flush proceeds");
            assertEquals(1000, store.get(key, 0, 8, dst, 0));
            final ObjectName name = new ObjectName("dev.strata:type=Store,name=" + ObjectName.quote(dir.toString()));
            final Object flushes = ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Flushes");
            assertEquals(store.stats().getFlushes(), ((Long)flushes).longValue());
        }
    }

    /** Forwards to a tier, but the flush thread's segment creation waits for a latch. */
    private static final class FlushBlockingTier extends ForwardingTier {
        private final CountDownLatch latch;

        FlushBlockingTier(final Tier inner, final CountDownLatch latch) {
            super(inner);
            this.latch = latch;
        }

        @Override
        public SegmentWriter create(final long segmentId) {
            if (Thread.currentThread().getName().startsWith("strata-flush")) {
                try {
                    latch.await();
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return inner.create(segmentId);
        }

        @Override
        public void close() {
            latch.countDown();
            inner.close();
        }
    }
}
