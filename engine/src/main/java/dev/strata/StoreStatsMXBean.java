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
}
