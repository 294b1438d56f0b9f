package dev.strata.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.compression.testsupport.BufferKind;
import dev.strata.compression.testsupport.Seeds;
import dev.strata.compression.testsupport.TestBuffers;
import dev.strata.compression.testsupport.TestData;
import java.util.Random;
import java.util.zip.CRC32C;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Crc32cChecksum} agrees with {@link CRC32C} for every buffer kind, offset and length. */
class Crc32cChecksumTest {
    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void matchesTheJdkForEveryBufferKind(final BufferKind kind) {
        final long seed = Seeds.seed("Crc32cChecksumTest#" + kind);
        final Random rnd = new Random(seed);
        final Crc32cChecksum checksum = new Crc32cChecksum(); // reused on purpose: no state leaks between calls
        try (TestBuffers buffers = new TestBuffers()) {
            final byte[] data = TestData.random(rnd, 200_000);
            final UnsafeBuffer buffer = buffers.allocate(kind, data.length);
            buffer.putBytes(0, data);
            final int[] lengths = {0, 1, 7, 8, 63, 4_096, 16 * 1024, 16 * 1024 + 1, 100_000, 199_997};
            for (int length : lengths) {
                for (int offset : new int[] {0, 3}) {
                    assertEquals(jdk(data, offset, length), checksum.compute(buffer, offset, length),
                        kind + " offset " + offset + " length " + length + Seeds.replay(seed));
                }
            }
            for (int i = 0; i < 200; i++) {
                final int offset = rnd.nextInt(data.length);
                final int length = rnd.nextInt(data.length - offset + 1);
                assertEquals(jdk(data, offset, length), checksum.compute(buffer, offset, length),
                    kind + " offset " + offset + " length " + length + Seeds.replay(seed));
            }
        }
    }

    @Test
    void aRangeOutsideTheBufferIsRejected() {
        final UnsafeBuffer window = new UnsafeBuffer(new byte[100], 10, 50);
        assertThrows(IndexOutOfBoundsException.class, () -> new Crc32cChecksum().compute(window, 40, 11));
    }

    private static int jdk(final byte[] data, final int offset, final int length) {
        final CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int)crc.getValue();
    }
}
