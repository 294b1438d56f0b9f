package dev.strata.tier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A small workload that touches every durable operation of a {@link Tier} (create, append, sync,
 * seal, delete, metadata), with a model of what each acknowledged call promised. Run it until a
 * power cut stops it, open the tier again, and {@link #verify} checks the promises: synced data
 * survives intact, unsynced data is absent or whole appends (never torn), sealed segments and the
 * metadata slot are all-or-nothing, deleted segments stay deleted.
 */
public final class CrashWorkload {
    private final Random random;
    private final Map<Long, Seg> segments = new HashMap<>();
    private byte[] metadata;
    private byte[] metadataInFlight;
    private boolean metadataPending;
    private int largeAppends;

    /** What the model knows of one segment. */
    private static final class Seg {
        final List<byte[]> appends = new ArrayList<>();
        boolean created;
        int syncedAppends;
        boolean sealing;
        boolean sealed;
        boolean deleting;
        boolean deleted;
    }

    public CrashWorkload(final long seed) {
        this.random = new Random(seed);
    }

    /** Runs the workload; returns normally if nothing failed, else throws what the tier threw. */
    public void run(final Tier tier) {
        writeMetadata(tier, 40);
        final SegmentWriter w1 = create(tier, 1);
        append(w1, 100);
        append(w1, 5000);
        sync(w1);
        append(w1, 300);
        final SegmentWriter w2 = create(tier, 2);
        append(w2, 9000);
        sync(w2);
        append(w2, 20);
        seal(w2);
        writeMetadata(tier, 3000);
        append(w1, 7000);
        sync(w1);
        final SegmentWriter w3 = create(tier, 3);
        append(w3, 50);
        sync(w3);
        delete(tier, 2);
        seal(w1);
        writeMetadata(tier, 10);
        append(w3, 10);
        append(w3, 4097);
        sync(w3);
        append(w3, 33);
        w3.close();
    }

    private SegmentWriter create(final Tier tier, final long id) {
        final Seg s = new Seg();
        segments.put(id, s);
        final SegmentWriter w = tier.create(id);
        s.created = true;
        return w;
    }

    private void append(final SegmentWriter w, final int length) {
        final byte[] data = new byte[length];
        random.nextBytes(data);
        final Seg s = segments.get(w.segmentId());
        s.appends.add(data);
        if (length >= 4096 && (largeAppends++ & 1) == 1) {
            // every other large append from a block-aligned direct ByteBuffer: the tiers write those
            // straight from the source (zero-copy), the others through their write buffers
            final java.nio.ByteBuffer whole = java.nio.ByteBuffer.allocateDirect(length + 4096);
            try {
                final long address = org.agrona.BufferUtil.address(whole);
                final int start = (int) (((address + 4095) & -4096L) - address);
                whole.limit(start + length).position(start);
                final UnsafeBuffer src = new UnsafeBuffer(whole.slice());
                src.putBytes(0, data);
                w.append(src, 0, length);
            } finally {
                org.agrona.BufferUtil.free(whole);
            }
        } else {
            w.append(new UnsafeBuffer(data), 0, length);
        }
    }

    private void sync(final SegmentWriter w) {
        final Seg s = segments.get(w.segmentId());
        final int n = s.appends.size();
        w.sync();
        s.syncedAppends = n;
    }

    private void seal(final SegmentWriter w) {
        final Seg s = segments.get(w.segmentId());
        s.sealing = true;
        w.seal();
        s.sealed = true;
        s.syncedAppends = s.appends.size();
    }

    private void delete(final Tier tier, final long id) {
        final Seg s = segments.get(id);
        s.deleting = true;
        tier.delete(id);
        s.deleted = true;
    }

    private void writeMetadata(final Tier tier, final int length) {
        final byte[] blob = new byte[length];
        random.nextBytes(blob);
        metadataInFlight = blob;
        metadataPending = true;
        tier.writeMetadata(new UnsafeBuffer(blob), 0, length);
        metadata = blob;
        metadataPending = false;
    }

    /** Checks the reopened tier against the promises the acknowledged calls made. */
    public void verify(final Tier tier, final String context) {
        final byte[] meta = tier.readMetadata();
        if (metadataPending) {
            assertTrue(Arrays.equals(meta, metadata) || Arrays.equals(meta, metadataInFlight),
                context + ": metadata is neither the old nor the new blob");
        } else {
            assertArrayEquals(metadata, meta, context + ": metadata");
        }
        final TreeMap<Long, long[]> present = new TreeMap<>();
        tier.list((id, sealed, length) -> present.put(id, new long[] {sealed ? 1 : 0, length}));
        for (Long id : present.keySet()) {
            assertTrue(segments.containsKey(id), context + ": unexpected segment " + id);
        }
        for (Map.Entry<Long, Seg> e : segments.entrySet()) {
            final long id = e.getKey();
            final Seg s = e.getValue();
            final long[] p = present.get(id);
            final String where = context + ", segment " + id;
            if (s.deleted) {
                assertFalse(p != null, where + ": deleted, but still listed");
                continue;
            }
            if (p == null) {
                assertTrue(!s.created || s.deleting, where + ": created (acknowledged) but missing");
                continue;
            }
            if (p[0] == 1) {
                assertTrue(s.sealing, where + ": sealed, but seal was never called");
                try (SegmentReader r = tier.open(id)) {
                    assertArrayEquals(concat(s.appends, s.appends.size()), TierContract.readAll(r), where + ": sealed content");
                }
            } else {
                assertFalse(s.sealed, where + ": seal was acknowledged, but the segment is unsealed");
                try (SegmentReader r = tier.openUnsealed(id)) {
                    final byte[] got = TierContract.readAll(r);
                    int whole = -1;
                    for (int k = s.syncedAppends; k <= s.appends.size(); k++) {
                        if (concat(s.appends, k).length == got.length) {
                            whole = k;
                        }
                    }
                    assertTrue(whole >= 0, where + ": durable length " + got.length + " is not synced data plus whole appends ("
                        + s.syncedAppends + " appends synced of " + s.appends.size() + ")");
                    assertArrayEquals(concat(s.appends, whole), got, where + ": unsealed content");
                }
            }
        }
    }

    private static byte[] concat(final List<byte[]> parts, final int count) {
        int len = 0;
        for (int i = 0; i < count; i++) {
            len += parts.get(i).length;
        }
        final byte[] out = new byte[len];
        int at = 0;
        for (int i = 0; i < count; i++) {
            System.arraycopy(parts.get(i), 0, out, at, parts.get(i).length);
            at += parts.get(i).length;
        }
        return out;
    }

    /** @return how many segments the model holds (for sanity checks of a full run) */
    public int segmentCount() {
        return segments.size();
    }

    static void assertFullRun(final CrashWorkload w) {
        assertEquals(3, w.segmentCount());
    }
}
