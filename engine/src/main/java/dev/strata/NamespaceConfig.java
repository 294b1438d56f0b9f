package dev.strata;

import dev.strata.compression.CodecType;

/**
 * Settings of one namespace: codec for its segments (and a separate one for the last level, where
 * most data ends up and a stronger codec pays off), default TTL, and its share of the block cache.
 * Immutable; built and validated by {@link #builder(String)}.
 */
public final class NamespaceConfig {
    /** Name of the namespace every store has. */
    public static final String DEFAULT = "default";

    private final String name;
    private final CodecType codec;
    private final int codecLevel;
    private final CodecType lastLevelCodec;
    private final int lastLevelCodecLevel;
    private final long defaultTtlMillis;
    private final double cacheShare;

    private NamespaceConfig(final Builder b) {
        this.name = b.name;
        this.codec = b.codec;
        this.codecLevel = b.codecLevel;
        this.lastLevelCodec = b.lastLevelCodec == null ? b.codec : b.lastLevelCodec;
        this.lastLevelCodecLevel = b.lastLevelCodec == null ? b.codecLevel : b.lastLevelCodecLevel;
        this.defaultTtlMillis = b.defaultTtlMillis;
        this.cacheShare = b.cacheShare;
    }

    public static Builder builder(final String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public CodecType codec() {
        return codec;
    }

    public int codecLevel() {
        return codecLevel;
    }

    public CodecType lastLevelCodec() {
        return lastLevelCodec;
    }

    public int lastLevelCodecLevel() {
        return lastLevelCodecLevel;
    }

    /** @return the TTL given to puts without one, 0 for none */
    public long defaultTtlMillis() {
        return defaultTtlMillis;
    }

    /** @return the fraction of the store's block cache this namespace may fill, 0 to 1 */
    public double cacheShare() {
        return cacheShare;
    }

    @Override
    public String toString() {
        return name + " (codec " + codec.label() + " level " + codecLevel + ", last level " + lastLevelCodec.label() + " level "
            + lastLevelCodecLevel + (defaultTtlMillis > 0 ? ", default TTL " + defaultTtlMillis + " ms" : "") + ", cache share "
            + cacheShare + ")";
    }

    /** Validating builder: every setter rejects a bad value at once, naming it. */
    public static final class Builder {
        private final String name;
        private CodecType codec = CodecType.LZ4;
        private int codecLevel = CodecType.LZ4.defaultLevel();
        private CodecType lastLevelCodec;
        private int lastLevelCodecLevel;
        private long defaultTtlMillis;
        private double cacheShare = 1.0;

        private Builder(final String name) {
            if (name == null || name.isEmpty() || name.length() > 64 || !name.matches("[A-Za-z0-9_.-]+")) {
                throw new ConfigException("namespace name must be 1 to 64 characters of [A-Za-z0-9_.-], got \"" + name + "\"");
            }
            this.name = name;
        }

        /** Codec for flushed and compacted segments except the last level; default LZ4. */
        public Builder codec(final CodecType type, final int level) {
            this.codec = checkCodec("codec", type, level);
            this.codecLevel = level;
            return this;
        }

        /** Codec for segments in the last level; default: the same as {@link #codec}. */
        public Builder lastLevelCodec(final CodecType type, final int level) {
            this.lastLevelCodec = checkCodec("lastLevelCodec", type, level);
            this.lastLevelCodecLevel = level;
            return this;
        }

        /** TTL for puts that give none; 0 (the default) for none. */
        public Builder defaultTtlMillis(final long millis) {
            if (millis < 0) {
                throw new ConfigException("defaultTtlMillis must be 0 (none) or positive, got " + millis);
            }
            this.defaultTtlMillis = millis;
            return this;
        }

        /** Fraction of the store's block cache this namespace may fill (0 to 1, default 1: shares the whole cache). */
        public Builder cacheShare(final double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new ConfigException("cacheShare must be between 0 and 1, got " + share);
            }
            this.cacheShare = share;
            return this;
        }

        public NamespaceConfig build() {
            return new NamespaceConfig(this);
        }

        private static CodecType checkCodec(final String setting, final CodecType type, final int level) {
            if (type == null || type == CodecType.ZSTD_DICT) {
                throw new ConfigException(setting + " must be one of none, lz4, lz4hc, zstd, deflate, got " + type);
            }
            if (!type.acceptsLevel(level)) {
                throw new ConfigException(setting + " level for " + type.label() + " must be between " + type.minLevel() + " and "
                    + type.maxLevel() + ", got " + level);
            }
            return type;
        }
    }
}
