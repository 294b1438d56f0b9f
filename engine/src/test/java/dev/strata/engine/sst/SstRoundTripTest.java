package dev.strata.engine.sst;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CorruptionException;
import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.Codecs;
import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import dev.strata.tier.Tier;
import dev.strata.tier.WarmUp;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Sorted segments written through a real file tier read back exactly (scan and snapshot seeks
 * against a {@link TreeMap} model) with every codec; the bloom filter has no false negatives; a
 * flipped byte is reported as {@link CorruptionException}. Seeds printed; replay with -Dstrata.seed=N.
 */
class SstRoundTripTest {
    /** The file tier reads sealed segments through Chronicle's mappings, whose first use allocates static buffers: not this test's leak. */
    @BeforeAll
    static void warmUp() {
        WarmUp.chronicle();
    }

    @TempDir
    Path dir;

    private record IKey(byte[] key, long trailer) implements Comparable<IKey> {
        @Override
        public int compareTo(final IKey o) {
            return KeyComparator.compareInternal(new UnsafeBuffer(key), 0, key.length, trailer, new UnsafeBuffer(o.key), 0, o.key.length, o.trailer);
        }
    }

    private static TreeMap<IKey, byte[]> model(final Random random, final int keys) {
        final TreeMap<IKey, byte[]> model = new TreeMap<>();
        long sequence = 0;
        for (int i = 0; i < keys; i++) {
            final byte[] key = String.format("user:%08d", random.nextInt(keys * 4)).getBytes();
            final byte[] value = ("{\"n\":" + random.nextInt(1000) + ",\"pad\":\"" + "x".repeat(random.nextInt(80)) + "\"}").getBytes();
            model.put(new IKey(key, Trailer.pack(++sequence, random.nextInt(8) == 0 ? EntryKind.DELETE : EntryKind.PUT)), value);
        }
        return model;
    }

    private static void write(final Tier tier, final long id, final Codec codec, final TreeMap<IKey, byte[]> model) {
        try (SstWriter writer = new SstWriter(tier, id, codec, 4096, 10)) {
            for (Map.Entry<IKey, byte[]> e : model.entrySet()) {
                writer.add(new UnsafeBuffer(e.getKey().key()), 0, e.getKey().key().length, e.getKey().trailer(),
                    new UnsafeBuffer(e.getValue()), 0, e.getValue().length);
            }
            writer.finish();
        }
    }

    @ParameterizedTest
    @EnumSource(value = CodecType.class, names = {"NONE", "LZ4", "ZSTD"})
    void readsBackEveryEntryAndEverySnapshotSeek(final CodecType type) {
        final long seed = Long.getLong("strata.seed", System.nanoTime());
        System.out.println("SstRoundTripTest seed=" + seed + " codec=" + type);
        final Random random = new Random(seed);
        final TreeMap<IKey, byte[]> model = model(random, 20_000);
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build());
             Codec codec = Codecs.create(type);
             SstReadContext ctx = new SstReadContext()) {
            write(tier, 7, codec, model);
            try (SstReader sst = SstReader.open(tier, 7)) {
                assertEquals(model.size(), sst.entries());
                assertTrue(sst.blockCount() > 10, "several blocks: " + sst.blockCount());
                final List<IKey> keys = new ArrayList<>(model.keySet());
                assertTrue(ctx.seekToFirst(sst));
                for (int i = 0; i < keys.size(); i++) {
                    assertEntry(keys.get(i), model.get(keys.get(i)), ctx.block());
                    assertEquals(i < keys.size() - 1, ctx.next(sst));
                }
                for (int i = 0; i < 5000; i++) {
                    final byte[] target = String.format("user:%08d", random.nextInt(80_000)).getBytes();
                    final long trailer = Trailer.seekTrailer(random.nextInt(21_000));
                    final IKey expected = model.ceilingKey(new IKey(target, trailer));
                    final boolean found = sst.seek(ctx, new UnsafeBuffer(target), 0, target.length, trailer);
                    assertEquals(expected != null, found, "seek " + new String(target));
                    if (found) {
                        assertEntry(expected, model.get(expected), ctx.block());
                    }
                }
                for (IKey k : keys) {
                    assertTrue(sst.mightContain(new UnsafeBuffer(k.key()), 0, k.key().length), "bloom false negative");
                }
            }
        }
    }

    @Test
    void aFlippedByteInADataBlockIsReportedWithSegmentAndOffset() throws IOException {
        final Random random = new Random(1);
        final TreeMap<IKey, byte[]> model = model(random, 5000);
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build());
             Codec codec = Codecs.create(CodecType.LZ4)) {
            write(tier, 3, codec, model);
        }
        final Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().contains("3")).filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            final long data = dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET;
            final long at = data + (raf.length() - data) / 3;
            raf.seek(at);
            final int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x10);
        }
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build());
             SstReadContext ctx = new SstReadContext();
             SstReader sst = SstReader.open(tier, 3)) {
            final CorruptionException e = assertThrows(CorruptionException.class, () -> {
                boolean more = ctx.seekToFirst(sst);
                while (more) {
                    more = ctx.next(sst);
                }
            });
            assertTrue(e.getMessage().contains("segment 3") && e.offset() > 0, e.getMessage());
            assertFalse(e.getMessage().isEmpty());
        }
    }

    private static void assertEntry(final IKey expectedKey, final byte[] expectedValue, final DataBlockCursor cursor) {
        assertArrayEquals(expectedKey.key(), bytes(cursor.key(), 0, cursor.keyLength()));
        assertEquals(expectedKey.trailer(), cursor.trailer());
        assertArrayEquals(expectedValue, bytes(cursor.value(), cursor.valueOffset(), cursor.valueLength()));
    }

    private static byte[] bytes(final DirectBuffer buffer, final int offset, final int length) {
        final byte[] out = new byte[length];
        buffer.getBytes(offset, out);
        return out;
    }
}
