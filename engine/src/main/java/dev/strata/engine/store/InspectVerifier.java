package dev.strata.engine.store;

import dev.strata.engine.KeyComparator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@link StoreInspector#verify}: every checksum and every structure the store depends on, with
 * each problem printed as it is found and collected. Order: the manifest pointer and manifest
 * ({@link InspectLayout}), every sorted segment ({@link InspectSst}) and its manifest entry, the
 * level invariants, every WAL segment ({@link InspectWal}), then orphans (warnings).
 */
final class InspectVerifier {
    private InspectVerifier() {
    }

    static InspectVerification verify(final InspectTarget target, final InspectLayout layout, final InspectOutput out) {
        final InspectVerification v = new InspectVerification();
        final Consumer<InspectProblem> sink = p -> {
            v.add(p);
            out.line(p.toString());
        };
        layout.problems.forEach(sink);
        for (InspectLayout.Segment s : layout.withRole(InspectLayout.Role.SST)) {
            if (!s.sealed()) {
                sink.accept(InspectLayout.error(target, target.segmentLabel(s.id(), false), s.id(), -1,
                    "the manifest lists this segment, but it is not sealed (open fails)"));
                continue;
            }
            final InspectSst walk = InspectSst.walk(target, s.id(), (k, kl, t, val, vo, vl) -> true, sink);
            v.segments++;
            v.blocks += walk.blocks;
            v.entries += walk.entries;
            if (s.file() != null && walk.opened) {
                compare(target, s, walk, sink);
            }
        }
        if (layout.manifest != null) {
            levels(target, layout, sink);
        }
        final int namespaces = layout.manifest == null ? -1 : layout.manifest.namespaces.size();
        for (InspectLayout.Segment s : layout.withRole(InspectLayout.Role.WAL)) {
            final InspectWal walk = InspectWal.walk(target, s, namespaces, (ns, k, ko, kl, t, val, vo, vl) -> true, sink);
            v.walSegments++;
            v.walRecords += walk.records;
            v.walEntries += walk.entries;
        }
        for (InspectLayout.Segment s : layout.withRole(InspectLayout.Role.ORPHAN)) {
            sink.accept(new InspectProblem(InspectProblem.Severity.WARNING, target.segmentLabel(s.id(), s.sealed()), s.id(), -1, -1,
                "orphan: " + s.detail() + "; neither the manifest nor the WAL needs it, the next open deletes it"));
        }
        out.line(v.summary());
        return v;
    }

    /** The manifest entry must describe the segment as read: size, entries, key range, sequence range. */
    private static void compare(final InspectTarget target, final InspectLayout.Segment s, final InspectSst walk, final Consumer<InspectProblem> sink) {
        final ManifestData.FileEntry f = s.file();
        final List<String> diffs = new ArrayList<>();
        if (f.size() != walk.length) {
            diffs.add("size " + f.size() + " bytes, the segment has " + walk.length);
        }
        if (walk.problems == 0 && !walk.stopped) {
            if (f.entries() != walk.entries) {
                diffs.add(f.entries() + " entries, the segment holds " + walk.entries);
            }
            if (walk.entries > 0) {
                if (!Arrays.equals(f.smallest(), walk.firstKey) || !Arrays.equals(f.largest(), walk.lastKey)) {
                    diffs.add("keys [" + InspectOutput.bytes(f.smallest()) + " .. " + InspectOutput.bytes(f.largest()) + "], the segment holds ["
                        + InspectOutput.bytes(walk.firstKey) + " .. " + InspectOutput.bytes(walk.lastKey) + "]");
                }
                if (f.smallestSequence() != walk.smallestSequence || f.largestSequence() != walk.largestSequence) {
                    diffs.add("sequences " + f.smallestSequence() + ".." + f.largestSequence() + ", the segment holds " + walk.smallestSequence + ".."
                        + walk.largestSequence);
                }
            }
        }
        if (!diffs.isEmpty()) {
            sink.accept(InspectLayout.error(target, target.segmentLabel(s.id(), true), s.id(), -1, "the manifest says " + String.join("; ", diffs)));
        }
    }

    /** Namespaces must exist; below level 0 the segments of a level must hold disjoint key ranges. */
    private static void levels(final InspectTarget target, final InspectLayout layout, final Consumer<InspectProblem> sink) {
        final ManifestData m = layout.manifest;
        final String where = "manifest " + target.segmentLabel(layout.pointer, true);
        final List<ManifestData.FileEntry> files = new ArrayList<>(m.files);
        for (ManifestData.FileEntry f : files) {
            if (f.namespace() >= m.namespaces.size()) {
                sink.accept(InspectLayout.error(target, where, layout.pointer, -1, "segment " + f.segmentId() + " belongs to namespace " + f.namespace()
                    + ", the manifest declares " + m.namespaces.size() + " (open fails)"));
            }
        }
        files.sort(Comparator.comparingInt(ManifestData.FileEntry::namespace).thenComparingInt(ManifestData.FileEntry::level)
            .thenComparing(ManifestData.FileEntry::smallest, InspectVerifier::compareKeys));
        for (int i = 1; i < files.size(); i++) {
            final ManifestData.FileEntry a = files.get(i - 1);
            final ManifestData.FileEntry b = files.get(i);
            if (a.namespace() == b.namespace() && a.level() == b.level() && a.level() > 0 && compareKeys(a.largest(), b.smallest()) >= 0) {
                sink.accept(InspectLayout.error(target, where, layout.pointer, -1, "namespace " + layout.namespaceName(a.namespace()) + " level "
                    + a.level() + ": segments " + a.segmentId() + " [" + InspectOutput.bytes(a.smallest()) + " .. " + InspectOutput.bytes(a.largest())
                    + "] and " + b.segmentId() + " [" + InspectOutput.bytes(b.smallest()) + " .. " + InspectOutput.bytes(b.largest())
                    + "] overlap; below level 0 a level holds disjoint key ranges"));
            }
        }
    }

    static int compareKeys(final byte[] a, final byte[] b) {
        return KeyComparator.compareKeys(new UnsafeBuffer(a), 0, a.length, new UnsafeBuffer(b), 0, b.length);
    }
}
