package dev.strata.engine.store;

import static dev.strata.engine.store.ManifestDescriptor.ORDER;

import dev.strata.CorruptionException;
import dev.strata.StoreOpenException;
import dev.strata.engine.wal.WalSegmentDescriptor;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.Tier;
import dev.strata.tier.TierException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What a store's tier holds, read without changing it: the manifest pointer, the manifest, and
 * every segment classified the way {@link StoreOpener} would classify it at open. When the pointer
 * or the manifest is unreadable, segments are classified by their magic number instead, so that
 * the rest can still be checked.
 */
final class InspectLayout {
    /** What a segment is to the store. */
    enum Role {
        /** The manifest the metadata slot points at. */
        MANIFEST,
        /** A sorted segment the manifest lists (or, without a manifest, one with the sorted-segment magic). */
        SST,
        /** A WAL segment the next open replays. */
        WAL,
        /** Neither: the next open deletes it. */
        ORPHAN
    }

    /**
     * One tier segment: {@code magic} is its first 8 bytes (-1 if shorter or unread), {@code file} its
     * manifest entry (SST role with a readable manifest, else {@code null}).
     */
    record Segment(long id, boolean sealed, long length, Role role, long magic, ManifestData.FileEntry file, String detail) {
        boolean isSst() {
            return magic == dev.strata.engine.sst.SegmentFileDescriptor.MAGIC;
        }

        boolean isWal() {
            return magic == WalSegmentDescriptor.MAGIC && length >= WalSegmentDescriptor.HEADER_LENGTH;
        }
    }

    final long pointer;
    final long pointerLength;
    /** {@code null} if unreadable; see {@link #problems}. */
    final ManifestData manifest;
    final long manifestLength;
    final List<Segment> segments = new ArrayList<>();
    /** Problems with the pointer, the manifest or the segment list. */
    final List<InspectProblem> problems = new ArrayList<>();
    private final InspectTarget target;

    private InspectLayout(final InspectTarget target, final long pointer, final long pointerLength, final ManifestData manifest,
        final long manifestLength) {
        this.target = target;
        this.pointer = pointer;
        this.pointerLength = pointerLength;
        this.manifest = manifest;
        this.manifestLength = manifestLength;
    }

    static InspectLayout read(final InspectTarget target) {
        final Tier tier = target.tier;
        final List<long[]> listed = new ArrayList<>();
        tier.list((id, sealed, length) -> listed.add(new long[] {id, sealed ? 1 : 0, length}));
        final List<InspectProblem> problems = new ArrayList<>();
        long pointer = -1;
        long pointerLength = -1;
        try {
            pointer = Manifests.pointer(tier);
            if (pointer >= 0) {
                pointerLength = new UnsafeBuffer(tier.readMetadata()).getLong(ManifestDescriptor.POINTER_LENGTH_OFFSET, ORDER);
            } else if (listed.isEmpty()) {
                throw new StoreOpenException(target.directory + " is not a Strata store: its " + tier.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " tier holds no manifest pointer and no segments; give the directory a store was opened in");
            } else {
                problems.add(error(target, "metadata slot (" + tier.location() + ")", -1, -1,
                    "the slot holding the manifest pointer is empty, but the tier holds " + listed.size() + " segments (the store cannot be opened)"));
            }
        } catch (final CorruptionException e) {
            problems.add(error(target, e.location(), -1, e.offset(), expected(e)));
        } catch (final TierException e) {
            problems.add(error(target, "metadata slot (" + tier.location() + ")", -1, -1, e.getMessage()));
        }
        ManifestData manifest = null;
        long manifestLength = -1;
        if (pointer >= 0) {
            final String label = "manifest " + target.segmentLabel(pointer, true);
            try {
                manifest = Manifests.read(tier, pointer);
                manifestLength = lengthOf(listed, pointer);
                if (manifestLength != pointerLength) {
                    problems.add(error(target, "metadata slot (" + tier.location() + ")", -1, ManifestDescriptor.POINTER_LENGTH_OFFSET,
                        "the pointer gives manifest segment " + pointer + " a length of " + pointerLength + " bytes; the segment has " + manifestLength));
                }
            } catch (final CorruptionException e) {
                problems.add(new InspectProblem(InspectProblem.Severity.ERROR, label, pointer, e.offset(), target.fileOffset(pointer, e.offset()), expected(e)));
            } catch (final TierException e) {
                problems.add(new InspectProblem(InspectProblem.Severity.ERROR, label, pointer, -1, -1, e.getMessage()));
            }
        }
        final InspectLayout layout = new InspectLayout(target, pointer, pointerLength, manifest, manifestLength);
        layout.problems.addAll(problems);
        layout.classify(listed);
        return layout;
    }

    private static long lengthOf(final List<long[]> listed, final long id) {
        for (long[] s : listed) {
            if (s[0] == id) {
                return s[2];
            }
        }
        return -1;
    }

    /** Mirrors {@link StoreOpener}: referenced, else a WAL segment from the log number on, else an orphan. */
    private void classify(final List<long[]> listed) {
        final Map<Long, ManifestData.FileEntry> files = new HashMap<>();
        if (manifest != null) {
            for (ManifestData.FileEntry f : manifest.files) {
                files.put(f.segmentId(), f);
            }
        }
        for (long[] s : listed) {
            final long id = s[0];
            final boolean sealed = s[1] == 1;
            final ManifestData.FileEntry f = files.remove(id);
            final long magic = magic(id, sealed);
            if (id == pointer) {
                segments.add(new Segment(id, sealed, s[2], Role.MANIFEST, magic, null, "manifest"));
            } else if (f != null) {
                segments.add(new Segment(id, sealed, s[2], Role.SST, magic, f, null));
            } else {
                final Segment probe = new Segment(id, sealed, s[2], Role.ORPHAN, magic, null, null);
                if (probe.isWal() && (manifest == null || id >= manifest.logNumber)) {
                    segments.add(new Segment(id, sealed, s[2], Role.WAL, magic, null, null));
                } else if (manifest == null && probe.isSst()) {
                    segments.add(new Segment(id, sealed, s[2], Role.SST, magic, null, "sorted segment (not checked against the unreadable manifest)"));
                } else {
                    segments.add(new Segment(id, sealed, s[2], Role.ORPHAN, magic, null, orphanKind(probe)));
                }
            }
        }
        for (ManifestData.FileEntry f : files.values()) {
            problems.add(error(target, target.segmentLabel(f.segmentId(), true), f.segmentId(), -1, "the manifest lists this segment (namespace "
                + f.namespace() + ", level " + f.level() + ", " + f.entries() + " entries) but the tier does not hold it"));
        }
    }

    private String orphanKind(final Segment s) {
        final long magic = s.magic();
        if (s.isWal()) {
            return "WAL segment older than the log number " + manifest.logNumber + " (already flushed)";
        }
        if (s.isSst()) {
            return "sorted segment the manifest does not list (an interrupted flush or compaction)";
        }
        if (magic == ManifestDescriptor.MAGIC) {
            return "a manifest the pointer does not name (a replaced one)";
        }
        return magic == -1 ? "unreadable or shorter than 8 bytes" : "unknown contents";
    }

    /** @return the first 8 bytes of a segment, or -1 if it is shorter or unreadable */
    private long magic(final long id, final boolean sealed) {
        try (SegmentReader r = sealed ? target.tier.open(id) : target.tier.openUnsealed(id)) {
            final UnsafeBuffer b = new UnsafeBuffer(new byte[8]);
            return r.length() >= 8 && r.read(0, b, 0, 8) == 8 ? b.getLong(0, ORDER) : -1;
        } catch (final TierException | IllegalStateException e) {
            return -1;
        }
    }

    List<Segment> withRole(final Role role) {
        return segments.stream().filter(s -> s.role() == role).toList();
    }

    /** @return the namespace name for an id, or {@code #id} when the manifest does not name it */
    String namespaceName(final int id) {
        return manifest != null && id >= 0 && id < manifest.namespaces.size() ? manifest.namespaces.get(id).name() : "#" + id;
    }

    static InspectProblem error(final InspectTarget target, final String location, final long segmentId, final long offset, final String message) {
        return new InspectProblem(InspectProblem.Severity.ERROR, location, segmentId, offset, target.fileOffset(segmentId, offset), message);
    }

    /** @return a {@link CorruptionException} message without its location and offset (they are fields of the problem) */
    static String expected(final CorruptionException e) {
        final String prefix = "corrupt data in " + e.location() + " at offset " + e.offset() + ": ";
        final String m = e.getMessage();
        return m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : String.valueOf(m);
    }
}
