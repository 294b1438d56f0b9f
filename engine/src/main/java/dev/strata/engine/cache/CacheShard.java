package dev.strata.engine.cache;

import java.nio.ByteBuffer;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One shard of a {@link BlockCache}: an off-heap arena of equal slots, the table from keys to
 * slots, an eviction policy, pin counts and counters, all guarded by the shard's monitor (its
 * methods are {@code synchronized}; the class is package-private, so no one else can hold that
 * monitor). See {@link BlockCache} for the design.
 *
 * <p>Slot states: {@code FREE} (on the free stack), {@code RESERVED} (taken by an insert that is
 * copying into it outside the lock; pinned, in neither table nor policy), {@code LIVE} (in table and
 * policy) and {@code DETACHED} (removed while pinned: out of table and policy, freed by the last
 * release).
 */
final class CacheShard implements EvictionPolicy.SlotPredicate {
    private static final byte FREE = 0;
    private static final byte RESERVED = 1;
    private static final byte LIVE = 2;
    private static final byte DETACHED = 3;

    /** {@link #reserve} result for a reserved slot {@code s}: {@code RESERVED_BASE - s}. */
    static final int RESERVED_BASE = -3;

    final long baseAddress;
    private final int slots;
    private final int slotShift;
    private final ByteBuffer memory;
    private final UnsafeBuffer arena;
    private final SlotTable table;
    private EvictionPolicy policy; // replaced only by switchPolicy, under the lock
    private final int[] lengths;
    private final int[] pins;
    private final byte[] states;
    private final int[] free;
    private int freeCount;
    private int pinnedSlots;
    private boolean closed;
    private boolean freed;

    // Counters, written and read under the lock; indexed by BlockCacheStats' STAT_* constants.
    private long hits;
    private long misses;
    private long inserts;
    private long evictions;
    private long notCached;
    private long bytesCached;

    CacheShard(final int slots, final int slotShift, final EvictionPolicy policy) {
        this.slots = slots;
        this.slotShift = slotShift;
        this.policy = policy;
        table = new SlotTable(slots);
        lengths = new int[slots];
        pins = new int[slots];
        states = new byte[slots];
        free = new int[slots];
        for (int i = 0; i < slots; i++) {
            free[i] = slots - 1 - i; // slot 0 on top: the arena fills from its start
        }
        freeCount = slots;
        // The direct memory last: if a heap allocation above fails, there is nothing to free.
        memory = slots == 0 ? null : ByteBuffer.allocateDirect(slots << slotShift);
        arena = memory == null ? null : new UnsafeBuffer(memory); // no slots: never filled
        baseAddress = memory == null ? 0 : BufferUtil.address(memory);
    }

    /** @return the slot, pinned, or {@link BlockCache#MISS} */
    synchronized int acquire(final long hash, final long segmentId, final long blockOffset) {
        checkOpen();
        final int slot = table.find(hash, segmentId, blockOffset);
        if (slot < 0) {
            misses++;
            return BlockCache.MISS;
        }
        pin(slot);
        policy.onAccess(slot);
        hits++;
        return slot;
    }

    /**
     * First half of an insert: a pinned live slot if the key is present already, else a free or
     * evicted slot reserved for the caller to fill ({@code RESERVED_BASE - slot}), else
     * {@link BlockCache#NOT_CACHED}.
     */
    synchronized int reserve(final long hash, final long segmentId, final long blockOffset, final int length) {
        checkOpen();
        final int present = table.find(hash, segmentId, blockOffset);
        if (present >= 0) {
            pin(present);
            policy.onAccess(present);
            return present;
        }
        if (length > (1 << slotShift)) {
            notCached++;
            return BlockCache.NOT_CACHED;
        }
        final int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            slot = policy.victim(this);
            if (slot < 0) {
                notCached++; // every slot pinned or reserved
                return BlockCache.NOT_CACHED;
            }
            table.remove(slot);
            bytesCached -= lengths[slot];
            evictions++;
        }
        states[slot] = RESERVED;
        pin(slot);
        return RESERVED_BASE - slot;
    }

    /** Copies a block into a reserved slot; called without the lock (the pin keeps the slot ours). */
    void fill(final int slot, final DirectBuffer src, final int offset, final int length) {
        arena.putBytes(slot << slotShift, src, offset, length);
    }

    /**
     * Second half of an insert: maps the key to the filled slot, or, if another thread mapped the
     * key meanwhile, gives the slot back and returns that thread's slot pinned instead.
     */
    synchronized int publish(final int slot, final long hash, final long segmentId, final long blockOffset, final int length) {
        if (closed) {
            release(slot);
            throw closedException();
        }
        final int present = table.find(hash, segmentId, blockOffset);
        if (present >= 0) {
            release(slot);
            pin(present);
            policy.onAccess(present);
            return present;
        }
        table.put(hash, segmentId, blockOffset, slot);
        lengths[slot] = length;
        states[slot] = LIVE;
        policy.onInsert(slot, hash);
        inserts++;
        bytesCached += length;
        return slot;
    }

    /** Unpins; the last release of a detached or reserved slot frees it, of a closed shard the memory. */
    synchronized void release(final int slot) {
        if (pins[slot] <= 0) {
            throw new IllegalStateException("block cache handle for slot " + slot + " is not pinned (released twice?)");
        }
        if (--pins[slot] > 0) {
            return;
        }
        pinnedSlots--;
        if (states[slot] != LIVE) {
            states[slot] = FREE;
            free[freeCount++] = slot;
        }
        if (closed && pinnedSlots == 0) {
            freeMemory();
        }
    }

    /** @return whether the key was cached */
    synchronized boolean remove(final long hash, final long segmentId, final long blockOffset) {
        checkOpen();
        final int slot = table.find(hash, segmentId, blockOffset);
        if (slot < 0) {
            return false;
        }
        detach(slot);
        return true;
    }

    /** @return the number of blocks of the segment dropped from this shard; O(slots) */
    synchronized int invalidateSegment(final long segmentId) {
        checkOpen();
        int dropped = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (states[slot] == LIVE && table.segmentId(slot) == segmentId) {
                detach(slot);
                dropped++;
            }
        }
        return dropped;
    }

    /** Closes the shard; its memory goes now, or with the last release of a pinned slot. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            if (pinnedSlots == 0) {
                freeMemory();
            }
        }
    }

    /** The {@link EvictionPolicy.SlotPredicate} the policy asks, under this shard's lock. */
    @Override
    public boolean test(final int slot) {
        return pins[slot] == 0;
    }

    int length(final int slot) {
        return lengths[slot];
    }

    /** @return one statistic, read under the lock; {@code which} is one of BlockCacheStats' STAT_* constants */
    synchronized long stat(final int which) {
        switch (which) {
            case BlockCacheStats.STAT_HITS: return hits;
            case BlockCacheStats.STAT_MISSES: return misses;
            case BlockCacheStats.STAT_INSERTS: return inserts;
            case BlockCacheStats.STAT_EVICTIONS: return evictions;
            case BlockCacheStats.STAT_NOT_CACHED: return notCached;
            case BlockCacheStats.STAT_BYTES_CACHED: return bytesCached;
            case BlockCacheStats.STAT_BLOCKS_CACHED: return policy.size();
            case BlockCacheStats.STAT_PINNED_BLOCKS: return pinnedSlots;
            default: throw new IllegalArgumentException("no statistic " + which);
        }
    }

    synchronized String policyName() {
        return policy.name();
    }

    /** Replaces the eviction policy, keeping every cached block (see {@link PolicySwitch}). */
    synchronized void switchPolicy(final EvictionPolicy.Factory factory) {
        checkOpen();
        policy = PolicySwitch.rebuild(policy, factory, slots, new PolicySwitch.Slots() {
            @Override
            public boolean tracked(final int slot) {
                return states[slot] == LIVE;
            }

            @Override
            public long keyHash(final int slot) {
                return table.hash(slot);
            }
        });
    }

    private void detach(final int slot) {
        table.remove(slot);
        policy.onRemove(slot);
        bytesCached -= lengths[slot];
        if (pins[slot] == 0) {
            states[slot] = FREE;
            free[freeCount++] = slot;
        } else {
            states[slot] = DETACHED;
        }
    }

    private void pin(final int slot) {
        if (pins[slot]++ == 0) {
            pinnedSlots++;
        }
    }

    private void freeMemory() {
        if (memory != null && !freed) {
            freed = true;
            BufferUtil.free(memory);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private static IllegalStateException closedException() {
        return new IllegalStateException("block cache is closed");
    }
}
