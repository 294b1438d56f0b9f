package dev.strata.engine.store;

import dev.strata.engine.KeyComparator;
import dev.strata.engine.sst.SstReadContext;
import org.agrona.DirectBuffer;

/** One level ≥ 1: its segments have disjoint key ranges, so they are walked one after another. */
final class LevelIterator implements InternalIterator, AutoCloseable {
    private final SstIterator file = new SstIterator(new SstReadContext());
    private SstFile[] files;
    private int index;

    LevelIterator cache(final dev.strata.engine.cache.BlockCache blockCache) {
        file.cache(blockCache);
        return this;
    }

    LevelIterator reset(final SstFile[] levelFiles) {
        this.files = levelFiles;
        this.index = -1;
        return this;
    }

    private boolean open(final int i) {
        index = i;
        if (i < 0 || i >= files.length) {
            index = -1;
            return false;
        }
        file.reset(files[i].reader);
        return true;
    }

    /** @return the first segment whose largest key is ≥ {@code key}, or files.length */
    private int lowerBound(final DirectBuffer key, final int offset, final int length) {
        int lo = 0;
        int hi = files.length;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            final SstFile f = files[mid];
            if (KeyComparator.compareKeys(f.largest, 0, f.largest.capacity(), key, offset, length) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public boolean valid() {
        return index >= 0 && file.valid();
    }

    @Override
    public void seek(final DirectBuffer key, final int offset, final int length, final long trailer) {
        if (open(lowerBound(key, offset, length))) {
            file.seek(key, offset, length, trailer);
            skipForward();
        }
    }

    @Override
    public void seekBefore(final DirectBuffer key, final int offset, final int length, final long trailer) {
        final int i = lowerBound(key, offset, length);
        if (i >= files.length) {
            seekToLast();
            return;
        }
        open(i);
        file.seekBefore(key, offset, length, trailer);
        skipBackward();
    }

    @Override
    public void seekToFirst() {
        if (open(0)) {
            file.seekToFirst();
            skipForward();
        }
    }

    @Override
    public void seekToLast() {
        if (open(files.length - 1)) {
            file.seekToLast();
            skipBackward();
        }
    }

    @Override
    public void next() {
        file.next();
        skipForward();
    }

    @Override
    public void prev() {
        file.prev();
        skipBackward();
    }

    private void skipForward() {
        while (!file.valid() && open(index + 1)) {
            file.seekToFirst();
        }
    }

    private void skipBackward() {
        while (!file.valid() && index > 0 && open(index - 1)) {
            file.seekToLast();
        }
        if (!file.valid()) {
            index = -1;
        }
    }

    @Override
    public DirectBuffer key() {
        return file.key();
    }

    @Override
    public int keyOffset() {
        return file.keyOffset();
    }

    @Override
    public int keyLength() {
        return file.keyLength();
    }

    @Override
    public long trailer() {
        return file.trailer();
    }

    @Override
    public DirectBuffer value() {
        return file.value();
    }

    @Override
    public int valueOffset() {
        return file.valueOffset();
    }

    @Override
    public int valueLength() {
        return file.valueLength();
    }

    @Override
    public void close() {
        file.close();
    }
}
