package dev.strata.engine.store;

import dev.strata.engine.sst.DataBlockCursor;
import dev.strata.engine.sst.SstReadContext;
import dev.strata.engine.sst.SstReader;
import org.agrona.DirectBuffer;

/** One sorted segment, through a read context this iterator owns. */
final class SstIterator implements InternalIterator, AutoCloseable {
    private final SstReadContext ctx;
    private SstReader reader;
    private boolean valid;

    SstIterator(final SstReadContext ctx) {
        this.ctx = ctx;
    }

    SstIterator cache(final dev.strata.engine.cache.BlockCache blockCache) {
        ctx.cache(blockCache);
        return this;
    }

    SstIterator reset(final SstReader sst) {
        this.reader = sst;
        this.valid = false;
        return this;
    }

    private DataBlockCursor block() {
        return ctx.block();
    }

    @Override
    public boolean valid() {
        return valid;
    }

    @Override
    public void seek(final DirectBuffer key, final int offset, final int length, final long trailer) {
        valid = reader.seek(ctx, key, offset, length, trailer);
    }

    @Override
    public void seekBefore(final DirectBuffer key, final int offset, final int length, final long trailer) {
        valid = ctx.seekBefore(reader, key, offset, length, trailer);
    }

    @Override
    public void seekToFirst() {
        valid = ctx.seekToFirst(reader);
    }

    @Override
    public void seekToLast() {
        valid = ctx.seekToLast(reader);
    }

    @Override
    public void next() {
        valid = ctx.next(reader);
    }

    @Override
    public void prev() {
        valid = ctx.prev(reader);
    }

    @Override
    public DirectBuffer key() {
        return block().key();
    }

    @Override
    public int keyOffset() {
        return 0;
    }

    @Override
    public int keyLength() {
        return block().keyLength();
    }

    @Override
    public long trailer() {
        return block().trailer();
    }

    @Override
    public DirectBuffer value() {
        return block().value();
    }

    @Override
    public int valueOffset() {
        return block().valueOffset();
    }

    @Override
    public int valueLength() {
        return block().valueLength();
    }

    @Override
    public void close() {
        ctx.close();
    }
}
