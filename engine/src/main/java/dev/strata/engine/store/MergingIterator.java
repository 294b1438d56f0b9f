package dev.strata.engine.store;

import dev.strata.engine.KeyComparator;
import org.agrona.DirectBuffer;

/**
 * Merges sources into one internal-key order. Forward after {@link #seek}/{@link #seekToFirst},
 * backward after {@link #seekBefore}/{@link #seekToLast}; a direction change needs a new seek
 * (the user-level cursor does that). The current source is found by a linear scan: a store has a
 * dozen sources or so (memtables, level-0 segments, one per deeper level), where a heap would not
 * pay off.
 */
final class MergingIterator implements InternalIterator {
    private InternalIterator[] children = new InternalIterator[16];
    private int count;
    private int current = -1;
    private boolean forward = true;

    void clear() {
        for (int i = 0; i < count; i++) {
            children[i] = null;
        }
        count = 0;
        current = -1;
    }

    void add(final InternalIterator child) {
        if (count == children.length) {
            children = java.util.Arrays.copyOf(children, count * 2);
        }
        children[count++] = child;
    }

    private void pick() {
        current = -1;
        for (int i = 0; i < count; i++) {
            final InternalIterator c = children[i];
            if (!c.valid()) {
                continue;
            }
            if (current < 0) {
                current = i;
                continue;
            }
            final InternalIterator best = children[current];
            final int cmp = KeyComparator.compareInternal(c.key(), c.keyOffset(), c.keyLength(), c.trailer(),
                best.key(), best.keyOffset(), best.keyLength(), best.trailer());
            if (forward ? cmp < 0 : cmp > 0) {
                current = i;
            }
        }
    }

    @Override
    public boolean valid() {
        return current >= 0;
    }

    @Override
    public void seek(final DirectBuffer key, final int offset, final int length, final long trailer) {
        forward = true;
        for (int i = 0; i < count; i++) {
            children[i].seek(key, offset, length, trailer);
        }
        pick();
    }

    @Override
    public void seekBefore(final DirectBuffer key, final int offset, final int length, final long trailer) {
        forward = false;
        for (int i = 0; i < count; i++) {
            children[i].seekBefore(key, offset, length, trailer);
        }
        pick();
    }

    @Override
    public void seekToFirst() {
        forward = true;
        for (int i = 0; i < count; i++) {
            children[i].seekToFirst();
        }
        pick();
    }

    @Override
    public void seekToLast() {
        forward = false;
        for (int i = 0; i < count; i++) {
            children[i].seekToLast();
        }
        pick();
    }

    @Override
    public void next() {
        if (!forward) {
            throw new IllegalStateException("next() on a merge positioned backward; seek first");
        }
        children[current].next();
        pick();
    }

    @Override
    public void prev() {
        if (forward) {
            throw new IllegalStateException("prev() on a merge positioned forward; seek first");
        }
        children[current].prev();
        pick();
    }

    @Override
    public DirectBuffer key() {
        return children[current].key();
    }

    @Override
    public int keyOffset() {
        return children[current].keyOffset();
    }

    @Override
    public int keyLength() {
        return children[current].keyLength();
    }

    @Override
    public long trailer() {
        return children[current].trailer();
    }

    @Override
    public DirectBuffer value() {
        return children[current].value();
    }

    @Override
    public int valueOffset() {
        return children[current].valueOffset();
    }

    @Override
    public int valueLength() {
        return children[current].valueLength();
    }
}
