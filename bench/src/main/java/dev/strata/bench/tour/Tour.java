package dev.strata.bench.tour;

import dev.strata.Cursor;
import dev.strata.IsolationLevel;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.StoreStats;
import dev.strata.StoreStats.Counter;
import dev.strata.Strata;
import dev.strata.WriteBatch;
import dev.strata.bench.isolation.BankRun;
import dev.strata.bench.isolation.IsolationScripts;
import dev.strata.compression.JvmFlags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A tour of the engine on the embedded default (file tier, LZ4, group commit): load, read, scan,
 * survive a {@code kill -9}, compact, and show the statistics. Each step prints what it did and
 * how fast; {@link #run} returns the number of problems found (0 when every check held).
 */
public final class Tour {
    private static final int BATCH = 1000;
    private static final int VALUE_LENGTH = 100;

    private final PrintWriter out;
    private final Path directory;
    private final int keys;
    private int problems;

    public Tour(final PrintWriter out, final Path directory, final int keys) {
        this.out = out;
        this.directory = directory;
        this.keys = keys;
    }

    static byte[] crashKey(final int n) {
        return String.format(Locale.ROOT, "crash:%08d", n).getBytes(StandardCharsets.US_ASCII);
    }

    private static void key(final UnsafeBuffer key, final long i) {
        key.putLong(0, 0x6B65793AL, ByteOrder.BIG_ENDIAN);
        key.putLong(8, i, ByteOrder.BIG_ENDIAN);
    }

    private static void value(final UnsafeBuffer value, final long i) {
        long x = i * 0x9E3779B97F4A7C15L;
        for (int o = 0; o < VALUE_LENGTH; o += 4) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            value.putInt(o, (int)(x & 0x3F3F3F3F) | 0x40404040);
        }
    }

    /**
     * @param progress called with the number of keys loaded so far, every batch
     * @return the number of failed checks
     */
    public int run(final LongConsumer progress) throws IOException, InterruptedException {
        final StoreConfig config = StoreConfig.builder(directory).build();
        out.println("== 1. Open a store in " + directory);
        out.println(config.explain());
        out.flush();
        try (Store store = Strata.open(config)) {
            load(store, progress);
            read(store);
            scan(store);
            compact(store);
            out.println();
            out.println("== 6. Statistics of this session (also over JMX as dev.strata:type=Store)");
            out.println(store.stats());
        }
        crash();
        transactions();
        out.flush();
        return problems;
    }

    private void load(final Store store, final LongConsumer progress) {
        out.printf(Locale.ROOT, "%n== 2. Load %,d keys (16-byte keys, %d-byte values) in batches of %d, each batch a durable commit%n", keys,
            VALUE_LENGTH, BATCH);
        out.flush();
        final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
        final UnsafeBuffer value = new UnsafeBuffer(new byte[VALUE_LENGTH]);
        final long start = System.nanoTime();
        try (WriteBatch batch = store.newBatch()) {
            for (int i = 0; i < keys; i += BATCH) {
                batch.clear();
                for (int j = i; j < Math.min(keys, i + BATCH); j++) {
                    key(key, j);
                    value(value, j);
                    batch.put(store, key, 0, 16, value, 0, VALUE_LENGTH);
                }
                store.write(batch);
                progress.accept(Math.min(keys, i + BATCH));
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "loaded %,d keys in %.2f s: %,.0f keys/s, %.1f MB/s of keys and values; %d WAL syncs, %d flushes%n", keys,
            seconds, keys / seconds, keys * (16.0 + VALUE_LENGTH) / seconds / 1e6, store.stats().get(Counter.WAL_SYNCS),
            store.stats().get(Counter.FLUSHES));
    }

    private void read(final Store store) {
        final int reads = Math.min(keys, 200_000);
        out.printf(Locale.ROOT, "%n== 3. Read %,d random keys (each value checked)%n", reads);
        final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
        final UnsafeBuffer expected = new UnsafeBuffer(new byte[VALUE_LENGTH]);
        final UnsafeBuffer dst = new UnsafeBuffer(new byte[VALUE_LENGTH]);
        final SplittableRandom random = new SplittableRandom(42);
        int wrong = 0;
        final long start = System.nanoTime();
        for (int r = 0; r < reads; r++) {
            final int i = random.nextInt(keys);
            key(key, i);
            final int n = store.get(key, 0, 16, dst, 0);
            value(expected, i);
            if (n != VALUE_LENGTH || dst.compareTo(expected) != 0) {
                wrong++;
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%,d reads in %.2f s: %.2f µs per read; %d wrong; block cache %d hits, %d misses%n", reads, seconds,
            seconds * 1e6 / reads, wrong, store.stats().get(Counter.CACHE_HITS), store.stats().get(Counter.CACHE_MISSES));
        check(wrong == 0, "every read returns the value written");
    }

    private void scan(final Store store) {
        out.printf(Locale.ROOT, "%n== 4. Scan every key in order with a cursor%n");
        long count = 0;
        long previous = -1;
        boolean ordered = true;
        final long start = System.nanoTime();
        try (Cursor c = store.newCursor()) {
            for (boolean ok = c.first(); ok; ok = c.next()) {
                final long i = c.key().getLong(8, ByteOrder.BIG_ENDIAN);
                ordered &= i == previous + 1;
                previous = i;
                count++;
            }
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%,d keys in %.2f s: %.0f ns per step, in order: %s%n", count, seconds, seconds * 1e9 / Math.max(1, count),
            ordered ? "yes" : "NO");
        check(count == keys && ordered, "the scan sees every key once, in order");
    }

    private void transactions() throws InterruptedException {
        out.printf(Locale.ROOT, "%n== 8. Transactions: which isolation anomalies each level allows%n");
        out.println("The isolation-anomaly scripts of the Hermitage suite (shared/spec/hermitage.md), every script at every level:");
        out.flush();
        final Path txnDirectory = directory.resolveSibling(directory.getFileName() + "-txn");
        try (Store store = Strata.open(StoreConfig.builder(txnDirectory).build())) {
            final IsolationScripts.Result scripts = IsolationScripts.runAll(store);
            out.print(IsolationScripts.format(scripts.table()));
            for (String failure : scripts.failures()) {
                out.println("  " + failure);
            }
            check(scripts.failures().isEmpty(), "SERIALIZABLE prevents every anomaly; SNAPSHOT and READ_COMMITTED allow exactly the spec's");
            out.println();
            out.println("Bank transfers for 2 s (2 writers, SERIALIZABLE, durable commits) while a reader sums all accounts in snapshots:");
            out.flush();
            final BankRun.Result bank = BankRun.run(store, IsolationLevel.SERIALIZABLE, 16, 2, 2_000, 42);
            out.printf(Locale.ROOT, "%,d transfers committed (%,d retries after conflicts), %,d snapshot sums checked, total always %s%n",
                bank.transfers(), bank.retries(), bank.checks(), bank.violation() == null ? "16,000" : "WRONG: " + bank.violation());
            check(bank.violation() == null && bank.checks() > 0 && bank.transfers() > 0, "the bank's total never changes");
        }
    }

    private void crash() throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "%n== 7. Kill a writing process with SIGKILL, then recover%n");
        out.flush();
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.commandLine());
        command.add("-Dchronicle.analytics.disable=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TourCrashChild.class.getName());
        command.add(directory.toString());
        final Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final AtomicInteger acked = new AtomicInteger(-1);
        final Object ready = new Object();
        final boolean[] isReady = {false};
        final Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        synchronized (ready) {
                            isReady[0] = true;
                            ready.notifyAll();
                        }
                    } else if (line.startsWith("ack ") && line.length() > 4) {
                        acked.accumulateAndGet(Integer.parseInt(line.substring(4)), Math::max);
                    }
                }
            } catch (final IOException | RuntimeException e) {
                // the pipe ends with the child
            }
        });
        reader.start();
        synchronized (ready) {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!isReady[0] && child.isAlive() && System.nanoTime() < deadline) {
                ready.wait(100);
            }
        }
        Thread.sleep(700);
        final long killedAt = System.nanoTime();
        child.toHandle().destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        reader.join();
        final int acknowledged = acked.get() + 1;
        out.printf(Locale.ROOT, "the child acknowledged %,d durable writes and was killed mid-write%n", acknowledged);
        final long openStart = System.nanoTime();
        try (Store store = Strata.open(StoreConfig.builder(directory).build())) {
            final double openMillis = (System.nanoTime() - openStart) / 1e6;
            int present = 0;
            while (store.get(crashKey(present)) != null) {
                present++;
            }
            final boolean extra = store.get(crashKey(present + 1)) != null;
            out.printf(Locale.ROOT, "recovery took %.0f ms (%.0f ms after the kill) and kept %,d writes: %s%n", openMillis,
                (System.nanoTime() - killedAt) / 1e6, present, present >= acknowledged && !extra
                    ? "every acknowledged write, no hole" + (present > acknowledged ? " (plus the one in flight, which was durable)" : "")
                    : "A LOST OR MISPLACED WRITE");
            check(present >= acknowledged && present <= acknowledged + 1 && !extra, "recovery keeps every acknowledged write, no hole");
            check(store.get(keyBytes(keys - 1)) != null, "the loaded keys survive the crash");
        }
    }

    private static byte[] keyBytes(final long i) {
        final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
        key(key, i);
        return key.byteArray();
    }

    private void compact(final Store store) {
        final StoreStats stats = store.stats();
        out.printf(Locale.ROOT, "%n== 5. Compact everything into one sorted run%n");
        out.printf(Locale.ROOT, "before: %,d segment bytes, space amplification %.2f%n", stats.get(Counter.LIVE_SEGMENT_BYTES),
            stats.getSpaceAmplification());
        final long start = System.nanoTime();
        store.compact();
        out.printf(Locale.ROOT, "after %.2f s: %,d segment bytes (%.1f bytes per key with LZ4), space amplification %.2f, write amplification"
                + " so far %.2f%n", (System.nanoTime() - start) / 1e9, stats.get(Counter.LIVE_SEGMENT_BYTES),
            (double)stats.get(Counter.LIVE_SEGMENT_BYTES) / keys, stats.getSpaceAmplification(), stats.getWriteAmplification());
        check(store.get(keyBytes(0)) != null && store.get(keyBytes(keys - 1)) != null, "reads after compaction");
    }

    private void check(final boolean ok, final String what) {
        if (!ok) {
            problems++;
            out.println("CHECK FAILED: " + what);
        }
    }
}
