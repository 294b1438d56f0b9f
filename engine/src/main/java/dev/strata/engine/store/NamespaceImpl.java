package dev.strata.engine.store;

import dev.strata.Cursor;
import dev.strata.Namespace;
import dev.strata.NamespaceConfig;
import dev.strata.engine.EntryKind;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** A namespace handle: its id in the store's WAL, memtable and manifest, and its settings. */
final class NamespaceImpl implements Namespace {
    final StoreImpl store;
    final int id;
    final NamespaceConfig config;

    NamespaceImpl(final StoreImpl store, final int id, final NamespaceConfig config) {
        this.store = store;
        this.id = id;
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public int get(final DirectBuffer key, final int keyOffset, final int keyLength, final MutableDirectBuffer dst, final int dstOffset) {
        store.checkOpen();
        store.checkKey(keyLength);
        return store.rowReads().get(id, key, keyOffset, keyLength, dst, dstOffset);
    }

    @Override
    public long put(final DirectBuffer key, final int keyOffset, final int keyLength, final DirectBuffer value, final int valueOffset,
        final int valueLength) {
        return put(key, keyOffset, keyLength, value, valueOffset, valueLength, 0);
    }

    @Override
    public long put(final DirectBuffer key, final int keyOffset, final int keyLength, final DirectBuffer value, final int valueOffset,
        final int valueLength, final long ttlMillis) {
        store.checkLimits(keyLength, valueLength);
        if (ttlMillis < 0) {
            throw new IllegalArgumentException("ttlMillis must be positive (or 0 for the namespace default), got " + ttlMillis);
        }
        final CommitSlot slot = store.slots().acquire();
        try {
            final long expiry = store.expiryFor(this, ttlMillis);
            if (expiry == 0) {
                slot.builder().reset().add(EntryKind.PUT, id, key, keyOffset, keyLength, value, valueOffset, valueLength);
            } else {
                slot.builder().reset().addExpiring(id, key, keyOffset, keyLength, expiry, value, valueOffset, valueLength);
            }
            return store.commit(slot);
        } finally {
            store.slots().release(slot);
        }
    }

    @Override
    public long delete(final DirectBuffer key, final int keyOffset, final int keyLength) {
        store.checkLimits(keyLength, 0);
        final CommitSlot slot = store.slots().acquire();
        try {
            slot.builder().reset().add(EntryKind.DELETE, id, key, keyOffset, keyLength, key, keyOffset, 0);
            return store.commit(slot);
        } finally {
            store.slots().release(slot);
        }
    }

    @Override
    public Cursor newCursor() {
        store.checkOpen();
        return new StoreCursor(store, id, -1);
    }

    @Override
    public byte[] get(final byte[] key) {
        final ExpandableArrayBuffer dst = new ExpandableArrayBuffer(64);
        final int n = get(new UnsafeBuffer(key), 0, key.length, dst, 0);
        if (n < 0) {
            return null;
        }
        final byte[] out = new byte[n];
        dst.getBytes(0, out);
        return out;
    }

    @Override
    public long put(final byte[] key, final byte[] value) {
        return put(new UnsafeBuffer(key), 0, key.length, new UnsafeBuffer(value), 0, value.length);
    }

    @Override
    public long delete(final byte[] key) {
        return delete(new UnsafeBuffer(key), 0, key.length);
    }

    @Override
    public String toString() {
        return "namespace " + config.name() + " (id " + id + ")";
    }
}
