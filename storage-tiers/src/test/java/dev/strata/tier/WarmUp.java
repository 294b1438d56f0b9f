package dev.strata.tier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.agrona.concurrent.UnsafeBuffer;

import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import dev.strata.tier.file.ReadMode;

/**
 * Loads Chronicle Bytes' memory maps once per JVM before any leak check starts: its first use
 * maps native libraries and allocates static direct buffers, which a leak check would blame on
 * whichever test came first. Call from {@code @BeforeAll}.
 */
public final class WarmUp {
    private static boolean done;

    private WarmUp() {
    }

    public static synchronized void chronicle() {
        if (done) {
            return;
        }
        done = true;
        try {
            final Path dir = Files.createTempDirectory("strata-warm-up");
            try (FileTier tier = FileTier.open(FileTierOptions.builder(dir).readMode(ReadMode.MMAP).build())) {
                try (SegmentWriter w = tier.create(1)) {
                    w.append(new UnsafeBuffer(new byte[10]), 0, 10);
                    w.seal();
                }
                try (SegmentReader r = tier.open(1)) {
                    r.read(0, new UnsafeBuffer(new byte[10]), 0, 10);
                }
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
