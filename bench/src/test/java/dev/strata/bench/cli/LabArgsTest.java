package dev.strata.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.bench.lab.CodecLevel;
import dev.strata.bench.lab.LabSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabArgsTest {
    @Test
    void blockSizes() {
        assertEquals(65536, LabArgs.blockSize("64k"));
        assertEquals(65536, LabArgs.blockSize("64KiB"));
        assertEquals(65536, LabArgs.blockSize("65536"));
        assertEquals(1 << 20, LabArgs.blockSize("1m"));
        assertEquals(1 << 30, LabArgs.blockSize("1g"));
        assertEquals(LabSettings.WHOLE_FILE, LabArgs.blockSize("whole"));
        assertEquals(LabSettings.WHOLE_FILE, LabArgs.blockSize("whole-file"));
        assertThrows(IllegalArgumentException.class, () -> LabArgs.blockSize("128"));
        assertThrows(IllegalArgumentException.class, () -> LabArgs.blockSize("99999999999g"));
    }

    @Test
    void times() {
        assertEquals(300_000_000L, LabArgs.nanos("--min-time", "0.3"));
        assertEquals(300_000_000L, LabArgs.nanos("--min-time", "300ms"));
        assertEquals(2_000_000_000L, LabArgs.nanos("--min-time", "2s"));
        assertEquals(0L, LabArgs.nanos("--min-time", "0"));
        assertThrows(IllegalArgumentException.class, () -> LabArgs.nanos("--min-time", "-1"));
        assertThrows(IllegalArgumentException.class, () -> LabArgs.nanos("--min-time", "7200"));
    }

    @Test
    void planUsesDefaultsThenGivenLevels() {
        assertEquals(List.of("none:0", "lz4:1", "lz4hc:9", "lz4hc:12", "zstd:-5", "zstd:1", "zstd:3", "zstd:9", "zstd:19",
            "zstd-dict:3", "deflate:6"), labels(LabArgs.plan(null, null)));
        assertEquals(List.of("zstd:19", "zstd:-1", "lz4hc:12"),
            labels(LabArgs.plan(List.of("zstd", "lz4hc"), List.of("zstd=19,-1,19", "lz4hc=12"))));
        assertEquals(List.of("deflate:1", "deflate:9"), labels(LabArgs.plan(List.of("DEFLATE"), List.of("deflate=1", "deflate=9"))));
    }

    private static List<String> labels(final List<CodecLevel> plan) {
        return plan.stream().map(CodecLevel::toString).toList();
    }
}
