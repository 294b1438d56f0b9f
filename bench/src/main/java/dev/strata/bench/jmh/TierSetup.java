package dev.strata.bench.jmh;

import dev.strata.tier.Tier;
import dev.strata.tier.block.BlockTier;
import dev.strata.tier.block.BlockTierOptions;
import dev.strata.tier.block.IoMode;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import dev.strata.tier.file.ReadMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Opens the tier a {@link TierBenchmark} parameter names, in a fresh directory under
 * {@code java.io.tmpdir} (set {@code -Djava.io.tmpdir=} to benchmark another disk).
 */
final class TierSetup {
    /** Size of the block tier's preallocated file. */
    static final long BLOCK_FILE_BYTES = 2L << 30;

    private TierSetup() {
    }

    static Path freshDirectory(final String name) {
        try {
            return Files.createTempDirectory("strata-bench-" + name + "-");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param kind {@code file-pread}, {@code file-mmap}, {@code block-buffered} or {@code block-direct}
     */
    static Tier open(final String kind, final Path dir) {
        switch (kind) {
            case "file-pread":
                return FileTier.open(FileTierOptions.builder(dir).readMode(ReadMode.PREAD).build());
            case "file-mmap":
                return FileTier.open(FileTierOptions.builder(dir).readMode(ReadMode.MMAP).build());
            case "block-buffered":
                return BlockTier.open(BlockTierOptions.builder(dir.resolve("device")).createSize(BLOCK_FILE_BYTES).ioMode(IoMode.BUFFERED).build());
            case "block-direct":
                return BlockTier.open(BlockTierOptions.builder(dir.resolve("device")).createSize(BLOCK_FILE_BYTES).ioMode(IoMode.DIRECT).build());
            default:
                throw new IllegalArgumentException("unknown tier '" + kind + "': use raw, file-pread, file-mmap, block-buffered or block-direct");
        }
    }

    static void deleteRecursively(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
