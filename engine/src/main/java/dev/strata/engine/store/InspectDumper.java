package dev.strata.engine.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link StoreInspector#dump}: prints entries, segment by segment: the sorted segments (by
 * namespace, level, then as the summary orders them), then the WAL. Corrupt blocks and records are
 * printed as problems and skipped; the dump goes on.
 */
final class InspectDumper {
    private final InspectTarget target;
    private final InspectLayout layout;
    private final InspectOutput out;
    private final long limit;
    private final List<InspectProblem> problems = new ArrayList<>();
    private final Consumer<InspectProblem> sink;
    private long entries;

    private InspectDumper(final InspectTarget target, final InspectLayout layout, final InspectOutput out, final long limit) {
        this.target = target;
        this.layout = layout;
        this.out = out;
        this.limit = limit;
        this.sink = p -> {
            problems.add(p);
            out.line(p.toString());
        };
    }

    static StoreInspector.DumpResult dump(final InspectTarget target, final InspectLayout layout, final InspectOutput out, final long segmentId,
        final boolean walOnly, final long limit) {
        final InspectDumper d = new InspectDumper(target, layout, out, limit);
        if (segmentId >= 0) {
            d.one(segmentId);
        } else {
            final List<InspectLayout.Segment> ssts = new ArrayList<>(walOnly ? List.of() : layout.withRole(InspectLayout.Role.SST));
            if (layout.manifest != null) {
                ssts.sort(Comparator.comparingInt((InspectLayout.Segment s) -> s.file().namespace()).thenComparingInt(s -> s.file().level())
                    .thenComparingLong(InspectLayout.Segment::id));
            }
            boolean more = true;
            for (int i = 0; i < ssts.size() && more; i++) {
                more = d.sst(ssts.get(i));
            }
            final List<InspectLayout.Segment> wals = layout.withRole(InspectLayout.Role.WAL);
            for (int i = 0; i < wals.size() && more; i++) {
                more = d.wal(wals.get(i));
            }
        }
        return new StoreInspector.DumpResult(d.entries, List.copyOf(d.problems));
    }

    private void one(final long segmentId) {
        for (InspectLayout.Segment s : layout.segments) {
            if (s.id() != segmentId) {
                continue;
            }
            if (s.role() == InspectLayout.Role.MANIFEST) {
                throw new IllegalArgumentException("segment " + segmentId + " is the manifest; `strata inspect` prints what it holds");
            }
            if (s.isSst()) {
                sst(s);
            } else if (s.isWal()) {
                wal(s);
            } else {
                throw new IllegalArgumentException("segment " + segmentId + " holds neither a sorted segment nor a WAL (" + s.detail()
                    + "); `strata inspect` lists the segments");
            }
            return;
        }
        throw new IllegalArgumentException("no segment " + segmentId + " in the store at " + target.directory + "; `strata inspect` lists the segments");
    }

    /** @return {@code false} once the limit is reached */
    private boolean sst(final InspectLayout.Segment s) {
        final ManifestData.FileEntry f = s.file();
        out.line("segment " + s.id() + (f != null ? " ns=" + layout.namespaceName(f.namespace()) + " L" + f.level()
            : " (" + (s.role() == InspectLayout.Role.ORPHAN ? "orphan: " : "") + s.detail() + ")"));
        if (!s.sealed()) {
            sink.accept(InspectLayout.error(target, target.segmentLabel(s.id(), false), s.id(), -1, "not sealed, so it cannot be read as a sorted segment"));
            return true;
        }
        InspectSst.walk(target, s.id(), (key, keyLength, trailer, value, valueOffset, valueLength) -> {
            if (entries >= limit) {
                return false;
            }
            out.line("  " + InspectOutput.entry(key, 0, keyLength, trailer, value, valueOffset, valueLength));
            entries++;
            return true;
        }, sink);
        return withinLimit();
    }

    private boolean wal(final InspectLayout.Segment s) {
        out.line("wal segment " + s.id() + " (" + (s.sealed() ? "sealed" : "unsealed") + ", " + s.length() + " bytes"
            + (s.role() == InspectLayout.Role.ORPHAN ? "; orphan: " + s.detail() : "") + ")");
        final int namespaces = layout.manifest == null ? -1 : layout.manifest.namespaces.size();
        InspectWal.walk(target, s, namespaces, (ns, key, keyOffset, keyLength, trailer, value, valueOffset, valueLength) -> {
            if (entries >= limit) {
                return false;
            }
            out.line("  ns=" + layout.namespaceName(ns) + " " + InspectOutput.entry(key, keyOffset, keyLength, trailer, value, valueOffset, valueLength));
            entries++;
            return true;
        }, sink);
        return withinLimit();
    }

    private boolean withinLimit() {
        if (entries >= limit) {
            out.line("(limit of " + limit + " entries reached)");
            return false;
        }
        return true;
    }
}
