package dev.strata.engine.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A small trace simulator for the policy tests (the eviction lab in {@code bench} is the real
 * one): replays a trace through one policy with libCacheSim's semantics. On a miss the object is
 * counted as a miss; if it is heavier than the whole cache it is not inserted; else the policy is
 * told ({@link EvictionPolicy#onMiss}), victims are evicted until it fits, and it is inserted with
 * its weight. A hit is {@link EvictionPolicy#onAccess}. Keys are hashed with SplitMix64's finaliser.
 */
final class TraceReplay {
    /** Object ids and sizes, one per request. */
    final long[] ids;
    final int[] sizes;
    final int distinct;

    private TraceReplay(final long[] ids, final int[] sizes) {
        this.ids = ids;
        this.sizes = sizes;
        final Map<Long, Boolean> seen = new HashMap<>();
        for (long id : ids) {
            seen.put(id, Boolean.TRUE);
        }
        distinct = seen.size();
    }

    /** {@code shared/data/traces}: {@code -Dstrata.shared.dir} (Surefire sets it), else a {@code shared} directory above the working directory. */
    static Path tracesDir() {
        final String marker = "data/traces/cloudphysics/expected_misses.csv";
        final String property = System.getProperty("strata.shared.dir");
        if (property != null && Files.isRegularFile(Path.of(property).resolve(marker))) {
            return Path.of(property).resolve("data/traces");
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("shared").resolve(marker))) {
                return d.resolve("shared/data/traces");
            }
        }
        throw new IllegalStateException("no shared traces: -Dstrata.shared.dir=" + property + " does not hold " + marker
            + ", nor does any 'shared' directory above " + Path.of("").toAbsolutePath());
    }

    /** Reads an oracleGeneral trace: 24-byte little-endian records {@code u32 time, u64 id, u32 size, i64 next}. */
    static TraceReplay oracleGeneral(final Path file) throws IOException {
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        final int n = bytes.remaining() / 24;
        final long[] ids = new long[n];
        final int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = bytes.getLong(i * 24 + 4);
            sizes[i] = bytes.getInt(i * 24 + 12);
        }
        return new TraceReplay(ids, sizes);
    }

    /** Reads a LIRS trace: gzip text, one block number per line, {@code *} lines skipped; every size is 1. */
    static TraceReplay lirs(final Path file) throws IOException {
        final List<Long> ids = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                final String t = line.trim();
                if (!t.isEmpty() && !t.equals("*")) {
                    ids.add(Long.parseLong(t));
                }
            }
        }
        final long[] a = new long[ids.size()];
        final int[] sizes = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = ids.get(i);
            sizes[i] = 1;
        }
        return new TraceReplay(a, sizes);
    }

    /**
     * @param factory  the policy
     * @param capacity the cache's capacity in the trace's size unit (bytes, or entries for LIRS)
     * @return the number of misses
     */
    long misses(final EvictionPolicy.Factory factory, final long capacity) {
        final int slots = (int)Math.min(distinct, capacity); // every object weighs at least 1
        final EvictionPolicy policy = factory.create(slots);
        policy.setMaximumWeight(capacity);
        final Map<Long, Integer> slotOf = new HashMap<>();
        final long[] idOf = new long[slots];
        final int[] sizeOf = new int[slots];
        final int[] free = new int[slots];
        int freeCount = 0;
        for (int s = slots - 1; s >= 0; s--) {
            free[freeCount++] = s;
        }
        long used = 0;
        long misses = 0;
        for (int i = 0; i < ids.length; i++) {
            final Integer present = slotOf.get(ids[i]);
            if (present != null) {
                policy.onAccess(present);
                continue;
            }
            misses++;
            final int size = sizes[i];
            if (size > capacity) {
                continue;
            }
            final long hash = hash(ids[i]);
            policy.onMiss(hash, size);
            while (used + size > capacity || freeCount == 0) {
                final int victim = policy.victim(EvictionPolicy.SlotPredicate.ANY);
                if (victim < 0) {
                    throw new AssertionError(policy.name() + " found no victim at request " + i + " with " + policy.size() + " tracked");
                }
                slotOf.remove(idOf[victim]);
                used -= sizeOf[victim];
                free[freeCount++] = victim;
            }
            final int slot = free[--freeCount];
            idOf[slot] = ids[i];
            sizeOf[slot] = size;
            slotOf.put(ids[i], slot);
            used += size;
            policy.onInsert(slot, hash, size);
        }
        if (policy.size() != slotOf.size()) {
            throw new AssertionError(policy.name() + " tracks " + policy.size() + " slots but the cache holds " + slotOf.size());
        }
        return misses;
    }

    static long hash(final long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
