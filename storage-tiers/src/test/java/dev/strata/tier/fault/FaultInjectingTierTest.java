package dev.strata.tier.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import dev.strata.tier.TierContract;
import dev.strata.tier.TierIOException;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import dev.strata.tier.file.ReadMode;
import dev.strata.tier.fault.FaultPlan.Op;
import dev.strata.tier.fault.FaultPlan.Unsynced;

/** Each fault of a {@link FaultPlan} does what it says. */
@ExtendWith(LeakCheckExtension.class)
class FaultInjectingTierTest {
    @TempDir
    Path dir;

    private Tier inner() {
        return FileTier.open(FileTierOptions.builder(dir).readMode(ReadMode.PREAD).build());
    }

    private static UnsafeBuffer bytes(final int n, final int seed) {
        final byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 31 + 1);
        }
        return new UnsafeBuffer(b);
    }

    @Test
    void failNthOnceAndFailFromForever() {
        try (FaultInjectingTier tier = new FaultInjectingTier(inner(), FaultPlan.builder(1).failNth(Op.SYNC, 2).failFrom(Op.READ, 3).build())) {
            try (SegmentWriter w = tier.create(1)) {
                w.append(bytes(10, 0), 0, 10);
                w.sync();
                w.append(bytes(10, 1), 0, 10);
                final TierIOException e = assertThrows(TierIOException.class, w::sync);
                assertTrue(e.getMessage().contains("SYNC #2") && e.getMessage().contains("seed=1"), e.getMessage());
                w.sync();
                assertEquals(20, w.syncedLength());
                w.seal();
            }
            try (SegmentReader r = tier.open(1)) {
                final UnsafeBuffer dst = new UnsafeBuffer(new byte[20]);
                r.read(0, dst, 0, 20);
                r.read(0, dst, 0, 20);
                assertThrows(TierIOException.class, () -> r.read(0, dst, 0, 20));
                assertThrows(TierIOException.class, () -> r.read(0, dst, 0, 20));
            }
        }
    }

    @Test
    void shortWriteKeepsAPrefixAndThrows() {
        try (FaultInjectingTier tier = new FaultInjectingTier(inner(), FaultPlan.builder(2).shortWriteAt(2).build())) {
            try (SegmentWriter w = tier.create(1)) {
                w.append(bytes(100, 0), 0, 100);
                assertThrows(TierIOException.class, () -> w.append(bytes(100, 7), 0, 100));
                assertTrue(w.length() >= 100 && w.length() < 200, "length " + w.length());
                w.seal();
            }
            try (SegmentReader r = tier.open(1)) {
                final byte[] got = TierContract.readAll(r);
                final byte[] expect = Arrays.copyOf(TierContract.concat(bytes(100, 0), bytes(100, 7)), got.length);
                assertArrayEquals(expect, got);
            }
        }
    }

    @Test
    void tornWriteZeroesTheSecondHalf() {
        try (FaultInjectingTier tier = new FaultInjectingTier(inner(), FaultPlan.builder(3).tornWriteAt(1).build())) {
            try (SegmentWriter w = tier.create(1)) {
                w.append(bytes(100, 0), 0, 100);
                w.seal();
            }
            try (SegmentReader r = tier.open(1)) {
                final byte[] got = TierContract.readAll(r);
                assertArrayEquals(Arrays.copyOf(bytes(100, 0).byteArray(), 50), Arrays.copyOf(got, 50));
                assertArrayEquals(new byte[50], Arrays.copyOfRange(got, 50, 100));
            }
        }
    }

    @Test
    void powerCutDropsUnsyncedDataAndStopsTheTier() {
        final FaultInjectingTier tier = new FaultInjectingTier(inner(), FaultPlan.builder(4).onPowerCut(Unsynced.DROP_ALL).build());
        try (tier) {
            final SegmentWriter w = tier.create(1);
            w.append(bytes(100, 0), 0, 100);
            w.sync();
            w.append(bytes(100, 1), 0, 100);
            tier.powerCut();
            assertThrows(TierIOException.class, () -> w.append(bytes(1, 0), 0, 1));
            assertThrows(TierIOException.class, () -> tier.open(1));
            assertThrows(TierIOException.class, tier::readMetadata);
            w.close();
        }
        try (Tier reopened = inner(); SegmentReader r = reopened.openUnsealed(1)) {
            assertArrayEquals(bytes(100, 0).byteArray(), TierContract.readAll(r));
        }
    }

    @Test
    void powerCutModesKeepTheSyncedPrefix() {
        for (Unsynced mode : Unsynced.values()) {
            final Path d = dir.resolve(mode.name());
            final FaultInjectingTier tier = new FaultInjectingTier(FileTier.open(FileTierOptions.builder(d).build()),
                FaultPlan.builder(5).onPowerCut(mode).build());
            final int synced;
            try (tier) {
                final SegmentWriter w = tier.create(1);
                w.append(bytes(64, 0), 0, 64);
                w.sync();
                synced = 64;
                for (int i = 1; i <= 8; i++) {
                    w.append(bytes(64, i), 0, 64);
                }
                tier.powerCut();
            }
            try (Tier reopened = FileTier.open(FileTierOptions.builder(d).build()); SegmentReader r = reopened.openUnsealed(1)) {
                final byte[] got = TierContract.readAll(r);
                assertTrue(got.length >= synced && got.length <= 9 * 64, mode + ": length " + got.length);
                assertArrayEquals(bytes(64, 0).byteArray(), Arrays.copyOf(got, 64), mode + ": synced prefix");
                if (mode == Unsynced.DROP_ALL) {
                    assertEquals(64, got.length);
                }
                if (mode == Unsynced.WHOLE_PREFIX) {
                    assertEquals(0, got.length % 64, "whole appends only");
                }
            }
        }
    }

    @Test
    void powerCutAtAnOperationNumber() {
        final FaultInjectingTier tier = new FaultInjectingTier(inner(), FaultPlan.builder(6).powerCutAt(3).build());
        try (tier) {
            final SegmentWriter w = tier.create(1);
            w.append(bytes(10, 0), 0, 10);
            assertThrows(TierIOException.class, () -> w.append(bytes(10, 0), 0, 10));
            assertTrue(tier.poweredOff());
            assertEquals(3, tier.operations());
        }
    }
}
