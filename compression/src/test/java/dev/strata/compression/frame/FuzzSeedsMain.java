package dev.strata.compression.frame;

import dev.strata.compression.Codec;
import dev.strata.compression.CodecType;
import dev.strata.compression.ZstdDictionary;
import dev.strata.compression.testsupport.CodecSpec;
import dev.strata.compression.testsupport.Frames;
import dev.strata.compression.testsupport.TestData;
import dev.strata.compression.testsupport.TestDictionaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes the seed inputs of {@link FrameReaderFuzzTest} (not a test; run it by hand when the frame
 * format changes, from {@code compression/} with the test classpath):
 * a valid frame of every codec variant, a frame that falls back to codec NONE, a truncated frame, a
 * frame with a flipped bit, and the dictionary the zstd-dict frame needs.
 */
public final class FuzzSeedsMain {
    private FuzzSeedsMain() {
    }

    public static void main(final String[] args) throws IOException {
        final Path resources = Paths.get(args.length > 0 ? args[0] : "src/test/resources", "dev/strata/compression/frame");
        final Path inputs = resources.resolve("FrameReaderFuzzTestInputs/readArbitraryBytes");
        Files.createDirectories(inputs);
        final ZstdDictionary dictionary = TestDictionaries.json();
        Files.write(resources.resolve(FrameReaderFuzzTest.DICTIONARY_RESOURCE), dictionary.toBytes());

        final Random rnd = new Random(2024);
        final byte[] json = TestData.json(rnd, 300);
        for (CodecSpec spec : CodecSpec.oneOfEachType()) {
            try (Codec codec = spec.create()) {
                Files.write(inputs.resolve("valid-" + spec.type().label()), Frames.write(codec, false, json));
            }
        }
        try (Codec lz4 = CodecSpec.of(CodecType.LZ4, 1).create()) {
            Files.write(inputs.resolve("valid-fallback-none"), Frames.write(lz4, true, TestData.random(rnd, 200)));
            final byte[] frame = Frames.write(lz4, false, json);
            Files.write(inputs.resolve("truncated-lz4"), Arrays.copyOf(frame, frame.length - 7));
            frame[frame.length / 2] ^= 0x04;
            Files.write(inputs.resolve("bit-flipped-lz4"), frame);
        }
        System.out.println("wrote fuzz seeds to " + inputs.toAbsolutePath());
    }
}
