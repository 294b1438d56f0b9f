package dev.strata.compression.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.CorruptFrameException;
import dev.strata.compression.FrameReader;
import dev.strata.compression.MissingDictionaryException;
import dev.strata.compression.ZstdDictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Arbitrary bytes into {@link FrameReader#read}: it returns the declared length (or
 * {@link Codec#DST_TOO_SMALL} when that exceeds the destination), or throws
 * {@link CorruptFrameException} or {@link MissingDictionaryException}. Any other exception, an
 * {@link Error} or a JVM crash is a bug.
 *
 * <p>In the default build this runs in Jazzer's regression mode: once per file in
 * {@code src/test/resources/dev/strata/compression/frame/FrameReaderFuzzTestInputs/readArbitraryBytes/}
 * (valid frames of every codec and damaged ones, written by {@link FuzzSeedsMain}) plus an empty
 * input. To fuzz for real (bounded by {@code maxDuration}), run on its own:
 * {@code JAZZER_FUZZ=1 flock /tmp/strata-mvn.lock mvn -B -o -q -pl compression test -Dtest=FrameReaderFuzzTest};
 * findings are written into that directory and then replay in every build.
 */
class FrameReaderFuzzTest {
    /** The dictionary the seed frames of codec zstd-dict were written with (kept as a file, so seeds stay valid). */
    static final String DICTIONARY_RESOURCE = "fuzz-dictionary.zdict";

    private static final FrameReader READER = new FrameReader().addDictionary(loadDictionary());
    private static final UnsafeBuffer OUT = new UnsafeBuffer(new byte[1 << 20]);

    @AfterAll
    static void close() {
        READER.close();
    }

    @FuzzTest(maxDuration = "5m")
    void readArbitraryBytes(final byte[] data) {
        final UnsafeBuffer in = new UnsafeBuffer(data);
        final int n;
        try {
            n = READER.read(in, 0, data.length, OUT, 0, OUT.capacity());
        } catch (final CorruptFrameException | MissingDictionaryException expected) {
            return; // the only exceptions a reader may throw for bad bytes
        }
        final int declared = FrameReader.uncompressedLength(in, 0);
        if (n == Codec.DST_TOO_SMALL) {
            assertTrue(declared > OUT.capacity(), "DST_TOO_SMALL for a frame of " + declared + " bytes");
        } else {
            assertEquals(declared, n, "read returns the declared length");
            assertTrue(READER.verify(in, 0, data.length) <= data.length, "a frame that reads is within the input");
        }
    }

    /** The seeds stay meaningful: valid ones decode (so regression mode reaches every decoder), damaged ones do not. */
    @Test
    void seedsReachEveryDecoder() throws IOException, URISyntaxException {
        final Path dir = Paths.get(FrameReaderFuzzTest.class.getResource("FrameReaderFuzzTestInputs/readArbitraryBytes").toURI());
        final List<String> valid = new ArrayList<>();
        try (DirectoryStream<Path> seeds = Files.newDirectoryStream(dir)) {
            for (Path seed : seeds) {
                final byte[] data = Files.readAllBytes(seed);
                final String name = seed.getFileName().toString();
                if (name.startsWith("valid-")) {
                    assertEquals(FrameReader.uncompressedLength(new UnsafeBuffer(data), 0),
                        READER.read(new UnsafeBuffer(data), 0, data.length, OUT, 0, OUT.capacity()), name);
                    valid.add(name);
                } else {
                    assertThrows(CorruptFrameException.class, () -> READER.read(new UnsafeBuffer(data), 0, data.length, OUT, 0, OUT.capacity()), name);
                }
            }
        }
        for (CodecType type : CodecType.values()) {
            assertTrue(valid.contains("valid-" + type.label()), "a valid " + type.label() + " seed, have " + valid);
        }
    }

    static ZstdDictionary loadDictionary() {
        try (InputStream in = FrameReaderFuzzTest.class.getResourceAsStream(DICTIONARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DICTIONARY_RESOURCE + ": run FuzzSeedsMain");
            }
            return ZstdDictionary.of(in.readAllBytes());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
