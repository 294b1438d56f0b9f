package dev.strata.engine.store;

import dev.strata.Namespace;
import dev.strata.WriteBatch;
import dev.strata.engine.EntryKind;
import org.agrona.DirectBuffer;

/** {@link WriteBatch}: entries encoded straight into the WAL record of its own {@link CommitSlot}. */
final class Batch implements WriteBatch {
    final StoreImpl store;
    final CommitSlot slot = new CommitSlot();

    Batch(final StoreImpl store) {
        this.store = store;
    }

    @Override
    public WriteBatch put(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength,
        final DirectBuffer value, final int valueOffset, final int valueLength, final long ttlMillis) {
        store.checkLimits(keyLength, valueLength);
        final int ns = store.own(namespace).id;
        final long expiry = store.expiryFor(namespace, ttlMillis);
        if (expiry == 0) {
            slot.builder().add(EntryKind.PUT, ns, key, keyOffset, keyLength, value, valueOffset, valueLength);
        } else {
            slot.builder().addExpiring(ns, key, keyOffset, keyLength, expiry, value, valueOffset, valueLength);
        }
        return this;
    }

    @Override
    public WriteBatch delete(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength) {
        store.checkLimits(keyLength, 0);
        slot.builder().add(EntryKind.DELETE, store.own(namespace).id, key, keyOffset, keyLength, key, keyOffset, 0);
        return this;
    }

    @Override
    public int size() {
        return slot.builder().count();
    }

    @Override
    public WriteBatch clear() {
        slot.builder().reset();
        return this;
    }

    @Override
    public void close() {
        slot.close();
    }
}
