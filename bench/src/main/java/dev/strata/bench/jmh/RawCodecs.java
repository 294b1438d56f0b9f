package dev.strata.bench.jmh;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import dev.strata.bench.lab.CodecLevel;
import dev.strata.compression.ZstdDictionary;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * The raw-library counterparts of Strata's codecs, each configured to produce exactly what the
 * Strata codec of the same type and level produces: lz4-java's JNI compressors and safe
 * decompressor, zstd-jni's reusable contexts (content size on, no checksum: zstd's defaults), and
 * the JDK's raw DEFLATE on direct buffers.
 */
final class RawCodecs {
    private RawCodecs() {
    }

    /**
     * @param dictionary for {@code zstd-dict}
     * @throws IllegalArgumentException for codecs with no raw counterpart here (none; lz4 levels other than 1)
     */
    static RawCodec of(final CodecLevel codec, final ZstdDictionary dictionary) {
        switch (codec.type()) {
            case LZ4:
                if (codec.level() != 1) {
                    throw new IllegalArgumentException("the raw benchmark runs lz4 at acceleration 1 only (fastCompressor()), not " + codec);
                }
                return new Lz4(LZ4Factory.nativeInstance().fastCompressor(), "lz4-java fastCompressor()");
            case LZ4_HC:
                return new Lz4(LZ4Factory.nativeInstance().highCompressor(codec.level()), "lz4-java highCompressor(" + codec.level() + ")");
            case ZSTD:
                return new Zstd(codec.level(), null);
            case ZSTD_DICT:
                return new Zstd(codec.level(), dictionary.toBytes());
            case DEFLATE:
                return new JdkDeflate(codec.level());
            default:
                throw new IllegalArgumentException("no raw library benchmark for " + codec);
        }
    }

    /** lz4-java, JNI binding. */
    private static final class Lz4 implements RawCodec {
        private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.nativeInstance().safeDecompressor();
        private final LZ4Compressor compressor;
        private final String name;

        Lz4(final LZ4Compressor compressor, final String name) {
            this.compressor = compressor;
            this.name = name;
        }

        @Override
        public int compress(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
            return compressor.compress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
        }

        @Override
        public int decompress(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
            return DECOMPRESSOR.decompress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public void close() {
            // the JNI compressors hold no native state between calls
        }
    }

    /** zstd-jni with one compression and one decompression context, reused. */
    private static final class Zstd implements RawCodec {
        private final ZstdCompressCtx cctx = new ZstdCompressCtx();
        private final ZstdDecompressCtx dctx = new ZstdDecompressCtx();
        private final ZstdDictCompress cdict;
        private final ZstdDictDecompress ddict;
        private final int level;

        Zstd(final int level, final byte[] dictionary) {
            this.level = level;
            cctx.setLevel(level);
            cdict = dictionary == null ? null : new ZstdDictCompress(dictionary, level);
            ddict = dictionary == null ? null : new ZstdDictDecompress(dictionary);
            if (dictionary != null) {
                cctx.loadDict(cdict);
                dctx.loadDict(ddict);
            }
        }

        @Override
        public int compress(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
            return cctx.compressDirectByteBuffer(dst, dstOffset, dstCapacity, src, srcOffset, srcLength);
        }

        @Override
        public int decompress(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
            return dctx.decompressDirectByteBuffer(dst, dstOffset, dstCapacity, src, srcOffset, srcLength);
        }

        @Override
        public String describe() {
            return "zstd-jni ZstdCompressCtx level " + level + (cdict == null ? "" : " with dictionary");
        }

        @Override
        public void close() {
            cctx.close();
            dctx.close();
            if (cdict != null) {
                cdict.close();
                ddict.close();
            }
        }
    }

    /** The JDK's raw DEFLATE (no zlib header) on direct buffers; views are created once per buffer. */
    private static final class JdkDeflate implements RawCodec {
        private final Deflater deflater;
        private final Inflater inflater = new Inflater(true);
        private final int level;
        private ByteBuffer srcOf;
        private ByteBuffer srcView;
        private ByteBuffer dstOf;
        private ByteBuffer dstView;

        JdkDeflate(final int level) {
            this.level = level;
            this.deflater = new Deflater(level, true);
        }

        @Override
        public int compress(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
            views(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
            deflater.reset();
            deflater.setInput(srcView);
            deflater.finish();
            while (!deflater.finished()) {
                if (deflater.deflate(dstView) == 0 && !dstView.hasRemaining()) {
                    return -1;
                }
            }
            return dstView.position() - dstOffset;
        }

        @Override
        public int decompress(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
            views(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
            inflater.reset();
            inflater.setInput(srcView);
            try {
                while (!inflater.finished()) {
                    if (inflater.inflate(dstView) == 0 && (inflater.needsInput() || !dstView.hasRemaining())) {
                        return -2;
                    }
                }
            } catch (final DataFormatException e) {
                return -2;
            }
            return dstView.position() - dstOffset;
        }

        private void views(final ByteBuffer src, final int srcOffset, final int srcLength, final ByteBuffer dst, final int dstOffset, final int dstCapacity) {
            if (src != srcOf) {
                srcOf = src;
                srcView = src.duplicate();
            }
            if (dst != dstOf) {
                dstOf = dst;
                dstView = dst.duplicate();
            }
            srcView.clear().position(srcOffset).limit(srcOffset + srcLength);
            dstView.clear().position(dstOffset).limit(dstOffset + dstCapacity);
        }

        @Override
        public String describe() {
            return "JDK Deflater(" + level + ", nowrap) on direct ByteBuffers";
        }

        @Override
        public void close() {
            deflater.end();
            inflater.end();
        }
    }
}
