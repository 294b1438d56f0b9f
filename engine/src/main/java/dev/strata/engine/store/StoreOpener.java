package dev.strata.engine.store;

import dev.strata.CorruptionException;
import dev.strata.NamespaceConfig;
import dev.strata.StoreConfig;
import dev.strata.StoreOpenException;
import dev.strata.StoreStats;
import dev.strata.compression.JvmFlags;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import dev.strata.engine.memtable.Memtable;
import dev.strata.engine.sst.SstReader;
import dev.strata.engine.wal.WalEntryCursor;
import dev.strata.engine.wal.WalRecordDescriptor;
import dev.strata.engine.wal.WalRecovery;
import dev.strata.engine.wal.WalSegmentDescriptor;
import dev.strata.engine.wal.WalWriter;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.Tier;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Opens a store: lock, tier, manifest (or a new one), segments, then the WAL replayed into
 * memtables from the manifest's log number on. A torn WAL tail is cut off and sealed; a corrupt
 * record in the middle stops the open with {@link CorruptionException} naming segment and
 * offset. Segments the manifest does not know (a flush or compaction the crash interrupted, an
 * old manifest) are deleted. Runs once per open: allocates freely.
 */
final class StoreOpener {
    /** The first manifest of a new store. */
    static final long FIRST_MANIFEST = 1;

    private StoreOpener() {
    }

    static StoreImpl open(final StoreConfig config) {
        JvmFlags.requireAgrona("Strata store");
        final StoreResources resources = StoreResources.lock(config);
        final List<SstFile> opened = new ArrayList<>();
        final List<MemtableRef> memtables = new ArrayList<>();
        try {
            final Tier tier = resources.openTier(config);
            final ManifestData data = readOrCreate(config, tier);
            final List<NamespaceConfig> namespaces = mergeNamespaces(data.namespaces, config.namespaces());
            final Tree[] trees = openTrees(config, tier, data, namespaces.size(), opened);
            final StoreStats stats = new StoreStats();
            final long[] maxId = {data.nextSegmentId - 1};
            final long pointer = Manifests.pointer(tier);
            final List<Long> wals = classifySegments(tier, data, pointer, maxId);
            final VersionSet versions = new VersionSet(tier, namespaces, stats, maxId[0] + 1, pointer, data.logNumber, data.lastSequence);
            final long[] lastSequence = {data.lastSequence};
            final MemtableRef active = replay(config, tier, wals, data.lastSequence, memtables, lastSequence);
            for (long id : wals) {
                versions.addWal(id);
            }
            final long walId = versions.newSegmentId();
            final WalWriter wal = new WalWriter(tier, walId);
            versions.addWal(walId);
            final MemtableRef current = active != null ? active : new MemtableRef(new Memtable(config.memtableBytes(), walId), walId);
            if (active == null) {
                memtables.add(current);
            }
            current.largestSequence = lastSequence[0];
            final MemtableRef[] imms = new MemtableRef[memtables.size() - 1];
            for (int i = 0; i < imms.length; i++) {
                imms[i] = memtables.get(memtables.size() - 2 - i);
            }
            synchronized (versions.lock) {
                final Version v = new Version(current, imms, trees);
                versions.commit(v);
            }
            release(opened, memtables);
            final StoreImpl store = new StoreImpl(config, resources,
                stats, versions, new WriteSide(config, versions, stats, wal, current, lastSequence[0]));
            store.start();
            return store;
        } catch (final RuntimeException | Error e) {
            release(opened, memtables);
            resources.close();
            throw e;
        }
    }

    private static void release(final List<SstFile> opened, final List<MemtableRef> memtables) {
        for (SstFile f : opened) {
            f.unref();
        }
        opened.clear();
        for (MemtableRef m : memtables) {
            m.unref();
        }
        memtables.clear();
    }

    private static ManifestData readOrCreate(final StoreConfig config, final Tier tier) {
        final long pointer = Manifests.pointer(tier);
        if (pointer >= 0) {
            return Manifests.read(tier, pointer);
        }
        final List<Long> existing = new ArrayList<>();
        tier.list((id, sealed, length) -> existing.add(id));
        existing.remove(FIRST_MANIFEST);
        if (!existing.isEmpty()) {
            throw new StoreOpenException(tier.location() + " holds " + existing.size() + " segments but no manifest: it is not a Strata"
                + " store, or its metadata slot was lost. Open an empty directory, or restore the store from a checkpoint");
        }
        if (!config.createIfMissing()) {
            throw new StoreOpenException("no store at " + config.location() + "; open it with createIfMissing(true) to create one");
        }
        tier.delete(FIRST_MANIFEST);
        final ManifestData m = new ManifestData();
        m.nextSegmentId = FIRST_MANIFEST + 1;
        m.logNumber = FIRST_MANIFEST + 1;
        m.namespaces.addAll(config.namespaces().values());
        Manifests.write(tier, FIRST_MANIFEST, m);
        return m;
    }

    /** Persisted namespaces keep their ids; configured settings win; new ones are appended. */
    private static List<NamespaceConfig> mergeNamespaces(final List<NamespaceConfig> persisted, final Map<String, NamespaceConfig> configured) {
        final List<NamespaceConfig> out = new ArrayList<>();
        for (NamespaceConfig p : persisted) {
            out.add(configured.getOrDefault(p.name(), p));
        }
        for (NamespaceConfig c : configured.values()) {
            if (out.stream().noneMatch(n -> n.name().equals(c.name()))) {
                out.add(c);
            }
        }
        if (out.size() > 65536) {
            throw new StoreOpenException("a store holds at most 65536 namespaces");
        }
        return out;
    }

    private static Tree[] openTrees(final StoreConfig config, final Tier tier, final ManifestData data, final int namespaceCount,
        final List<SstFile> opened) {
        final List<List<List<SstFile>>> byNs = new ArrayList<>();
        int levels = config.maxLevels();
        for (ManifestData.FileEntry f : data.files) {
            levels = Math.max(levels, f.level() + 1);
        }
        for (int ns = 0; ns < namespaceCount; ns++) {
            final List<List<SstFile>> ls = new ArrayList<>();
            for (int l = 0; l < levels; l++) {
                ls.add(new ArrayList<>());
            }
            byNs.add(ls);
        }
        for (ManifestData.FileEntry e : data.files) {
            if (e.namespace() >= namespaceCount) {
                throw new CorruptionException("manifest of " + tier.location(), 0, "segment " + e.segmentId() + " in a known namespace, found "
                    + e.namespace(), null);
            }
            final SstFile f = new SstFile(e.namespace(), e.segmentId(), e.size(), e.entries(), e.smallestSequence(), e.largestSequence(),
                e.smallest(), e.largest(), SstReader.open(tier, e.segmentId()), tier);
            opened.add(f);
            byNs.get(e.namespace()).get(e.level()).add(f);
        }
        final Tree[] trees = new Tree[namespaceCount];
        for (int ns = 0; ns < namespaceCount; ns++) {
            final SstFile[][] arr = new SstFile[levels][];
            for (int l = 0; l < levels; l++) {
                final List<SstFile> files = byNs.get(ns).get(l);
                if (l == 0) {
                    files.sort((a, b) -> Long.compare(b.largestSequence, a.largestSequence));
                } else {
                    files.sort((a, b) -> KeyComparator.compareKeys(a.smallest, 0, a.smallest.capacity(), b.smallest, 0, b.smallest.capacity()));
                }
                arr[l] = files.toArray(Tree.NONE);
            }
            trees[ns] = new Tree(arr);
        }
        return trees;
    }

    /**
     * Deletes segments the manifest does not reference and that are not live WAL segments.
     *
     * @return the WAL segments to replay, ascending
     */
    private static List<Long> classifySegments(final Tier tier, final ManifestData data, final long pointer, final long[] maxId) {
        final List<Long> referenced = new ArrayList<>();
        referenced.add(pointer);
        for (ManifestData.FileEntry f : data.files) {
            referenced.add(f.segmentId());
        }
        final List<long[]> all = new ArrayList<>();
        tier.list((id, sealed, length) -> all.add(new long[] {id, sealed ? 1 : 0, length}));
        final List<Long> wals = new ArrayList<>();
        for (long[] s : all) {
            final long id = s[0];
            maxId[0] = Math.max(maxId[0], id);
            if (referenced.contains(id)) {
                continue;
            }
            if (id >= data.logNumber && isWal(tier, id, s[1] == 1)) {
                wals.add(id);
            } else {
                tier.delete(id);
            }
        }
        return wals;
    }

    private static boolean isWal(final Tier tier, final long id, final boolean sealed) {
        try (SegmentReader r = sealed ? tier.open(id) : tier.openUnsealed(id)) {
            if (r.length() < WalSegmentDescriptor.HEADER_LENGTH) {
                return false;
            }
            final UnsafeBuffer header = new UnsafeBuffer(new byte[8]);
            r.read(0, header, 0, 8);
            return header.getLong(0, ByteOrder.LITTLE_ENDIAN) == WalSegmentDescriptor.MAGIC;
        }
    }

    /**
     * Replays the WAL segments into memtables (a new one whenever one fills: all but the last go to
     * {@code memtables} as full ones, oldest first, then the last).
     *
     * @return the memtable new writes go to, or {@code null} if there was nothing to replay
     */
    private static MemtableRef replay(final StoreConfig config, final Tier tier, final List<Long> wals, final long flushedSequence,
        final List<MemtableRef> memtables, final long[] lastSequence) {
        final WalEntryCursor cursor = new WalEntryCursor();
        final MemtableRef[] current = {null};
        for (long walId : wals) {
            final long valid = WalRecovery.replay(tier, walId, (buffer, offset, length) -> {
                final long first = WalRecordDescriptor.firstSequence(buffer, offset);
                if (first <= flushedSequence) {
                    return;
                }
                final long need = WriteSide.estimate(length, WalRecordDescriptor.count(buffer, offset));
                if (current[0] == null || need > current[0].table.capacityBytes() - current[0].table.usedBytes()) {
                    current[0] = new MemtableRef(new Memtable(config.memtableBytes(), walId), walId);
                    memtables.add(current[0]);
                }
                cursor.wrap(buffer, offset);
                while (cursor.next()) {
                    current[0].table.insert(cursor.namespace(), cursor.key(), cursor.keyOffset(), cursor.keyLength(),
                        Trailer.pack(cursor.sequence(), cursor.kind()), cursor.value(), cursor.valueOffset(), cursor.valueLength());
                    lastSequence[0] = Math.max(lastSequence[0], cursor.sequence());
                }
                current[0].largestSequence = lastSequence[0];
            });
            sealOrCheck(tier, walId, valid);
        }
        return current[0];
    }

    /**
     * Seals an unsealed WAL segment at its last intact record (a torn tail). A sealed segment was
     * sealed at a record boundary after a sync, so a bad record at its end is corruption of
     * acknowledged writes, not a torn tail.
     */
    private static void sealOrCheck(final Tier tier, final long id, final long validLength) {
        final boolean[] sealed = {true};
        final long[] length = {0};
        tier.list((sid, s, len) -> {
            if (sid == id) {
                sealed[0] = s;
                length[0] = len;
            }
        });
        if (!sealed[0]) {
            tier.sealUnsealed(id, validLength);
        } else if (validLength < length[0]) {
            throw new CorruptionException("WAL segment " + id + " (" + tier.location() + ")", validLength, "an intact WAL record up to the"
                + " end of this sealed segment (" + length[0] + " bytes); a sealed segment has no torn tail, so acknowledged writes here"
                + " are damaged. Restore the store from a checkpoint", null);
        }
    }
}
