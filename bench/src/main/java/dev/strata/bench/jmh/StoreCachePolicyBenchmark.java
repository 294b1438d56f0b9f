package dev.strata.bench.jmh;

import dev.strata.CacheKind;
import dev.strata.CacheStats;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.StoreStats.Counter;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import dev.strata.WriteBatch;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Store get throughput per eviction policy on a Zipf workload whose key set is four times larger
 * than the cache (issue 5). {@code keys} keys of {@value StoreWorkload#KEY_LENGTH} bytes with
 * {@value StoreWorkload#VALUE_LENGTH}-byte values ({@link StoreWorkload}) are loaded, flushed and
 * compacted; the store is reopened with caches sized from what is on disk, and {@code get} reads
 * keys drawn from Zipf(0.99) over all keys (ranks scattered over the key space by a seeded
 * permutation, so hot keys share no blocks).
 *
 * <ul>
 *   <li>{@code cache=block}: no row cache; the block cache holds a quarter of the data blocks.</li>
 *   <li>{@code cache=row}: a row cache of {@code keys / 4} entries in front of that block cache,
 *       both with the policy.</li>
 * </ul>
 * The trial's hit ratios are printed at its end ({@code [cache] ...} lines in JMH's output).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class StoreCachePolicyBenchmark {
    static final double ZIPF_EXPONENT = 0.99;
    static final int PATTERN = 1 << 20;
    private static final int LOAD_BATCH = 1000;
    private static final int ROW_ENTRY_BYTES = 128;
    private static final int BLOCK_SIZE = 8192;

    /** The eviction policy of both caches: every name of {@code EvictionPolicies.names()}. */
    @Param({"ARC", "CLOCK", "FIFO", "LFU", "LRU", "SIEVE", "W-TINYLFU"})
    public String policy;

    /** {@code block}: the block cache alone; {@code row}: a row cache in front of it. */
    @Param({"block", "row"})
    public String cache;

    /** Number of keys: four times what the cache holds. */
    @Param("200000")
    public int keys;

    private Path dir;
    private Store store;
    private int[] pattern;
    private int next;
    private UnsafeBuffer pool;
    private final UnsafeBuffer key = new UnsafeBuffer(new byte[StoreWorkload.KEY_LENGTH]);
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);

    @Setup(Level.Trial)
    public void setUp() {
        dir = TierSetup.freshDirectory("store-cache-policy");
        pool = StoreWorkload.newValuePool();
        final long segmentBytes;
        try (Store loading = Strata.open(StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).build())) {
            try (WriteBatch batch = loading.newBatch()) {
                for (int i = 0; i < keys; i++) {
                    StoreWorkload.putKey(key, 0, i);
                    batch.put(loading, key, 0, StoreWorkload.KEY_LENGTH, pool, StoreWorkload.valueOffset(i), StoreWorkload.VALUE_LENGTH);
                    if (batch.size() == LOAD_BATCH || i == keys - 1) {
                        loading.write(batch);
                        batch.clear();
                    }
                }
            }
            loading.flush();
            loading.compact();
            segmentBytes = loading.stats().get(Counter.LIVE_SEGMENT_BYTES);
        }
        store = Strata.open(config(dir, policy, cache, keys, segmentBytes).build());
        pattern = zipfKeys(keys, new SplittableRandom(StoreWorkload.SEED));
        for (int i = 0; i < keys; i += Math.max(1, keys / 1000)) {
            StoreWorkload.putKey(key, 0, i);
            StoreWorkload.checkValue("strata", i, store.get(key, 0, StoreWorkload.KEY_LENGTH, out, 0), out, 0, pool);
        }
        next = 0;
    }

    /**
     * @return the configuration: a block cache of a quarter of the data blocks (each block takes a
     *     slot of twice the block size), and for {@code cache=row} a row cache of {@code keys / 4} entries
     */
    static StoreConfig.Builder config(final Path dir, final String policy, final String cache, final int keys, final long segmentBytes) {
        final long blocks = Math.max(1, segmentBytes / BLOCK_SIZE);
        final StoreConfig.Builder b = StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).blockSize(BLOCK_SIZE)
            .cacheBytes(Math.max(2L * BLOCK_SIZE * 16, blocks / 4 * 2 * BLOCK_SIZE)).blockCachePolicy(policy);
        switch (cache) {
            case "block":
                return b;
            case "row":
                return b.rowCacheBytes((long)keys / 4 * ROW_ENTRY_BYTES).rowCacheEntryBytes(ROW_ENTRY_BYTES).rowCachePolicy(policy);
            default:
                throw new IllegalArgumentException("cache must be block or row, got " + cache);
        }
    }

    /** @return {@value #PATTERN} key indices drawn from Zipf({@value #ZIPF_EXPONENT}) over {@code keys}, ranks permuted */
    static int[] zipfKeys(final int keys, final SplittableRandom random) {
        final double[] cumulative = new double[keys];
        double sum = 0;
        for (int rank = 0; rank < keys; rank++) {
            sum += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
            cumulative[rank] = sum;
        }
        final int[] keyOfRank = StoreWorkload.order(StoreWorkload.RANDOM, keys);
        final int[] out = new int[PATTERN];
        for (int i = 0; i < PATTERN; i++) {
            int rank = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            rank = rank >= 0 ? rank : Math.min(keys - 1, -rank - 1);
            out[i] = keyOfRank[rank];
        }
        return out;
    }

    @Benchmark
    public int get() {
        final int index = pattern[next];
        next = (next + 1) & (PATTERN - 1);
        StoreWorkload.putKey(key, 0, index);
        return store.get(key, 0, StoreWorkload.KEY_LENGTH, out, 0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (store != null) {
            System.out.println(summary());
            store.close();
            store = null;
        }
        if (pool != null) {
            dev.strata.bench.lab.OffHeap.free(pool);
            pool = null;
        }
        TierSetup.deleteRecursively(dir);
    }

    /** @return the hit ratios of both caches so far, one line */
    String summary() {
        final CacheStats rows = store.stats().cache(CacheKind.ROW);
        final CacheStats blocks = store.stats().cache(CacheKind.BLOCK);
        return String.format(Locale.ROOT, "[cache] policy=%s cache=%s keys=%d: row hit ratio %.4f (%d entries of %d bytes), block hit ratio"
            + " %.4f (%d blocks, %d bytes)", policy, cache, keys, rows.hitRatio(), rows.entries(), rows.capacityBytes(), blocks.hitRatio(),
            blocks.entries(), blocks.capacityBytes());
    }
}
