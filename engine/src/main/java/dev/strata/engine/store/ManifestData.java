package dev.strata.engine.store;

import dev.strata.NamespaceConfig;
import java.util.ArrayList;
import java.util.List;

/** The decoded contents of a manifest ({@link ManifestDescriptor}). */
final class ManifestData {
    long lastSequence;
    long nextSegmentId;
    long logNumber;
    /** Index = namespace id. */
    final List<NamespaceConfig> namespaces = new ArrayList<>();
    final List<FileEntry> files = new ArrayList<>();

    /** One segment's manifest entry. */
    record FileEntry(int namespace, int level, long segmentId, long size, long entries, long smallestSequence,
        long largestSequence, byte[] smallest, byte[] largest) {
    }
}
