package dev.strata.engine.cache;

import java.util.Objects;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The memory tier: an off-heap cache of decompressed segment blocks, keyed by
 * {@code (segmentId, blockOffset)}, bounded in bytes, with a pluggable {@link EvictionPolicy}.
 *
 * <p>The read path, with its return codes, is in the package documentation.
 *
 * <h2>Memory</h2>
 * The capacity is split evenly over the shards; each shard allocates one direct buffer at
 * construction and cuts it into equal slots of {@code slotSize} bytes, a power of two at least as
 * large as the largest block worth caching (twice the store's block size leaves room for blocks
 * that did not compress). A block goes into one slot whatever its length, so the cache never holds
 * more than its capacity and never fragments, at the cost of the unused tail of each slot; blocks
 * longer than a slot are not cached (counted in {@link BlockCacheStats#notCached()}). The memory is
 * freed by {@link #close}, or by the last {@link #release} if a block is still pinned then, never
 * under a reader.
 *
 * <h2>Concurrency</h2>
 * Keys are spread over a power-of-two number of shards by a mixed hash of the key. Each shard has
 * its own lock (a plain monitor: uncontended it allocates nothing), table, policy, slots and
 * counters, so threads working on different shards do not meet. Readers use a block without any
 * lock through <em>pinning</em>: {@link #acquire} and {@link #insert} return a pinned handle, and a
 * pinned slot is neither evicted nor reused, so its bytes stay put until {@link #release}. The
 * happens-before edge from the thread that filled a slot to every reader runs through the shard
 * lock, taken by both. An insert copies the block outside the lock: it reserves a slot (pinned,
 * invisible to others), copies, then publishes the key; if another thread published the same key
 * meanwhile, the copy is dropped and the other thread's block returned.
 *
 * <h2>Eviction</h2>
 * When a shard has no free slot, its policy chooses a victim among the slots that no reader pins
 * (the shard is the policy's {@link EvictionPolicy.SlotPredicate}). A policy sees only slot ids
 * and key hashes, so it keeps its state in primitive arrays sized once. With every slot pinned an
 * insert returns {@link #NOT_CACHED} rather than wait: the caller still has its own copy.
 * Invalidation ({@link #remove}, {@link #invalidateSegment}) takes a key out at once; a pinned
 * slot's memory returns to its shard only at the last release.
 *
 * <p>A capacity of 0 is allowed and means "no cache": every {@link #acquire} misses and every
 * {@link #insert} returns {@link #NOT_CACHED}, so a store can run without a cache through the same
 * code. Handles are valid until released; using a released handle is misuse that is not detected.
 */
public final class BlockCache implements AutoCloseable {
    /** {@link #acquire} result: the block is not cached; read it and offer it to {@link #insert}. */
    public static final int MISS = -1;

    /**
     * {@link #insert} result: the block was not cached, because it is longer than a slot or every
     * slot of its shard is pinned; use the caller's own copy.
     */
    public static final int NOT_CACHED = -2;

    private final CacheShard[] shards;
    private final int shardMask;
    private final int shardBits;
    private final int slotShift;
    private final long capacityBytes;
    private volatile String policyName;
    private final BlockCacheStats stats;

    /**
     * @param capacityBytes bytes of block memory: 0 for no cache, else at least
     *                      {@code slotSize × shards}; rounded down to a multiple of that
     * @param slotSize      bytes per slot and the longest block cached: a power of two between 64
     *                      and 2^30
     * @param shards        a power of two between 1 and 65536
     * @param policy        creates one eviction policy per shard
     * @throws IllegalArgumentException naming the first bad value
     */
    public BlockCache(final long capacityBytes, final int slotSize, final int shards, final EvictionPolicy.Factory policy) {
        Objects.requireNonNull(policy, "policy");
        if (slotSize < 64 || slotSize > (1 << 30) || Integer.bitCount(slotSize) != 1) {
            throw new IllegalArgumentException("slotSize must be a power of two between 64 and 1073741824, got " + slotSize);
        }
        if (shards < 1 || shards > (1 << 16) || Integer.bitCount(shards) != 1) {
            throw new IllegalArgumentException("shards must be a power of two between 1 and 65536, got " + shards);
        }
        final long minimum = (long)slotSize * shards;
        if (capacityBytes != 0 && capacityBytes < minimum) {
            throw new IllegalArgumentException("capacityBytes must be 0 (no cache) or at least slotSize × shards ("
                + slotSize + " × " + shards + " = " + minimum + "), got " + capacityBytes);
        }
        final long slotsPerShard = capacityBytes / minimum;
        if (slotsPerShard * slotSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("capacityBytes / shards must be at most " + Integer.MAX_VALUE
                + " bytes (one direct buffer per shard), got " + capacityBytes + " / " + shards + " = "
                + slotsPerShard * slotSize + "; use more shards");
        }
        if (slotsPerShard * shards > Integer.MAX_VALUE) { // handles are ints: slot << shardBits | shard
            throw new IllegalArgumentException("capacityBytes / slotSize must be at most " + Integer.MAX_VALUE
                + " slots, got " + capacityBytes + " / " + slotSize + "; use larger slots");
        }
        this.shards = new CacheShard[shards];
        shardMask = shards - 1;
        shardBits = Integer.numberOfTrailingZeros(shards);
        slotShift = Integer.numberOfTrailingZeros(slotSize);
        this.capacityBytes = slotsPerShard * minimum;
        try {
            for (int i = 0; i < shards; i++) {
                final EvictionPolicy p = Objects.requireNonNull(policy.create((int)slotsPerShard), "policy.create returned null");
                this.shards[i] = new CacheShard((int)slotsPerShard, slotShift, p);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            close(); // free the shards built so far
            throw e;
        }
        policyName = this.shards[0].policyName();
        stats = new BlockCacheStats(this.shards);
    }

    /**
     * Looks a block up and, if it is cached, pins it and records the access.
     *
     * @param segmentId   the segment holding the block
     * @param blockOffset the block's offset in the segment (any {@code long} that names the block)
     * @return a pinned handle (≥ 0) to pass to {@link #wrap} and then to {@link #release}, or
     *         {@link #MISS}
     * @throws IllegalStateException if the cache is closed
     */
    public int acquire(final long segmentId, final long blockOffset) {
        final long hash = SlotTable.hash(segmentId, blockOffset);
        final int shard = shardOf(hash);
        final int slot = shards[shard].acquire(hash, segmentId, blockOffset);
        return slot < 0 ? MISS : handle(slot, shard);
    }

    /**
     * Copies a block into the cache, evicting unpinned blocks of its shard as needed. If the key is
     * cached already (another thread inserted it first), nothing is copied and that block is
     * returned instead; blocks are immutable, so either copy serves.
     *
     * @param segmentId   the segment holding the block
     * @param blockOffset the block's offset in the segment
     * @param src         the decompressed block; only read, not kept
     * @param offset      where the block starts in {@code src}
     * @param length      the block's length; longer than {@link #slotSize()} is not cached
     * @return a pinned handle (≥ 0), or {@link #NOT_CACHED}
     * @throws IllegalArgumentException if {@code length} is negative
     * @throws IllegalStateException    if the cache is closed
     */
    public int insert(final long segmentId, final long blockOffset, final DirectBuffer src, final int offset, final int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, got " + length);
        }
        final long hash = SlotTable.hash(segmentId, blockOffset);
        final int shardIndex = shardOf(hash);
        final CacheShard shard = shards[shardIndex];
        final int reserved = shard.reserve(hash, segmentId, blockOffset, length);
        if (reserved >= 0) {
            return handle(reserved, shardIndex);
        }
        if (reserved == NOT_CACHED) {
            return NOT_CACHED;
        }
        final int slot = CacheShard.RESERVED_BASE - reserved;
        try {
            shard.fill(slot, src, offset, length);
        } catch (RuntimeException e) {
            shard.release(slot); // a bad source range: give the slot back
            throw e;
        }
        return handle(shard.publish(slot, hash, segmentId, blockOffset, length), shardIndex);
    }

    /** Points {@code view} at the bytes of a pinned block, without allocating; valid until {@link #release}. */
    public void wrap(final int handle, final UnsafeBuffer view) {
        view.wrap(address(handle), length(handle));
    }

    /** @return the address of a pinned block's first byte */
    public long address(final int handle) {
        return shards[handle & shardMask].baseAddress + ((long)(handle >>> shardBits) << slotShift);
    }

    /** @return the length of a pinned block in bytes */
    public int length(final int handle) {
        return shards[handle & shardMask].length(handle >>> shardBits);
    }

    /**
     * Unpins a block that {@link #acquire} or {@link #insert} returned; once every pin is gone it may
     * be evicted. Allowed after {@link #close}, which waits for it to free the block's memory.
     *
     * @throws IllegalStateException if the handle is not pinned
     */
    public void release(final int handle) {
        shards[handle & shardMask].release(handle >>> shardBits);
    }

    /**
     * Drops one block (for example one found corrupt). Pinned, it stays readable until released.
     *
     * @return whether it was cached
     */
    public boolean remove(final long segmentId, final long blockOffset) {
        final long hash = SlotTable.hash(segmentId, blockOffset);
        return shards[shardOf(hash)].remove(hash, segmentId, blockOffset);
    }

    /**
     * Drops every block of a segment, as when compaction deletes it. Visits every slot (O(capacity /
     * slotSize)): it is for segment deletion, not for the read path.
     *
     * @return the number of blocks dropped
     */
    public int invalidateSegment(final long segmentId) {
        int dropped = 0;
        for (CacheShard shard : shards) {
            dropped += shard.invalidateSegment(segmentId);
        }
        return dropped;
    }

    /** Frees the memory of every shard, at once or, for a shard with a pinned block, at its last release. */
    @Override
    public void close() {
        for (CacheShard shard : shards) {
            if (shard != null) {
                shard.close();
            }
        }
    }

    /** @return the live statistics of this cache (the same object every time; reading it allocates nothing) */
    public BlockCacheStats stats() {
        return stats;
    }

    /** @return the capacity in bytes after rounding down to whole slots in every shard */
    public long capacityBytes() {
        return capacityBytes;
    }

    /** @return bytes per slot: the longest block that can be cached */
    public int slotSize() {
        return 1 << slotShift;
    }

    /** @return the number of shards */
    public int shards() {
        return shards.length;
    }

    /**
     * Replaces the eviction policy of every shard at run time, keeping every cached block: each
     * shard, under its lock, builds the new policy and inserts its cached blocks into it (see
     * {@link PolicySwitch}). Readers and inserts of a shard wait for its switch; pinned blocks stay
     * pinned.
     *
     * @param policy creates one new policy per shard
     * @throws IllegalStateException if the cache is closed
     */
    public synchronized void switchPolicy(final EvictionPolicy.Factory policy) {
        Objects.requireNonNull(policy, "policy");
        for (CacheShard shard : shards) {
            shard.switchPolicy(policy);
        }
        policyName = shards[0].policyName();
    }

    /** @return the eviction policy's name */
    public String policyName() {
        return policyName;
    }

    private int shardOf(final long hash) {
        return (int)(hash >>> 40) & shardMask; // high bits: the shard's table indexes with the low ones
    }

    private int handle(final int slot, final int shard) {
        return (slot << shardBits) | shard;
    }
}
