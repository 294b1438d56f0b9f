package dev.strata.bench.lab.eviction;

import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.WriteBatch;
import dev.strata.bench.lab.LabInputException;
import dev.strata.engine.cache.AccessTraceRecorder;
import dev.strata.engine.store.StoreImpl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@code --capture}: opens a real store in a temporary directory, loads keys, records the keys of a
 * seeded Zipf read workload with the store's {@link AccessTraceRecorder} hook (in the read path,
 * zero allocation per read) and returns what was recorded as a trace of key hashes. The directory is
 * deleted afterwards.
 */
public final class StoreCapture {
    /** Keys loaded into the store. */
    public static final int KEYS = 20_000;
    /** Reads recorded. */
    public static final int READS = 200_000;
    /** The read workload's Zipf exponent. */
    public static final double EXPONENT = 0.99;
    private static final int VALUE_LENGTH = 64;

    private StoreCapture() {
    }

    /**
     * @param seed the read workload's seed
     * @param out  where to say what was captured
     * @return the recorded trace: one request per point read, keyed by the recorder's key hash
     */
    public static Trace capture(final long seed, final PrintWriter out) throws IOException {
        final Path dir = Files.createTempDirectory("strata-capture-");
        try {
            final AccessTraceRecorder recorder = new AccessTraceRecorder(Integer.highestOneBit(READS - 1) << 1);
            final long start = System.nanoTime();
            try (Store store = Strata.open(StoreConfig.builder(dir).build())) {
                final UnsafeBuffer key = new UnsafeBuffer(new byte[16]);
                final UnsafeBuffer value = new UnsafeBuffer(new byte[VALUE_LENGTH]);
                try (WriteBatch batch = store.newBatch()) {
                    for (int i = 0; i < KEYS; i += 1000) {
                        batch.clear();
                        for (int j = i; j < Math.min(KEYS, i + 1000); j++) {
                            key(key, j);
                            value.putLong(0, j);
                            batch.put(store, key, 0, 16, value, 0, VALUE_LENGTH);
                        }
                        store.write(batch);
                    }
                }
                if (!(store instanceof StoreImpl)) {
                    throw new LabInputException("--capture needs the engine's own store, got " + store.getClass().getName());
                }
                ((StoreImpl)store).accessTrace(recorder);
                final Trace zipf = SyntheticWorkload.generate("zipf:" + EXPONENT + ",keys=" + KEYS + ",n=" + READS, seed);
                final UnsafeBuffer dst = new UnsafeBuffer(new byte[VALUE_LENGTH]);
                for (int i = 0; i < zipf.length(); i++) {
                    key(key, zipf.key(i));
                    store.get(key, 0, 16, dst, 0);
                }
                ((StoreImpl)store).accessTrace(null);
            }
            final long[] hashes = new long[(int)Math.min(recorder.recorded(), recorder.capacity())];
            final long dropped = recorder.dropped();
            final int n = recorder.drainTo(hashes);
            final TraceBuilder builder = new TraceBuilder(String.format(Locale.ROOT, "captured from a store: %,d Zipf(%.2f) reads over %,d keys,"
                + " seed %d", n, EXPONENT, KEYS, seed), false);
            for (int i = 0; i < n; i++) {
                builder.add(hashes[i]);
            }
            out.printf(Locale.ROOT, "captured %,d reads (%,d dropped) from a store in %s in %.2f s (replay: --capture --seed %d)%n", n, dropped, dir,
                (System.nanoTime() - start) / 1e9, seed);
            out.flush();
            return builder.build();
        } finally {
            delete(dir);
        }
    }

    private static void key(final UnsafeBuffer key, final long i) {
        key.putLong(0, 0x6B65793AL, ByteOrder.BIG_ENDIAN);
        key.putLong(8, i, ByteOrder.BIG_ENDIAN);
    }

    private static void delete(final Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
