package dev.strata.engine.store;

import dev.strata.StoreOpenException;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes a checkpoint: a copy of every live segment of one version, and a manifest naming them,
 * into a new file-tier store. The version is pinned while copying, so the copy is consistent even
 * while flushes and compactions go on; the caller flushes first so the copy holds every write up
 * to the call.
 */
final class Checkpoints {
    private Checkpoints() {
    }

    static void write(final VersionSet versions, final Path directory) {
        requireEmpty(directory);
        final Version v = versions.acquire();
        try (Tier target = FileTier.open(FileTierOptions.builder(directory).build())) {
            final ManifestData m = new ManifestData();
            m.namespaces.addAll(versions.namespaces);
            long maxId = StoreOpener.FIRST_MANIFEST;
            final UnsafeBuffer chunk = new UnsafeBuffer(new byte[1 << 20]);
            for (int ns = 0; ns < v.trees.length; ns++) {
                final SstFile[][] levels = v.trees[ns].levels;
                for (int l = 0; l < levels.length; l++) {
                    for (SstFile f : levels[l]) {
                        copy(versions.tier, target, f.segmentId, chunk);
                        maxId = Math.max(maxId, f.segmentId);
                        m.lastSequence = Math.max(m.lastSequence, f.largestSequence);
                        m.files.add(new ManifestData.FileEntry(ns, l, f.segmentId, f.size, f.entries, f.smallestSequence, f.largestSequence,
                            f.smallest.byteArray(), f.largest.byteArray()));
                    }
                }
            }
            m.nextSegmentId = maxId + 2;
            m.logNumber = m.nextSegmentId;
            Manifests.write(target, maxId + 1, m);
        } finally {
            v.unref();
        }
    }

    private static void copy(final Tier from, final Tier to, final long id, final UnsafeBuffer chunk) {
        try (SegmentReader r = from.open(id); SegmentWriter w = to.create(id)) {
            final long length = r.length();
            for (long at = 0; at < length; ) {
                final int n = r.read(at, chunk, 0, (int)Math.min(chunk.capacity(), length - at));
                w.append(chunk, 0, n);
                at += n;
            }
            w.seal();
        }
    }

    private static void requireEmpty(final Path directory) {
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    if (entries.findAny().isPresent()) {
                        throw new StoreOpenException("checkpoint directory " + directory + " is not empty; give a new or empty directory");
                    }
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
