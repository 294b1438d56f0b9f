package dev.strata;

import dev.strata.engine.cache.EvictionPolicies;
import dev.strata.tier.Tier;
import dev.strata.tier.TierKind;
import dev.strata.tier.object.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a store is opened with: one typed, validating builder ({@link #builder(Path)}); each
 * setter rejects a bad value at once with a {@link ConfigException} that names it. The defaults fit
 * the embedded case: a file tier in the given directory, LZ4, a group-committed WAL.
 * {@link #explain()} says in plain words what the configuration guarantees after a crash.
 */
public final class StoreConfig {
    private final TierKind tier;
    private final Path location;
    private final ObjectStore objectStore;
    private final String objectPrefix;
    private final long blockTierBytes;
    private final Tier customTier;
    private final int blockSize;
    private final int memtableBytes;
    private final long cacheBytes;
    private final SyncPolicy syncPolicy;
    private final long syncIntervalMillis;
    private final int bloomBitsPerKey;
    private final int level0Trigger;
    private final int levelMultiplier;
    private final long baseLevelBytes;
    private final long targetFileBytes;
    private final int maxLevels;
    private final int maxImmutableMemtables;
    private final long maxWriteStallMillis;
    private final boolean createIfMissing;
    private final boolean backgroundCompaction;
    private final Clock clock;
    private final Map<String, NamespaceConfig> namespaces;
    // caches (issue 5): policies by name, see EvictionPolicies
    private final String blockCachePolicy;
    private final String rowCachePolicy;
    private final long rowCacheBytes;
    private final int rowCacheEntryBytes;

    private StoreConfig(final Builder b) {
        tier = b.tier;
        location = b.location;
        objectStore = b.objectStore;
        objectPrefix = b.objectPrefix;
        blockTierBytes = b.blockTierBytes;
        customTier = b.customTier;
        blockSize = b.blockSize;
        memtableBytes = b.memtableBytes;
        cacheBytes = b.cacheBytes;
        syncPolicy = b.syncPolicy;
        syncIntervalMillis = b.syncIntervalMillis;
        bloomBitsPerKey = b.bloomBitsPerKey;
        level0Trigger = b.level0Trigger;
        levelMultiplier = b.levelMultiplier;
        baseLevelBytes = b.baseLevelBytes == 0 ? 4L * b.memtableBytes : b.baseLevelBytes;
        targetFileBytes = b.targetFileBytes == 0 ? Math.max(1 << 20, b.memtableBytes) : b.targetFileBytes;
        maxLevels = b.maxLevels;
        maxImmutableMemtables = b.maxImmutableMemtables;
        maxWriteStallMillis = b.maxWriteStallMillis;
        createIfMissing = b.createIfMissing;
        backgroundCompaction = b.backgroundCompaction;
        clock = b.clock;
        blockCachePolicy = b.blockCachePolicy;
        rowCachePolicy = b.rowCachePolicy;
        rowCacheBytes = b.rowCacheBytes;
        rowCacheEntryBytes = b.rowCacheEntryBytes;
        final Map<String, NamespaceConfig> ns = new LinkedHashMap<>();
        ns.put(NamespaceConfig.DEFAULT, NamespaceConfig.builder(NamespaceConfig.DEFAULT).build());
        ns.putAll(b.namespaces);
        namespaces = Collections.unmodifiableMap(ns);
    }

    /** @return a builder for a store on the file tier in {@code directory} */
    public static Builder builder(final Path directory) {
        return new Builder(directory);
    }

    public TierKind tier() { return tier; }
    public Path location() { return location; }
    /** @return the object store for {@link TierKind#OBJECT} when one was given, else {@code null} (a local directory store) */
    public ObjectStore objectStore() { return objectStore; }
    public String objectPrefix() { return objectPrefix; }
    public long blockTierBytes() { return blockTierBytes; }
    /** @return the already-open tier given with {@link Builder#customTier}, else {@code null} */
    public Tier customTier() { return customTier; }
    public int blockSize() { return blockSize; }
    public int memtableBytes() { return memtableBytes; }
    public long cacheBytes() { return cacheBytes; }
    public SyncPolicy syncPolicy() { return syncPolicy; }
    public long syncIntervalMillis() { return syncIntervalMillis; }
    public int bloomBitsPerKey() { return bloomBitsPerKey; }
    public int level0Trigger() { return level0Trigger; }
    public int levelMultiplier() { return levelMultiplier; }
    public long baseLevelBytes() { return baseLevelBytes; }
    public long targetFileBytes() { return targetFileBytes; }
    public int maxLevels() { return maxLevels; }
    public int maxImmutableMemtables() { return maxImmutableMemtables; }
    public long maxWriteStallMillis() { return maxWriteStallMillis; }
    public boolean createIfMissing() { return createIfMissing; }
    public boolean backgroundCompaction() { return backgroundCompaction; }
    public Clock clock() { return clock; }
    /** @return the block cache's eviction policy, one of {@link EvictionPolicies#names()} */
    public String blockCachePolicy() { return blockCachePolicy; }
    /** @return the row cache's eviction policy, one of {@link EvictionPolicies#names()} */
    public String rowCachePolicy() { return rowCachePolicy; }
    /** @return the row cache's size in bytes; 0: no row cache */
    public long rowCacheBytes() { return rowCacheBytes; }
    /** @return the row cache's slot size: the memory of one entry and the longest key plus value it caches */
    public int rowCacheEntryBytes() { return rowCacheEntryBytes; }
    /** @return the namespaces by name, {@code "default"} first */
    public Map<String, NamespaceConfig> namespaces() { return namespaces; }

    /** @return the longest value accepted: a quarter of the memtable, at most 16 MiB */
    public int maxValueLength() {
        return Math.min(16 << 20, memtableBytes / 4);
    }

    /** @return in plain words, what this configuration keeps after a crash and what it costs */
    public String explain() {
        final List<String> lines = new ArrayList<>();
        lines.add("Store on the " + tier.name().toLowerCase(java.util.Locale.ROOT) + " tier at "
            + (customTier != null ? customTier.location() + " (a custom tier)" : objectStore != null ? objectStore + " prefix \"" + objectPrefix + "\"" : String.valueOf(location)) + ".");
        switch (syncPolicy) {
            case EVERY_COMMIT:
                lines.add("Sync policy EVERY_COMMIT: a write returns after its log record is on stable storage; concurrent writers"
                    + " share one sync (group commit). After a crash or power cut every acknowledged write is present.");
                break;
            case EVERY_N_MS:
                lines.add("Sync policy EVERY_N_MS (" + syncIntervalMillis + " ms): the log is synced in the background. After a power"
                    + " cut the writes of up to the last " + syncIntervalMillis + " ms may be lost; what survives is a prefix of the"
                    + " commit order (no holes, no half batch). A process crash alone loses nothing the OS received.");
                break;
            default:
                lines.add("Sync policy NEVER: the log is synced only when a memtable is switched or the store closes. After a"
                    + " power cut any write since then may be lost (up to " + (memtableBytes >> 20) + " MiB of memtable); what"
                    + " survives is a prefix of the commit order. A process crash alone loses nothing the OS received.");
                break;
        }
        if (tier == TierKind.OBJECT) {
            lines.add("Object tier: each log sync puts a part object, so a sync costs one object PUT.");
        }
        lines.add("Batches are atomic: after any crash a batch is present whole or not at all.");
        lines.add("Every block, record and manifest carries a CRC32C; corrupt bytes raise CorruptionException, never wrong data.");
        lines.add("Memtable " + (memtableBytes >> 10) + " KiB, up to " + maxImmutableMemtables + " waiting for flush; block size "
            + blockSize + " B; block cache " + (cacheBytes >> 20) + " MiB; leveled compaction: L0 trigger " + level0Trigger
            + " segments, level size ×" + levelMultiplier + ", " + maxLevels + " levels.");
        lines.add("Block cache policy " + blockCachePolicy + "; " + (rowCacheBytes == 0 ? "no row cache."
            : "row cache " + (rowCacheBytes >> 10) + " KiB of " + rowCacheEntryBytes + "-byte entries, policy " + rowCachePolicy + "."));
        if (maxWriteStallMillis != Long.MAX_VALUE) {
            lines.add("Writes that wait more than " + maxWriteStallMillis + " ms for a flush return BACK_PRESSURED unapplied.");
        }
        for (NamespaceConfig ns : namespaces.values()) {
            lines.add("Namespace " + ns + ".");
        }
        return String.join(System.lineSeparator(), lines);
    }

    @Override
    public String toString() {
        return explain();
    }

    /** The builder; see each setter for its range and default. */
    public static final class Builder {
        private TierKind tier = TierKind.FILE;
        private Path location;
        private ObjectStore objectStore;
        private String objectPrefix = "";
        private long blockTierBytes = 1L << 30;
        private Tier customTier;
        private int blockSize = 8192;
        private int memtableBytes = 64 << 20;
        private long cacheBytes = 64L << 20;
        private SyncPolicy syncPolicy = SyncPolicy.EVERY_COMMIT;
        private long syncIntervalMillis = 100;
        private int bloomBitsPerKey = 10;
        private int level0Trigger = 4;
        private int levelMultiplier = 10;
        private long baseLevelBytes;
        private long targetFileBytes;
        private int maxLevels = 7;
        private int maxImmutableMemtables = 2;
        private long maxWriteStallMillis = Long.MAX_VALUE;
        private boolean createIfMissing = true;
        private boolean backgroundCompaction = true;
        private Clock clock = Clock.systemUTC();
        private final Map<String, NamespaceConfig> namespaces = new LinkedHashMap<>();
        private String blockCachePolicy = "LRU";
        private String rowCachePolicy = "LRU";
        private long rowCacheBytes;
        private int rowCacheEntryBytes = 256;

        private Builder(final Path directory) {
            this.location = require("location", directory);
        }

        /**
         * The persistent tier: {@code FILE} (default; one file per segment in the directory),
         * {@code BLOCK} (one preallocated file at the location, see {@link #blockTierBytes}) or
         * {@code OBJECT} (a local directory with object-store semantics, or {@link #objectStore}).
         */
        public Builder tier(final TierKind kind) {
            this.tier = require("tier", kind);
            return this;
        }

        /** For the block tier: the file's size when created (16 MiB to 16 TiB, default 1 GiB). */
        public Builder blockTierBytes(final long bytes) {
            this.blockTierBytes = range("blockTierBytes", bytes, 16L << 20, 16L << 40);
            return this;
        }

        /** Uses the object tier over {@code store} (e.g. S3) under {@code prefix}; the location then only holds the lock file. */
        public Builder objectStore(final ObjectStore store, final String prefix) {
            this.tier = TierKind.OBJECT;
            this.objectStore = require("objectStore", store);
            this.objectPrefix = require("objectPrefix", prefix);
            return this;
        }

        /**
         * Stores segments in an already-open tier instead of opening one in the location (your own
         * {@link Tier} implementation, or a wrapped one); the store takes ownership and closes it.
         * The location then holds only the lock file.
         */
        public Builder customTier(final Tier opened) {
            this.customTier = require("customTier", opened);
            this.tier = opened.kind();
            return this;
        }

        /** Uncompressed bytes per data block: a power of two from 1 KiB to 1 MiB (default 8 KiB). */
        public Builder blockSize(final int bytes) {
            if (bytes < 1024 || bytes > (1 << 20) || Integer.bitCount(bytes) != 1) {
                throw new ConfigException("blockSize must be a power of two between 1024 and 1048576, got " + bytes);
            }
            this.blockSize = bytes;
            return this;
        }

        /** Memtable arena size: 64 KiB to 1 GiB (default 64 MiB). Also bounds the largest value (a quarter of it). */
        public Builder memtableBytes(final int bytes) {
            this.memtableBytes = (int)range("memtableBytes", bytes, 64 << 10, 1 << 30);
            return this;
        }

        /** Block cache size: 0 (no cache) to 1 TiB (default 64 MiB). */
        public Builder cacheBytes(final long bytes) {
            this.cacheBytes = range("cacheBytes", bytes, 0, 1L << 40);
            return this;
        }

        /** When the WAL is synced (default {@link SyncPolicy#EVERY_COMMIT}). */
        public Builder syncPolicy(final SyncPolicy policy) {
            this.syncPolicy = require("syncPolicy", policy);
            return this;
        }

        /** For {@link SyncPolicy#EVERY_N_MS}: 1 to 60000 ms (default 100). */
        public Builder syncInterval(final long millis) {
            this.syncIntervalMillis = range("syncInterval", millis, 1, 60_000);
            return this;
        }

        /** Bloom filter bits per key: 0 (no filter) to 32 (default 10, about 1 % false positives). */
        public Builder bloomBitsPerKey(final int bits) {
            this.bloomBitsPerKey = (int)range("bloomBitsPerKey", bits, 0, 32);
            return this;
        }

        /** Number of level-0 segments that starts a compaction into level 1: 2 to 64 (default 4). */
        public Builder level0Trigger(final int segments) {
            this.level0Trigger = (int)range("level0Trigger", segments, 2, 64);
            return this;
        }

        /** Size ratio between adjacent levels: 2 to 100 (default 10). */
        public Builder levelMultiplier(final int ratio) {
            this.levelMultiplier = (int)range("levelMultiplier", ratio, 2, 100);
            return this;
        }

        /** Target size of level 1: 64 KiB to 1 TiB (default 4 × the memtable). */
        public Builder baseLevelBytes(final long bytes) {
            this.baseLevelBytes = range("baseLevelBytes", bytes, 64 << 10, 1L << 40);
            return this;
        }

        /** Target size of a compaction output segment: 64 KiB to 4 GiB (default the memtable size, at least 1 MiB). */
        public Builder targetFileBytes(final long bytes) {
            this.targetFileBytes = range("targetFileBytes", bytes, 64 << 10, 4L << 30);
            return this;
        }

        /** Number of levels: 2 to 12 (default 7). */
        public Builder maxLevels(final int levels) {
            this.maxLevels = (int)range("maxLevels", levels, 2, 12);
            return this;
        }

        /** Full memtables allowed to wait for flush before writers stall: 1 to 16 (default 2). */
        public Builder maxImmutableMemtables(final int count) {
            this.maxImmutableMemtables = (int)range("maxImmutableMemtables", count, 1, 16);
            return this;
        }

        /** How long a write may stall for a flush before it returns BACK_PRESSURED unapplied: 1 ms or more (default: no limit). */
        public Builder maxWriteStallMillis(final long millis) {
            this.maxWriteStallMillis = range("maxWriteStallMillis", millis, 1, Long.MAX_VALUE);
            return this;
        }

        /** Whether open creates a store when the location holds none (default true). */
        public Builder createIfMissing(final boolean create) {
            this.createIfMissing = create;
            return this;
        }

        /** Whether compaction runs by itself in the background (default true; false: only {@link Store#compact()}). */
        public Builder backgroundCompaction(final boolean enabled) {
            this.backgroundCompaction = enabled;
            return this;
        }

        /** The clock for TTL expiry (default the system UTC clock; tests pass a controllable one). */
        public Builder clock(final Clock c) {
            this.clock = require("clock", c);
            return this;
        }

        /** Declares a namespace (or, for {@code "default"}, replaces its settings). At most 1024. */
        public Builder namespace(final NamespaceConfig config) {
            require("namespace", config);
            if (namespaces.size() >= 1024 && !namespaces.containsKey(config.name())) {
                throw new ConfigException("at most 1024 namespaces per store, got one more: " + config.name());
            }
            namespaces.put(config.name(), config);
            return this;
        }

        /**
         * The block cache's eviction policy by name, case-insensitive, one of
         * {@link EvictionPolicies#names()} (default {@code LRU}); switchable at run time with
         * {@link StoreCaches#setPolicy}.
         */
        public Builder blockCachePolicy(final String policy) {
            this.blockCachePolicy = policy("blockCachePolicy", policy);
            return this;
        }

        /** The row cache's eviction policy by name, as for {@link #blockCachePolicy} (default {@code LRU}). */
        public Builder rowCachePolicy(final String policy) {
            this.rowCachePolicy = policy("rowCachePolicy", policy);
            return this;
        }

        /**
         * Row cache size: 0 (default: no row cache) to 1 TiB. The row cache keeps the latest value of
         * keys read by point gets, off-heap, in front of the memtables and the block cache; it costs a
         * lookup on every write (to invalidate), so it is off unless asked for. A size smaller than
         * one entry slot means no row cache.
         */
        public Builder rowCacheBytes(final long bytes) {
            this.rowCacheBytes = range("rowCacheBytes", bytes, 0, 1L << 40);
            return this;
        }

        /**
         * Memory per row cache entry: a power of two from 32 bytes to 1 MiB (default 256). Every
         * entry takes one such slot; a key plus value longer than it is not cached.
         */
        public Builder rowCacheEntryBytes(final int bytes) {
            if (bytes < 32 || bytes > (1 << 20) || Integer.bitCount(bytes) != 1) {
                throw new ConfigException("rowCacheEntryBytes must be a power of two between 32 and 1048576, got " + bytes);
            }
            this.rowCacheEntryBytes = bytes;
            return this;
        }

        public StoreConfig build() {
            return new StoreConfig(this);
        }

        private static <T> T require(final String setting, final T value) {
            if (value == null) {
                throw new ConfigException(setting + " must not be null");
            }
            return value;
        }

        private static String policy(final String setting, final String name) {
            require(setting, name);
            for (String known : EvictionPolicies.names()) {
                if (known.equalsIgnoreCase(name)) {
                    return known;
                }
            }
            throw new ConfigException(setting + " '" + name + "' is not a known eviction policy; known policies: "
                + String.join(", ", EvictionPolicies.names()));
        }

        private static long range(final String setting, final long value, final long min, final long max) {
            if (value < min || value > max) {
                throw new ConfigException(setting + " must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        }
    }
}
