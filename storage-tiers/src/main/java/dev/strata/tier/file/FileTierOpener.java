package dev.strata.tier.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.strata.tier.TierOpenException;
import dev.strata.tier.io.FileIo;
import dev.strata.tier.io.IoChannel;
import dev.strata.tier.io.OpenMode;

/** Checks the location and the JVM before a {@link FileTier} opens, so that each failure names its cause. */
final class FileTierOpener {
    private static final String PROBE = ".strata-write-probe";

    private FileTierOpener() {
    }

    static FileTier open(final FileTierOptions options) {
        final FileIo io = options.fileIo();
        final Path dir = options.directory();
        if (!io.exists(dir)) {
            if (!options.createDirectory()) {
                throw new TierOpenException("file tier directory " + dir + " does not exist; create it, or set createDirectory(true)");
            }
            try {
                io.createDirectories(dir);
            } catch (final IOException | SecurityException e) {
                throw new TierOpenException("cannot create file tier directory " + dir + " (" + e
                    + "); create it yourself or choose a location this process may write to", e);
            }
        }
        if (!io.isDirectory(dir)) {
            throw new TierOpenException("file tier location " + dir + " is not a directory; choose a directory");
        }
        probeWritable(io, dir);
        final boolean mapped = chooseMaps(options);
        final FileTier tier = new FileTier(options, mapped);
        try {
            tier.metadata().cleanUp();
            tier.removeIncompleteCreations();
        } catch (final IOException e) {
            tier.close();
            throw new TierOpenException("cannot clean up after a crash in " + dir + " (" + e
                + "); check the directory's permissions and retry", e);
        }
        return tier;
    }

    private static void probeWritable(final FileIo io, final Path dir) {
        final Path probe = dir.resolve(PROBE);
        try {
            io.deleteIfExists(probe);
            final IoChannel ch = io.open(probe, OpenMode.CREATE_NEW, false);
            ch.close();
            io.deleteIfExists(probe);
        } catch (final IOException | SecurityException e) {
            throw new TierOpenException("file tier directory " + dir + " is not writable (" + e
                + "); fix its permissions or mount, or choose another directory", e);
        }
    }

    private static boolean chooseMaps(final FileTierOptions options) {
        final ReadMode mode = options.readMode();
        if (mode == ReadMode.PREAD) {
            return false;
        }
        final boolean ioMaps = options.fileIo().supportsMapping();
        final List<String> missing = MappingSupport.missingFlags();
        if (mode == ReadMode.MMAP) {
            if (!ioMaps) {
                throw new TierOpenException("ReadMode.MMAP needs real files, but the FileIo " + options.fileIo()
                    + " does not support mapping; use ReadMode.PREAD or AUTO");
            }
            if (!missing.isEmpty()) {
                throw new TierOpenException("ReadMode.MMAP needs these JVM flags: " + String.join(" ", missing)
                    + "; add them to the java command line, or use ReadMode.AUTO to fall back to positional reads");
            }
            return true;
        }
        return ioMaps && missing.isEmpty();
    }
}
