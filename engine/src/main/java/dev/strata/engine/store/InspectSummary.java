package dev.strata.engine.store;

import dev.strata.NamespaceConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link StoreInspector#inspect}: prints what the store holds, from the manifest and the tier's segment list. Reads no data blocks. */
final class InspectSummary {
    private InspectSummary() {
    }

    /** @return {@code false} if the manifest pointer or the manifest could not be read */
    static boolean print(final InspectTarget target, final InspectLayout layout, final InspectOutput out) {
        out.line("store       " + target.directory);
        out.line("tier        " + target.kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + target.tier.location() + "; "
            + (target.locked() ? "LOCK held by this inspection" : "no LOCK file (a checkpoint or a copy), so not locked"));
        layout.problems.forEach(p -> out.line(p.toString()));
        final ManifestData m = layout.manifest;
        if (m == null) {
            out.line("manifest    unreadable (see above); segments below are classified by their magic number. Run `strata verify` for details");
        } else {
            out.line("manifest    segment " + layout.pointer + " (" + layout.manifestLength + " bytes): last sequence " + m.lastSequence + ", next segment id "
                + m.nextSegmentId + ", log number " + m.logNumber);
            out.line("namespaces  " + m.namespaces.size());
            for (int i = 0; i < m.namespaces.size(); i++) {
                final NamespaceConfig ns = m.namespaces.get(i);
                out.line("  #" + i + " " + ns.name() + ": codec " + ns.codec().label() + " level " + ns.codecLevel() + ", last level "
                    + ns.lastLevelCodec().label() + " level " + ns.lastLevelCodecLevel() + ", TTL "
                    + (ns.defaultTtlMillis() > 0 ? ns.defaultTtlMillis() + " ms" : "none") + ", cache share " + ns.cacheShare());
            }
        }
        levels(layout, out);
        final List<InspectLayout.Segment> wals = layout.withRole(InspectLayout.Role.WAL);
        out.line("WAL segments" + (m == null ? "" : " (from log number " + m.logNumber + ")") + ": " + (wals.isEmpty() ? "none" : wals.size()));
        for (InspectLayout.Segment s : wals) {
            out.line("  segment " + s.id() + ": " + (s.sealed() ? "sealed" : "unsealed") + ", " + s.length() + " bytes");
        }
        final List<InspectLayout.Segment> orphans = layout.withRole(InspectLayout.Role.ORPHAN);
        out.line("orphan segments: " + (orphans.isEmpty() ? "none" : orphans.size() + " (the next open deletes them)"));
        for (InspectLayout.Segment s : orphans) {
            out.line("  segment " + s.id() + ": " + (s.sealed() ? "sealed" : "unsealed") + ", " + s.length() + " bytes, " + s.detail());
        }
        return m != null;
    }

    private static void levels(final InspectLayout layout, final InspectOutput out) {
        final List<InspectLayout.Segment> ssts = new ArrayList<>(layout.withRole(InspectLayout.Role.SST));
        if (layout.manifest == null) {
            out.line("sorted segments: " + ssts.size());
            for (InspectLayout.Segment s : ssts) {
                out.line("  segment " + s.id() + ": " + s.length() + " bytes");
            }
            return;
        }
        out.line("sorted segments: " + ssts.size());
        ssts.sort(Comparator.comparingInt((InspectLayout.Segment s) -> s.file().namespace()).thenComparingInt(s -> s.file().level())
            .thenComparing((a, b) -> a.file().level() == 0 ? Long.compare(b.file().largestSequence(), a.file().largestSequence())
                : InspectVerifier.compareKeys(a.file().smallest(), b.file().smallest())));
        for (int i = 0; i < ssts.size(); ) {
            final ManifestData.FileEntry first = ssts.get(i).file();
            int j = i;
            long bytes = 0;
            long entries = 0;
            byte[] lo = first.smallest();
            byte[] hi = first.largest();
            while (j < ssts.size() && ssts.get(j).file().namespace() == first.namespace() && ssts.get(j).file().level() == first.level()) {
                final ManifestData.FileEntry f = ssts.get(j).file();
                bytes += f.size();
                entries += f.entries();
                lo = InspectVerifier.compareKeys(f.smallest(), lo) < 0 ? f.smallest() : lo;
                hi = InspectVerifier.compareKeys(f.largest(), hi) > 0 ? f.largest() : hi;
                j++;
            }
            out.line("  " + layout.namespaceName(first.namespace()) + " L" + first.level() + ": " + (j - i) + (j - i == 1 ? " segment, " : " segments, ")
                + bytes + " bytes, " + entries + " entries, keys [" + InspectOutput.bytes(lo) + " .. " + InspectOutput.bytes(hi) + "]");
            for (; i < j; i++) {
                final ManifestData.FileEntry f = ssts.get(i).file();
                out.line("    segment " + f.segmentId() + ": " + f.size() + " bytes, " + f.entries() + " entries, seq " + f.smallestSequence() + ".."
                    + f.largestSequence() + ", keys [" + InspectOutput.bytes(f.smallest()) + " .. " + InspectOutput.bytes(f.largest()) + "]");
            }
        }
    }
}
