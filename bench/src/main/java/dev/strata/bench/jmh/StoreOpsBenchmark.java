package dev.strata.bench.jmh;

import dev.strata.Cursor;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The allocation proof for each hot operation on one long-lived store (file tier, LZ4,
 * {@link SyncPolicy#NEVER} so the figure is the store's and not {@code FileChannel.force}'s):
 * {@code put} (overwrites of 100,000 keys, so memtable switches, flushes and compactions run
 * underneath), {@code delete}, {@code get} and one cursor step. Run with {@code -prof gc -prof
 * dev.strata.bench.jmh.WorkerAllocationProfiler}: the worker figure must stay below 0.1 B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Thread)
public class StoreOpsBenchmark {
    private static final int KEYS = 100_000;

    private final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
    private final UnsafeBuffer value = new UnsafeBuffer(new byte[100]);
    private final UnsafeBuffer dst = new UnsafeBuffer(new byte[128]);
    private Path dir;
    private Store store;
    private Cursor cursor;
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("strata-ops-");
        store = Strata.open(StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).build());
        for (int i = 0; i < KEYS; i++) {
            store.put(key(i), 0, 16, value, 0, 100);
        }
        cursor = store.newCursor();
        cursor.first();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        cursor.close();
        store.close();
        TierSetup.deleteRecursively(dir);
    }

    private UnsafeBuffer key(final long i) {
        key.putLong(0, i % KEYS, ByteOrder.BIG_ENDIAN);
        return key;
    }

    @Benchmark
    public long put() {
        value.putLong(0, next);
        return store.put(key(next++), 0, 16, value, 0, 100);
    }

    @Benchmark
    public long delete() {
        return store.delete(key(next++), 0, 16);
    }

    @Benchmark
    public int get() {
        return store.get(key(next++ * 7919), 0, 16, dst, 0);
    }

    @Benchmark
    public void cursorNext(final Blackhole bh) {
        if (!cursor.next()) {
            cursor.first();
        }
        bh.consume(cursor.key().getByte(0));
    }
}
