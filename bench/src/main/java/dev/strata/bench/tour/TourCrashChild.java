package dev.strata.bench.tour;

import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The process the tour kills: opens the store given as {@code args[0]} and writes
 * {@code crash:00000000}, {@code crash:00000001}, … (each a durable commit), printing
 * {@code ack <n>} after each returns, until it is killed.
 */
public final class TourCrashChild {
    private TourCrashChild() {
    }

    public static void main(final String[] args) {
        try (Store store = Strata.open(StoreConfig.builder(Path.of(args[0])).build())) {
            System.out.println("ready");
            System.out.flush();
            final UnsafeBuffer value = new UnsafeBuffer(new byte[100]);
            for (int n = 0; ; n++) {
                final UnsafeBuffer key = new UnsafeBuffer(Tour.crashKey(n));
                value.putInt(0, n);
                store.put(key, 0, key.capacity(), value, 0, value.capacity());
                System.out.println("ack " + n);
                System.out.flush();
            }
        }
    }
}
