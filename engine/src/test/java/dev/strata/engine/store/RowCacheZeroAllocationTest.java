package dev.strata.engine.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CacheKind;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the row cache on, the hot path still allocates nothing once warm: gets that hit the row
 * cache, gets that miss it and fill it (evicting, from segments through the block cache), and puts
 * (which invalidate), measured as in {@link StoreZeroAllocationTest}.
 */
class RowCacheZeroAllocationTest {
    private static final int OPS = 100_000;
    private static final int KEYS = 20_000;

    @TempDir
    Path dir;

    private final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[100]);
    private final UnsafeBuffer dst = new UnsafeBuffer(new byte[256]);

    @BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    private UnsafeBuffer key(final long i) {
        return StoreZeroAllocationTest.key(key, i);
    }

    @Test
    void rowCacheHitsMissesAndInvalidatingPutsAllocateNothing() {
        final StoreConfig config = StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).memtableBytes(64 << 20)
            .rowCacheBytes(KEYS / 4 * 256L).build(); // a quarter of the keys fit
        try (Store store = Strata.open(config)) {
            for (int i = 0; i < KEYS; i++) {
                value.putLong(0, i);
                store.put(key(i), 0, 16, value, 0, 100);
            }
            store.flush();
            store.compact();
            measure("get, row cache hit", () -> {
                for (int i = 0; i < OPS; i++) {
                    check(store.get(key(i % 1000), 0, 16, dst, 0) == 100);
                }
            });
            final long evictions = store.caches().stats(CacheKind.ROW).evictions();
            measure("get, row cache miss and fill", () -> {
                for (int i = 0; i < OPS; i++) {
                    check(store.get(key((i * 7919L) % KEYS), 0, 16, dst, 0) == 100);
                }
            });
            assertTrue(store.caches().stats(CacheKind.ROW).evictions() > evictions, "the miss loop evicted");
            measure("put (invalidates)", () -> {
                for (int i = 0; i < OPS; i++) {
                    value.putLong(0, i);
                    store.put(key(i % 1000), 0, 16, value, 0, 100);
                }
            });
        }
    }

    private static void check(final boolean ok) {
        if (!ok) {
            throw new AssertionError("unexpected read result");
        }
    }

    private static void measure(final String what, final Runnable ops) {
        StoreZeroAllocationTest.measure(what, OPS, ops);
    }
}
