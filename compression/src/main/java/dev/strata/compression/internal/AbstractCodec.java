package dev.strata.compression.internal;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import java.nio.ByteBuffer;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Buffer dispatch shared by every codec.
 *
 * <h2>Design</h2>
 * Native libraries take either {@code byte[]} or direct {@link ByteBuffer}s. A {@link DirectBuffer}
 * can wrap either, or raw memory with no object at all. This class looks at both sides once per
 * call: two arrays go to {@link #compressArrays}, two direct buffers (with the ranges inside their
 * limits) to {@link #compressDirect}; anything else is copied into an owned scratch buffer of the
 * codec's preferred kind first (and the result copied out). Scratch buffers grow on demand and are
 * kept, so a warm codec allocates nothing.
 *
 * <p>Direct scratch buffers are freed when they grow and on {@link #close()}, not left to the
 * garbage collector: they are 64-byte aligned slices of a larger buffer this class allocates and
 * keeps (Agrona's {@code BufferUtil.allocateDirectAligned} returns a slice that
 * {@code BufferUtil.free} refuses).
 *
 * <p>Compression into a destination smaller than {@link #maxCompressedLength(int)} goes through the
 * scratch output, so the native compressor never sees a buffer it could overrun and no exception is
 * thrown on the hot path; the result is copied out if it fits, else {@link #DST_TOO_SMALL}.
 */
public abstract class AbstractCodec implements Codec {
    private static final int SCRATCH_ALIGNMENT = 64;

    private final CodecType type;
    private final int level;
    private final boolean prefersArrays;
    private final UnsafeBuffer srcView = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer dstView = new UnsafeBuffer(0, 0);
    // of the preferred kind (arrays or direct), created on first use
    private UnsafeBuffer scratchIn;
    private UnsafeBuffer scratchOut;
    // the allocations behind direct scratch buffers (null for arrays), freed on growth and close
    private ByteBuffer scratchInMemory;
    private ByteBuffer scratchOutMemory;
    private boolean closed;

    protected AbstractCodec(final CodecType type, final int level, final boolean prefersArrays) {
        this.type = type;
        this.level = type.checkLevel(level);
        this.prefersArrays = prefersArrays;
    }

    /** Compresses between arrays; the destination is at least {@link #maxCompressedLength(int)} long. */
    protected abstract int compressArrays(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity);

    /** Compresses between direct buffers (absolute indices); the destination is at least {@link #maxCompressedLength(int)} long. */
    protected abstract int compressDirect(ByteBuffer src, int srcOffset, int srcLength, ByteBuffer dst, int dstOffset, int dstCapacity);

    /** Decompresses between arrays; returns a length or a negative status. */
    protected abstract int decompressArrays(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity);

    /** Decompresses between direct buffers (absolute indices); returns a length or a negative status. */
    protected abstract int decompressDirect(ByteBuffer src, int srcOffset, int srcLength, ByteBuffer dst, int dstOffset, int dstCapacity);

    /** Frees native state; called once by {@link #close()}. */
    protected abstract void release();

    @Override
    public final CodecType type() {
        return type;
    }

    @Override
    public final int level() {
        return level;
    }

    @Override
    public final int compress(final DirectBuffer src, final int srcOffset, final int srcLength,
        final MutableDirectBuffer dst, final int dstOffset, final int dstCapacity) {
        checkOpen();
        checkRange("source", src, srcOffset, srcLength);
        checkRange("destination", dst, dstOffset, dstCapacity);
        if (srcLength > MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException("srcLength " + srcLength + " exceeds Codec.MAX_INPUT_LENGTH " + MAX_INPUT_LENGTH + ": split the data into blocks");
        }
        final int bound = maxCompressedLength(srcLength);
        if (dstCapacity >= bound) {
            // the compressor never needs more than the bound; a larger capacity would only grow scratch buffers
            return run(true, src, srcOffset, srcLength, dst, dstOffset, bound);
        }
        final UnsafeBuffer out = scratchOut(bound);
        final int n = run(true, src, srcOffset, srcLength, out, 0, bound);
        if (n < 0) {
            return n;
        }
        if (n > dstCapacity) {
            return DST_TOO_SMALL;
        }
        dst.putBytes(dstOffset, out, 0, n);
        return n;
    }

    @Override
    public final int decompress(final DirectBuffer src, final int srcOffset, final int srcLength,
        final MutableDirectBuffer dst, final int dstOffset, final int dstCapacity) {
        checkOpen();
        checkRange("source", src, srcOffset, srcLength);
        checkRange("destination", dst, dstOffset, dstCapacity);
        return run(false, src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
    }

    @Override
    public final int compress(final ByteBuffer src, final int srcOffset, final int srcLength,
        final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        srcView.wrap(src);
        dstView.wrap(dst);
        return compress(srcView, srcOffset, srcLength, dstView, dstOffset, dstCapacity);
    }

    @Override
    public final int decompress(final ByteBuffer src, final int srcOffset, final int srcLength,
        final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
        srcView.wrap(src);
        dstView.wrap(dst);
        return decompress(srcView, srcOffset, srcLength, dstView, dstOffset, dstCapacity);
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            try {
                release();
            } finally {
                scratchIn = null;
                scratchOut = null;
                free(scratchInMemory);
                free(scratchOutMemory);
                scratchInMemory = null;
                scratchOutMemory = null;
            }
        }
    }

    @Override
    public String toString() {
        return type.label() + "(level " + level + ")";
    }

    private int run(final boolean compress, final DirectBuffer src, final int srcOffset, final int srcLength,
        final MutableDirectBuffer dst, final int dstOffset, final int dstCapacity) {
        final byte[] srcArray = src.byteArray();
        final byte[] dstArray = dst.byteArray();
        if (srcArray != null && dstArray != null) {
            final int s = src.wrapAdjustment() + srcOffset;
            final int d = dst.wrapAdjustment() + dstOffset;
            return compress
                ? compressArrays(srcArray, s, srcLength, dstArray, d, dstCapacity)
                : decompressArrays(srcArray, s, srcLength, dstArray, d, dstCapacity);
        }
        final ByteBuffer srcDirect = prefersArrays ? null : directOf(src, srcOffset, srcLength);
        final ByteBuffer dstDirect = prefersArrays ? null : directOf(dst, dstOffset, dstCapacity);
        if (srcDirect != null && dstDirect != null) {
            final int s = src.wrapAdjustment() + srcOffset;
            final int d = dst.wrapAdjustment() + dstOffset;
            return compress
                ? compressDirect(srcDirect, s, srcLength, dstDirect, d, dstCapacity)
                : decompressDirect(srcDirect, s, srcLength, dstDirect, d, dstCapacity);
        }
        return staged(compress, src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
    }

    /**
     * Mixed kinds or raw memory: copy into scratch buffers of the preferred kind, run the primitive
     * directly on them (no second dispatch, so this cannot recurse), copy out.
     */
    private int staged(final boolean compress, final DirectBuffer src, final int srcOffset, final int srcLength,
        final MutableDirectBuffer dst, final int dstOffset, final int dstCapacity) {
        final UnsafeBuffer in = scratchIn(srcLength);
        in.putBytes(0, src, srcOffset, srcLength);
        final UnsafeBuffer out = scratchOut(dstCapacity);
        final int n;
        if (prefersArrays) {
            n = compress
                ? compressArrays(in.byteArray(), 0, srcLength, out.byteArray(), 0, dstCapacity)
                : decompressArrays(in.byteArray(), 0, srcLength, out.byteArray(), 0, dstCapacity);
        } else {
            n = compress
                ? compressDirect(in.byteBuffer(), 0, srcLength, out.byteBuffer(), 0, dstCapacity)
                : decompressDirect(in.byteBuffer(), 0, srcLength, out.byteBuffer(), 0, dstCapacity);
        }
        if (n > 0 && out != dst) { // out is dst when compress() runs into its own scratch output
            dst.putBytes(dstOffset, out, 0, n);
        }
        return n;
    }

    /**
     * @return the direct {@link ByteBuffer} behind {@code buffer}, or {@code null} if there is none or
     *     the range reaches past its limit: zstd-jni checks ranges against {@code limit()}, not
     *     {@code capacity()}, and a {@link DirectBuffer} view must not depend on the limit, so such
     *     ranges are staged instead
     */
    private static ByteBuffer directOf(final DirectBuffer buffer, final int offset, final int length) {
        final ByteBuffer bb = buffer.byteBuffer();
        return bb != null && bb.isDirect() && (long)buffer.wrapAdjustment() + offset + length <= bb.limit() ? bb : null;
    }

    private UnsafeBuffer scratchIn(final int capacity) {
        if (scratchIn == null || scratchIn.capacity() < capacity) {
            free(scratchInMemory);
            scratchInMemory = null;
            final int size = scratchSize(capacity);
            if (prefersArrays) {
                scratchIn = new UnsafeBuffer(new byte[size]);
            } else {
                scratchInMemory = ByteBuffer.allocateDirect(size + SCRATCH_ALIGNMENT);
                scratchIn = new UnsafeBuffer(alignedSlice(scratchInMemory, size));
            }
        }
        return scratchIn;
    }

    private UnsafeBuffer scratchOut(final int capacity) {
        if (scratchOut == null || scratchOut.capacity() < capacity) {
            free(scratchOutMemory);
            scratchOutMemory = null;
            final int size = scratchSize(capacity);
            if (prefersArrays) {
                scratchOut = new UnsafeBuffer(new byte[size]);
            } else {
                scratchOutMemory = ByteBuffer.allocateDirect(size + SCRATCH_ALIGNMENT);
                scratchOut = new UnsafeBuffer(alignedSlice(scratchOutMemory, size));
            }
        }
        return scratchOut;
    }

    private static int scratchSize(final int capacity) {
        return (Math.max(capacity, 4096) + SCRATCH_ALIGNMENT - 1) & -SCRATCH_ALIGNMENT;
    }

    /** @return a slice of {@code raw} (allocated {@link #SCRATCH_ALIGNMENT} bytes larger) of {@code size} bytes starting at an aligned address */
    private static ByteBuffer alignedSlice(final ByteBuffer raw, final int size) {
        final long address = BufferUtil.address(raw);
        final int shift = (int)(((address + SCRATCH_ALIGNMENT - 1) & -SCRATCH_ALIGNMENT) - address);
        final ByteBuffer slice = raw.duplicate();
        slice.limit(shift + size).position(shift);
        return slice.slice();
    }

    private static void free(final ByteBuffer memory) {
        if (memory != null) {
            BufferUtil.free(memory);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed; create a new codec with Codecs.create(...)");
        }
    }

    private static void checkRange(final String what, final DirectBuffer buffer, final int offset, final int length) {
        if (offset < 0 || length < 0 || (long)offset + length > buffer.capacity()) {
            throw new IllegalArgumentException(what + " range [offset=" + offset + ", length=" + length
                + "] is outside the buffer (capacity=" + buffer.capacity() + ")");
        }
    }
}
