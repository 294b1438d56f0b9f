package dev.strata.engine.cache;

import dev.strata.engine.DirectBuffers;
import java.nio.ByteBuffer;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One shard of a {@link RowCache}: an off-heap arena of equal slots (key bytes, then value bytes),
 * the {@link RowTable} from keys to slots, an eviction policy, a {@link TimerWheel} for the entries
 * that expire, the invalidation sequence and the counters, all guarded by the shard's monitor. Every
 * access to the arena happens under that monitor, and {@link #close} frees the arena under it, so a
 * late reader can never touch freed memory. See {@link RowCache} for the design.
 */
final class RowCacheShard implements TimerWheel.Sink {
    private final int slots;
    private final int slotShift;
    private final ByteBuffer memory;
    private final UnsafeBuffer arena;
    private final RowTable table;
    private final TimerWheel wheel;
    private final int[] valueLengths;
    private final int[] free;
    private EvictionPolicy policy;
    private int freeCount;
    private boolean closed;
    /** The highest sequence number of a write that invalidated a key of this shard. */
    private long invalidatedSequence;

    // Counters, under the lock; indexed by RowCacheStats' STAT_* constants.
    private long hits;
    private long misses;
    private long inserts;
    private long evictions;
    private long expirations;
    private long invalidations;
    private long staleInserts;
    private long notCached;
    private long bytesCached;

    RowCacheShard(final int slots, final int slotShift, final EvictionPolicy policy, final long nowMillis) {
        this.slots = slots;
        this.slotShift = slotShift;
        this.policy = policy;
        valueLengths = new int[slots];
        free = new int[slots];
        for (int i = 0; i < slots; i++) {
            free[i] = slots - 1 - i;
        }
        freeCount = slots;
        wheel = new TimerWheel(slots, nowMillis);
        memory = slots == 0 ? null : ByteBuffer.allocateDirect(slots << slotShift);
        arena = memory == null ? null : new UnsafeBuffer(memory);
        table = new RowTable(slots, arena, slotShift);
    }

    /** @return the value length (value copied into {@code dst} if it fits or {@code dst} grows), or {@link RowCache#MISS} */
    synchronized int get(final long hash, final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final MutableDirectBuffer dst, final int dstOffset, final long now) {
        if (closed) {
            return RowCache.MISS;
        }
        tick(now);
        final int slot = table.find(hash, namespace, key, keyOffset, keyLength);
        if (slot < 0) {
            misses++;
            return RowCache.MISS;
        }
        if (wheel.scheduled(slot) && wheel.deadline(slot) <= now) {
            expired(slot); // due, but the wheel has not reached it yet (same millisecond)
            misses++;
            return RowCache.MISS;
        }
        final int n = valueLengths[slot];
        if (dst instanceof ExpandableDirectByteBuffer) {
            DirectBuffers.ensureCapacity((ExpandableDirectByteBuffer)dst, dstOffset + n);
        }
        if (dst.isExpandable() || dst.capacity() - dstOffset >= n) {
            dst.putBytes(dstOffset, arena, (slot << slotShift) + keyLength, n);
        }
        policy.onAccess(slot);
        hits++;
        return n;
    }

    /** Caches a value read at {@code readSequence}, unless a write since then invalidated a key of this shard. */
    synchronized void insert(final long hash, final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long readSequence, final DirectBuffer value, final int valueOffset, final int valueLength, final long expiry, final long now) {
        if (closed) {
            return;
        }
        tick(now);
        if (readSequence < invalidatedSequence) {
            staleInserts++; // a write to some key of this shard came after the read: the value may be stale
            return;
        }
        if (keyLength + valueLength > (1 << slotShift) || slots == 0 || expiry != 0 && expiry <= now) {
            notCached++;
            return;
        }
        if (table.find(hash, namespace, key, keyOffset, keyLength) >= 0) {
            return; // another reader cached it first; with no invalidation since either read, it is the same value
        }
        final int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            policy.onMiss(hash, 1); // the entry will be inserted: policies that weigh the newcomer (ARC, W-TinyLFU) decide now
            slot = policy.victim(EvictionPolicy.SlotPredicate.ANY);
            if (slot < 0) {
                notCached++;
                return;
            }
            unmap(slot); // the slot is reused at once
            evictions++;
        }
        final int base = slot << slotShift;
        arena.putBytes(base, key, keyOffset, keyLength);
        arena.putBytes(base + keyLength, value, valueOffset, valueLength);
        valueLengths[slot] = valueLength;
        table.put(hash, namespace, keyLength, slot);
        policy.onInsert(slot, hash);
        if (expiry != 0) {
            wheel.schedule(slot, expiry);
        }
        inserts++;
        bytesCached += keyLength + valueLength;
    }

    /** A write with sequence number {@code sequence} changed the key: drop it, and refuse inserts read before it. */
    synchronized void invalidate(final long hash, final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final long sequence) {
        if (sequence > invalidatedSequence) {
            invalidatedSequence = sequence;
        }
        if (closed) {
            return;
        }
        final int slot = table.find(hash, namespace, key, keyOffset, keyLength);
        if (slot >= 0) {
            policy.onRemove(slot);
            drop(slot);
            invalidations++;
        }
    }

    /** @return the number of entries the timer wheel expired up to {@code now} */
    synchronized int expire(final long now) {
        return closed ? 0 : wheel.advance(now, this);
    }

    /** The wheel's {@link TimerWheel.Sink}: the entry in {@code slot} expired (it is off the wheel already). */
    @Override
    public void expired(final int slot) {
        policy.onRemove(slot);
        drop(slot);
        expirations++;
    }

    synchronized void switchPolicy(final EvictionPolicy.Factory factory) {
        if (closed) {
            throw new IllegalStateException("row cache is closed");
        }
        policy = PolicySwitch.rebuild(policy, factory, slots, new PolicySwitch.Slots() {
            @Override
            public boolean tracked(final int slot) {
                return table.occupied(slot);
            }

            @Override
            public long keyHash(final int slot) {
                return table.hash(slot);
            }
        });
    }

    synchronized String policyName() {
        return policy.name();
    }

    /** @return one statistic; {@code which} is one of RowCacheStats' STAT_* constants */
    synchronized long stat(final int which) {
        switch (which) {
            case RowCacheStats.STAT_HITS: return hits;
            case RowCacheStats.STAT_MISSES: return misses;
            case RowCacheStats.STAT_INSERTS: return inserts;
            case RowCacheStats.STAT_EVICTIONS: return evictions;
            case RowCacheStats.STAT_EXPIRATIONS: return expirations;
            case RowCacheStats.STAT_INVALIDATIONS: return invalidations;
            case RowCacheStats.STAT_STALE_INSERTS: return staleInserts;
            case RowCacheStats.STAT_NOT_CACHED: return notCached;
            case RowCacheStats.STAT_BYTES_CACHED: return bytesCached;
            case RowCacheStats.STAT_ENTRIES: return slots - freeCount;
            case RowCacheStats.STAT_EXPIRING: return wheel.size();
            default: throw new IllegalArgumentException("no statistic " + which);
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            if (memory != null) {
                BufferUtil.free(memory);
            }
        }
    }

    private void tick(final long now) {
        if (now > wheel.time()) {
            wheel.advance(now, this);
        }
    }

    /** Frees a slot that the policy no longer tracks: out of the table and the wheel, back on the free stack. */
    private void drop(final int slot) {
        unmap(slot);
        free[freeCount++] = slot;
    }

    private void unmap(final int slot) {
        bytesCached -= table.keyLength(slot) + valueLengths[slot];
        table.remove(slot);
        wheel.cancel(slot);
    }
}
