package dev.strata.engine.sst;

import dev.strata.engine.DirectBuffers;

import static dev.strata.engine.sst.SegmentFileDescriptor.ORDER;

import dev.strata.CorruptionException;
import dev.strata.engine.cache.BlockCache;
import dev.strata.compression.CompressionException;
import dev.strata.compression.FrameReader;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * The scratch a thread needs to read sorted segments: frame and block buffers, a frame reader
 * (decoders) and two cursors. Owned by one reader at a time (a get, a scan cursor); allocates
 * nothing once its buffers have grown to the largest block. The block cursor's views are valid
 * until the next call that loads a block. Its buffers are off-heap: {@link #close()} frees them.
 */
public final class SstReadContext implements AutoCloseable {
    private final FrameReader frames = new FrameReader();
    private final ExpandableDirectByteBuffer frame = new ExpandableDirectByteBuffer(64 * 1024);
    private final ExpandableDirectByteBuffer block = new ExpandableDirectByteBuffer(64 * 1024);
    private final DataBlockCursor indexCursor = new DataBlockCursor();
    private final DataBlockCursor blockCursor = new DataBlockCursor();
    private final org.agrona.concurrent.UnsafeBuffer cachedView = new org.agrona.concurrent.UnsafeBuffer(0, 0);
    private BlockCache cache;
    private int pinned = BlockCache.MISS;
    private long blocksRead;
    private long cacheHits;
    private boolean closed;

    /**
     * Uses {@code blockCache} (or none, if {@code null}) for the data blocks this context loads from
     * now on: a cached block is read in place (pinned until the next load or close), a missing one is
     * read, decompressed and offered to the cache.
     */
    public SstReadContext cache(final BlockCache blockCache) {
        if (blockCache != cache) {
            unpin();
            cache = blockCache;
        }
        return this;
    }

    /** @return data blocks this context found in the block cache */
    public long cacheHits() {
        return cacheHits;
    }

    DataBlockCursor indexCursor() {
        return indexCursor;
    }

    /** @return the cursor over the last data block loaded */
    public DataBlockCursor block() {
        return blockCursor;
    }

    /** @return data blocks read from the tier by this context */
    public long blocksRead() {
        return blocksRead;
    }

    /**
     * Positions at the segment's first entry.
     *
     * @return {@code false} if the segment is empty
     */
    public boolean seekToFirst(final SstReader sst) {
        indexCursor.wrap(sst.index(), 0, sst.indexLength()).seekToFirst();
        while (indexCursor.isValid()) {
            load(sst, indexCursor).seekToFirst();
            if (blockCursor.isValid()) {
                return true;
            }
            indexCursor.next();
        }
        return false;
    }

    /**
     * Moves to the next entry of the segment, loading the next data block when this one ends.
     *
     * @return {@code false} at the end of the segment
     */
    public boolean next(final SstReader sst) {
        blockCursor.next();
        while (!blockCursor.isValid()) {
            indexCursor.next();
            if (!indexCursor.isValid()) {
                return false;
            }
            load(sst, indexCursor).seekToFirst();
        }
        return true;
    }

    /**
     * Positions at the segment's last entry.
     *
     * @return {@code false} if the segment is empty
     */
    public boolean seekToLast(final SstReader sst) {
        indexCursor.wrap(sst.index(), 0, sst.indexLength()).seekToLast();
        while (indexCursor.isValid()) {
            load(sst, indexCursor).seekToLast();
            if (blockCursor.isValid()) {
                return true;
            }
            indexCursor.prev();
        }
        return false;
    }

    /**
     * Moves to the previous entry of the segment, loading the previous data block when this one ends.
     *
     * @return {@code false} before the start of the segment
     */
    public boolean prev(final SstReader sst) {
        blockCursor.prev();
        while (!blockCursor.isValid()) {
            indexCursor.prev();
            if (!indexCursor.isValid()) {
                return false;
            }
            load(sst, indexCursor).seekToLast();
        }
        return true;
    }

    /**
     * Positions at the last entry whose internal key is &lt; {@code (key, trailer)}.
     *
     * @return {@code false} if there is none
     */
    public boolean seekBefore(final SstReader sst, final org.agrona.DirectBuffer key, final int keyOffset, final int keyLength,
        final long trailer) {
        if (sst.seek(this, key, keyOffset, keyLength, trailer)) {
            return prev(sst);
        }
        return seekToLast(sst);
    }

    /** Reads, verifies and decompresses the data block the index cursor points at. */
    DataBlockCursor load(final SstReader sst, final DataBlockCursor index) {
        final long offset = index.value().getLong(index.valueOffset(), ORDER);
        final int length = index.value().getInt(index.valueOffset() + 8, ORDER);
        unpin();
        if (cache != null) {
            final int handle = cache.acquire(sst.segmentId(), offset);
            if (handle >= 0) {
                pinned = handle;
                cacheHits++;
                cache.wrap(handle, cachedView);
                try {
                    return blockCursor.wrap(cachedView, 0, cachedView.capacity());
                } catch (final BlockCorruptionException e) {
                    throw new CorruptionException(sst.toString(), offset, e.getMessage(), e);
                }
            }
        }
        DirectBuffers.ensureCapacity(frame, length);
        final int n = sst.segment().read(offset, frame, 0, length);
        if (n != length) {
            throw new CorruptionException(sst.toString(), offset, "a data block frame of " + length + " bytes; the segment ends after " + n, null);
        }
        try {
            // read() verifies the CRC32C before decompressing; only a block larger than any before makes it run twice
            int size = frames.read(frame, 0, length, block, 0, block.capacity());
            if (size == dev.strata.compression.Codec.DST_TOO_SMALL) {
                DirectBuffers.ensureCapacity(block, FrameReader.uncompressedLength(frame, 0));
                size = frames.read(frame, 0, length, block, 0, block.capacity());
            }
            blocksRead++;
            if (cache != null) {
                final int handle = cache.insert(sst.segmentId(), offset, block, 0, size);
                if (handle >= 0) {
                    cache.release(handle);
                }
            }
            return blockCursor.wrap(block, 0, size);
        } catch (final CompressionException | BlockCorruptionException e) {
            throw new CorruptionException(sst.toString(), offset, e.getMessage(), e);
        }
    }

    private void unpin() {
        if (pinned >= 0) {
            cache.release(pinned);
            pinned = BlockCache.MISS;
        }
    }

    /** Frees the decoders and the off-heap buffers; the context must not be used afterwards. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            unpin();
            frames.close();
            indexCursor.close();
            blockCursor.close();
            DirectBuffers.free(frame);
            DirectBuffers.free(block);
        }
    }
}
