package dev.strata.engine.store;

import dev.strata.engine.memtable.Memtable;
import dev.strata.engine.memtable.MemtableNodeDescriptor;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** One namespace of one memtable. Backward steps re-search the skip list (O(log n) each). */
final class MemtableIterator implements InternalIterator {
    private static final UnsafeBuffer EMPTY = new UnsafeBuffer(new byte[0]);

    private Memtable table;
    private int namespace;
    private int node;

    MemtableIterator reset(final Memtable memtable, final int ns) {
        this.table = memtable;
        this.namespace = ns;
        this.node = MemtableNodeDescriptor.NULL;
        return this;
    }

    private void settle(final int candidate) {
        node = candidate != MemtableNodeDescriptor.NULL && table.namespace(candidate) == namespace ? candidate : MemtableNodeDescriptor.NULL;
    }

    @Override
    public boolean valid() {
        return node != MemtableNodeDescriptor.NULL;
    }

    @Override
    public void seek(final DirectBuffer key, final int offset, final int length, final long trailer) {
        settle(table.seek(namespace, key, offset, length, trailer));
    }

    @Override
    public void seekBefore(final DirectBuffer key, final int offset, final int length, final long trailer) {
        settle(table.seekBefore(namespace, key, offset, length, trailer));
    }

    @Override
    public void seekToFirst() {
        seek(EMPTY, 0, 0, FIRST_TRAILER);
    }

    @Override
    public void seekToLast() {
        settle(table.seekBefore(namespace + 1, EMPTY, 0, 0, FIRST_TRAILER));
    }

    @Override
    public void next() {
        settle(table.next(node));
    }

    @Override
    public void prev() {
        settle(table.seekBefore(namespace, table.arena(), table.keyOffset(node), table.keyLength(node), table.trailer(node)));
    }

    @Override
    public DirectBuffer key() {
        return table.arena();
    }

    @Override
    public int keyOffset() {
        return table.keyOffset(node);
    }

    @Override
    public int keyLength() {
        return table.keyLength(node);
    }

    @Override
    public long trailer() {
        return table.trailer(node);
    }

    @Override
    public DirectBuffer value() {
        return table.arena();
    }

    @Override
    public int valueOffset() {
        return table.valueOffset(node);
    }

    @Override
    public int valueLength() {
        return table.valueLength(node);
    }
}
