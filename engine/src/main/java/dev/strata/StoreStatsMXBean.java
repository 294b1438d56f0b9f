package dev.strata;

/** The JMX view of {@link StoreStats}. */
public interface StoreStatsMXBean {
    long getGets();

    long getKeysWritten();

    long getCacheHits();

    long getCacheMisses();

    long getWalSyncs();

    long getFlushes();

    long getCompactions();

    long getStalls();

    long getLiveSegmentBytes();

    double getWriteAmplification();

    double getSpaceAmplification();

    double getAverageGroupSize();

    // per-cache statistics; the block cache's hits and misses are getCacheHits and getCacheMisses

    String getBlockCachePolicy();

    long getBlockCacheEvictions();

    long getBlockCacheBytes();

    double getBlockCacheHitRatio();

    String getRowCachePolicy();

    long getRowCacheHits();

    long getRowCacheMisses();

    long getRowCacheEvictions();

    long getRowCacheExpirations();

    long getRowCacheBytes();

    double getRowCacheHitRatio();
}
