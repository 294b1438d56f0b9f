package dev.strata.engine.cache;

import dev.strata.engine.KeyComparator;
import org.agrona.DirectBuffer;

/**
 * Maps a row key {@code (namespace, key bytes)} to the slot of a {@link RowCache} shard that holds
 * it: a {@link SlotBuckets} index (as {@link SlotTable}), with the key bytes compared in the shard's
 * arena, where each slot starts with its key. Per slot it keeps the namespace and the key
 * length; a key length of 0 marks a slot that holds no key (keys are at least one byte). Nothing
 * allocates after construction. Not thread-safe: its shard's lock guards it.
 */
final class RowTable {
    private final SlotBuckets index;
    private final int[] namespaces;
    private final int[] keyLengths;
    private final DirectBuffer arena;
    private final int slotShift;

    /**
     * @param slots     the number of slots of the shard, at least 0
     * @param arena     the shard's memory (slot {@code s} starts at {@code s << slotShift}); may be null when there are no slots
     * @param slotShift log2 of the slot size
     */
    RowTable(final int slots, final DirectBuffer arena, final int slotShift) {
        index = new SlotBuckets(slots);
        namespaces = new int[slots];
        keyLengths = new int[slots];
        this.arena = arena;
        this.slotShift = slotShift;
    }

    /** @return the slot holding the key, or -1 */
    int find(final long hash, final int namespace, final DirectBuffer key, final int keyOffset, final int keyLength) {
        for (int b = index.firstBucket(hash); ; b = index.nextBucket(b)) {
            final int slot = index.slotIn(b);
            if (slot < 0) {
                return -1;
            }
            if (index.hash(slot) == hash && namespaces[slot] == namespace && keyLengths[slot] == keyLength
                && KeyComparator.compareKeys(arena, slot << slotShift, keyLength, key, keyOffset, keyLength) == 0) {
                return slot;
            }
        }
    }

    /** Maps the key, which must be absent and already copied to the start of {@code slot}, to {@code slot}. */
    void put(final long hash, final int namespace, final int keyLength, final int slot) {
        namespaces[slot] = namespace;
        keyLengths[slot] = keyLength;
        index.add(hash, slot);
    }

    /** Unmaps the key that {@code slot} holds, which must be mapped. */
    void remove(final int slot) {
        index.remove(slot);
        keyLengths[slot] = 0;
    }

    /** @return whether {@code slot} holds a key */
    boolean occupied(final int slot) {
        return keyLengths[slot] != 0;
    }

    /** @return the key length of the entry in {@code slot} (0: none) */
    int keyLength(final int slot) {
        return keyLengths[slot];
    }

    /** @return the hash of the key that {@code slot} holds or last held */
    long hash(final int slot) {
        return index.hash(slot);
    }
}
