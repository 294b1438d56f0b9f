package dev.strata.engine.cache;

import dev.strata.engine.Hashing;
import java.time.Clock;
import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The row cache: an off-heap cache from {@code (namespace, key)} to the latest visible value, in
 * front of the memtables, segments and block cache of a store's point reads, with a pluggable
 * {@link EvictionPolicy} and per-entry expiry.
 *
 * <h2>Memory</h2>
 * The capacity is split evenly over the shards; each shard allocates one direct buffer at
 * construction and cuts it into equal slots of {@code slotSize} bytes. An entry (its key bytes, then
 * its value bytes) takes one slot, so capacity counts entries ({@code capacityBytes / slotSize}) and
 * memory never fragments; an entry longer than a slot is not cached (counted in
 * {@link RowCacheStats#notCached()}). Lookups copy the value out under the shard lock, so nothing is
 * pinned and eviction can always pick any victim.
 *
 * <h2>Consistency: no stale value after a write</h2>
 * The store calls {@link #invalidate} for every key it writes, with the write's sequence number,
 * <em>before</em> it publishes that sequence to readers, and a reader passes to {@link #insert} the
 * sequence it read at (the visible sequence taken before the read). Each shard keeps the highest
 * sequence that invalidated any of its keys and refuses an insert read below it. So an insert that
 * raced with a write either lands before the invalidation (which then removes it) or after it (and
 * is refused, its read sequence being older than the write); and a hit is always the value of the
 * newest write published, since every write unpublished at insert time invalidates before it is
 * published. The price is coarse: any write to a shard refuses that shard's in-flight inserts read
 * before it (counted in {@link RowCacheStats#staleInserts()}), which costs hit ratio under heavy
 * writes, never correctness.
 *
 * <h2>Expiry</h2>
 * An entry keeps the value's absolute expiry (0: none); one that has expired is never returned. Each
 * shard has a {@link TimerWheel} over its slots, advanced to the clock's time by every lookup and
 * insert on the shard and by {@link #expire}, which the store runs in the background, so expired
 * entries leave the cache (and free their slot) without being looked up.
 *
 * <h2>Policy switch</h2>
 * {@link #switchPolicy} rebuilds each shard's policy from the entries it holds, under the shard's
 * lock: no entry is lost (see {@link PolicySwitch}).
 *
 * <p>A capacity of 0 is allowed and caches nothing. Thread-safe; after {@link #close} lookups miss
 * and inserts do nothing.
 */
public final class RowCache implements AutoCloseable {
    /** {@link #get} result: the key is not cached; read it from the store. */
    public static final int MISS = -2;

    private static final long SEED = 0x526F_7743_6163_6865L;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final RowCacheShard[] shards;
    private final int shardMask;
    private final int slotShift;
    private final long capacityBytes;
    private final Clock clock;
    private final RowCacheStats stats;
    private volatile String policyName;

    /**
     * @param capacityBytes bytes of entry memory: 0 for no cache, else at least {@code slotSize × shards}; rounded down
     *                      to a multiple of that
     * @param slotSize      bytes per entry slot and the longest key plus value cached: a power of two between 32 and 2^20
     * @param shards        a power of two between 1 and 65536
     * @param policy        creates one eviction policy per shard
     * @param clock         the store's clock, for expiry
     * @throws IllegalArgumentException naming the first bad value
     */
    public RowCache(final long capacityBytes, final int slotSize, final int shards, final EvictionPolicy.Factory policy,
        final Clock clock) {
        Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (slotSize < 32 || slotSize > (1 << 20) || Integer.bitCount(slotSize) != 1) {
            throw new IllegalArgumentException("slotSize must be a power of two between 32 and 1048576, got " + slotSize);
        }
        if (shards < 1 || shards > (1 << 16) || Integer.bitCount(shards) != 1) {
            throw new IllegalArgumentException("shards must be a power of two between 1 and 65536, got " + shards);
        }
        final long minimum = (long)slotSize * shards;
        if (capacityBytes != 0 && capacityBytes < minimum) {
            throw new IllegalArgumentException("capacityBytes must be 0 (no cache) or at least slotSize × shards (" + slotSize + " × "
                + shards + " = " + minimum + "), got " + capacityBytes);
        }
        final long slotsPerShard = capacityBytes / minimum;
        if (slotsPerShard * slotSize > Integer.MAX_VALUE || slotsPerShard > Integer.MAX_VALUE - TimerWheel.LEVELS * TimerWheel.BUCKETS) {
            throw new IllegalArgumentException("capacityBytes / shards must be at most " + Integer.MAX_VALUE
                + " bytes (one direct buffer per shard), got " + capacityBytes / shards + "; use more shards");
        }
        this.shards = new RowCacheShard[shards];
        shardMask = shards - 1;
        slotShift = Integer.numberOfTrailingZeros(slotSize);
        this.capacityBytes = slotsPerShard * minimum;
        final long now = clock.millis();
        try {
            for (int i = 0; i < shards; i++) {
                final EvictionPolicy p = Objects.requireNonNull(policy.create((int)slotsPerShard), "policy.create returned null");
                this.shards[i] = new RowCacheShard((int)slotsPerShard, slotShift, p, now);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            close();
            throw e;
        }
        policyName = this.shards[0].policyName();
        stats = new RowCacheStats(this.shards);
    }

    /** @return the hash of a row key: the shard from its high bits, the table bucket from its low bits */
    static long hash(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength) {
        return Hashing.hash64(key, keyOffset, keyLength, SEED ^ (namespace + 1) * GOLDEN);
    }

    /**
     * Looks a key up and copies its value into {@code dst} (growing it if it is expandable, else only
     * if it fits, like a store read), recording the access. An expired entry is removed and misses.
     *
     * @return the value's length, or {@link #MISS}
     */
    public int get(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final MutableDirectBuffer dst,
        final int dstOffset) {
        final long hash = hash(namespace, key, keyOffset, keyLength);
        return shard(hash).get(hash, namespace, key, keyOffset, keyLength, dst, dstOffset, clock.millis());
    }

    /**
     * Offers a value that a read at {@code readSequence} found as the key's newest visible version. It
     * is cached unless a write to the key's shard with a higher sequence was invalidated since, it
     * does not fit a slot, or it has expired.
     *
     * @param expiry the value's absolute expiry in clock milliseconds, or 0 for none
     */
    public void insert(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final long readSequence,
        final DirectBuffer value, final int valueOffset, final int valueLength, final long expiry) {
        final long hash = hash(namespace, key, keyOffset, keyLength);
        shard(hash).insert(hash, namespace, key, keyOffset, keyLength, readSequence, value, valueOffset, valueLength, expiry,
            clock.millis());
    }

    /**
     * Drops the key (if cached) and refuses, in its shard, every later insert read below
     * {@code sequence}. The store calls it for each key a write changes, before publishing the write.
     */
    public void invalidate(final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength, final long sequence) {
        final long hash = hash(namespace, key, keyOffset, keyLength);
        shard(hash).invalidate(hash, namespace, key, keyOffset, keyLength, sequence);
    }

    /**
     * Advances every shard's timer wheel to the clock's time, removing the entries that expired.
     *
     * @return the number of entries removed
     */
    public int expire() {
        final long now = clock.millis();
        int expired = 0;
        for (RowCacheShard shard : shards) {
            expired += shard.expire(now);
        }
        return expired;
    }

    /**
     * Replaces the eviction policy of every shard, keeping every cached entry (see {@link PolicySwitch}).
     *
     * @param policy creates one new policy per shard
     * @throws IllegalStateException if the cache is closed
     */
    public synchronized void switchPolicy(final EvictionPolicy.Factory policy) {
        Objects.requireNonNull(policy, "policy");
        for (RowCacheShard shard : shards) {
            shard.switchPolicy(policy);
        }
        policyName = shards[0].policyName();
    }

    /** @return the eviction policy's name */
    public String policyName() {
        return policyName;
    }

    /** @return the live statistics (the same object every time; reading it allocates nothing) */
    public RowCacheStats stats() {
        return stats;
    }

    /** @return the capacity in bytes after rounding down to whole slots in every shard */
    public long capacityBytes() {
        return capacityBytes;
    }

    /** @return bytes per slot: the longest key plus value cached */
    public int slotSize() {
        return 1 << slotShift;
    }

    /** @return the number of shards */
    public int shards() {
        return shards.length;
    }

    /** Frees the memory of every shard (under each shard's lock: no reader is copying from it then). */
    @Override
    public void close() {
        for (RowCacheShard shard : shards) {
            if (shard != null) {
                shard.close();
            }
        }
    }

    private RowCacheShard shard(final long hash) {
        return shards[(int)(hash >>> 40) & shardMask];
    }
}
