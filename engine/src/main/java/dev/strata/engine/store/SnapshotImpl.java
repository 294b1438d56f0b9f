package dev.strata.engine.store;

import dev.strata.Cursor;
import dev.strata.Namespace;
import dev.strata.Snapshot;
import dev.strata.StoreClosedException;
import dev.strata.engine.DirectBuffers;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** A registered read point; values are copied into a buffer this snapshot owns. */
final class SnapshotImpl implements Snapshot {
    private final StoreImpl store;
    private final long sequence;
    private final ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(64);
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private boolean closed;

    SnapshotImpl(final StoreImpl store, final long sequence) {
        this.store = store;
        this.sequence = sequence;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public boolean get(final Namespace namespace, final DirectBuffer key, final int keyOffset, final int keyLength) {
        check();
        final NamespaceImpl ns = store.own(namespace);
        store.checkKey(keyLength);
        final int n = store.reads().get(ns.id, key, keyOffset, keyLength, sequence, buffer, 0);
        if (n < 0) {
            view.wrap(buffer, 0, 0);
            return false;
        }
        view.wrap(buffer, 0, n);
        return true;
    }

    @Override
    public DirectBuffer value() {
        return view;
    }

    @Override
    public Cursor newCursor(final Namespace namespace) {
        check();
        return new StoreCursor(store, store.own(namespace).id, sequence);
    }

    private void check() {
        if (closed) {
            throw new StoreClosedException("the snapshot is closed");
        }
        store.checkOpen();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            store.versions().releaseSnapshot(sequence);
            DirectBuffers.free(buffer);
        }
    }
}
