package dev.strata.engine.store;

import dev.strata.NamespaceConfig;
import dev.strata.StoreConfig;
import dev.strata.SyncPolicy;
import dev.strata.compression.CodecType;
import dev.strata.tier.TierKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** The store test matrix: tier × codec × sync policy, with small sizes so flush and compaction run often. */
final class StoreMatrix {
    private StoreMatrix() {
    }

    /** @return every (tier, codec, sync policy) combination */
    static List<Arguments> all() {
        final List<Arguments> out = new ArrayList<>();
        for (TierKind tier : TierKind.values()) {
            for (CodecType codec : new CodecType[] {CodecType.NONE, CodecType.LZ4, CodecType.ZSTD}) {
                for (SyncPolicy sync : SyncPolicy.values()) {
                    out.add(Arguments.of(tier, codec, sync));
                }
            }
        }
        return out;
    }

    /** A small store of this kind in {@code dir}: 64 KiB memtables, 64 KiB segments, quick compactions. */
    static StoreConfig.Builder small(final Path dir, final TierKind tier, final CodecType codec, final SyncPolicy sync) {
        return StoreConfig.builder(dir)
            .tier(tier)
            .blockTierBytes(64L << 20)
            .memtableBytes(64 << 10)
            .targetFileBytes(64 << 10)
            .baseLevelBytes(128 << 10)
            .level0Trigger(2)
            .levelMultiplier(4)
            .blockSize(1024)
            .cacheBytes(256 << 10)
            .syncPolicy(sync)
            .syncInterval(5)
            .namespace(NamespaceConfig.builder(NamespaceConfig.DEFAULT).codec(codec, codec.defaultLevel()).build())
            .namespace(NamespaceConfig.builder("second").codec(codec, codec.defaultLevel()).build());
    }
}
