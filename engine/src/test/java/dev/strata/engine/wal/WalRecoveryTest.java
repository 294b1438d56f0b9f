package dev.strata.engine.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.CorruptionException;
import dev.strata.engine.EntryKind;
import dev.strata.tier.Tier;
import dev.strata.tier.TierException;
import dev.strata.tier.fault.FaultInjectingTier;
import dev.strata.tier.fault.FaultPlan;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The WAL through a real file tier: batches replay exactly; a power cut at every tier operation
 * (through {@link FaultInjectingTier}) leaves a replayable prefix holding every synced batch, with
 * no hole and no half batch, even when the unsynced tail is torn; a flipped byte in the middle is
 * reported as corruption with its offset. Seeds printed; replay with -Dstrata.seed=N.
 */
class WalRecoveryTest {
    @org.junit.jupiter.api.BeforeAll
    static void warmUpChronicle() {
        // Chronicle's one-time allocations happen before the first test's leak check
        dev.strata.tier.WarmUp.chronicle();
    }

    @TempDir
    Path dir;

    /** One batch of the workload: entries as "key=value" strings, sequence numbers from {@code first}. */
    private record Batch(long first, List<String> entries) {
    }

    private static List<Batch> batches(final Random random, final int count) {
        final List<Batch> batches = new ArrayList<>();
        long sequence = 1;
        for (int b = 0; b < count; b++) {
            final List<String> entries = new ArrayList<>();
            for (int e = 0, n = 1 + random.nextInt(5); e < n; e++) {
                entries.add("key" + random.nextInt(100) + "=" + "v".repeat(random.nextInt(200)));
            }
            batches.add(new Batch(sequence, entries));
            sequence += entries.size();
        }
        return batches;
    }

    private static int encode(final WalRecordBuilder builder, final Batch batch) {
        builder.reset();
        for (String entry : batch.entries()) {
            final byte[] key = entry.substring(0, entry.indexOf('=')).getBytes();
            final byte[] value = entry.substring(entry.indexOf('=') + 1).getBytes();
            builder.add(EntryKind.PUT, 0, new UnsafeBuffer(key), 0, key.length, new UnsafeBuffer(value), 0, value.length);
        }
        return builder.finish(batch.first());
    }

    private static List<Batch> replay(final Tier tier, final long segmentId, final long[] validLength) {
        final List<Batch> out = new ArrayList<>();
        final WalEntryCursor cursor = new WalEntryCursor();
        validLength[0] = WalRecovery.replay(tier, segmentId, (buffer, offset, length) -> {
            cursor.wrap(buffer, offset);
            final List<String> entries = new ArrayList<>();
            long first = -1;
            while (cursor.next()) {
                first = first < 0 ? cursor.sequence() : first;
                final byte[] key = new byte[cursor.keyLength()];
                final byte[] value = new byte[cursor.valueLength()];
                cursor.key().getBytes(cursor.keyOffset(), key);
                cursor.value().getBytes(cursor.valueOffset(), value);
                entries.add(new String(key) + "=" + new String(value));
            }
            out.add(new Batch(first, entries));
        });
        return out;
    }

    @Test
    void replaysEveryBatchInOrder() {
        final long seed = Long.getLong("strata.seed", System.nanoTime());
        System.out.println("WalRecoveryTest seed=" + seed);
        final List<Batch> batches = batches(new Random(seed), 200);
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build());
             WalRecordBuilder builder = new WalRecordBuilder()) {
            try (WalWriter wal = new WalWriter(tier, 1)) {
                for (Batch b : batches) {
                    final int length = encode(builder, b);
                    wal.append(builder.buffer(), 0, length);
                }
                wal.sync();
            }
            final long[] valid = new long[1];
            assertEquals(batches, replay(tier, 1, valid));
            tier.sealUnsealed(1, valid[0]);
            assertEquals(batches, replay(tier, 1, valid), "a sealed segment replays the same");
        }
    }

    @ParameterizedTest
    @EnumSource(value = FaultPlan.Unsynced.class, names = {"DROP_ALL", "WHOLE_PREFIX", "TORN_PREFIX"})
    void aPowerCutAtEveryOperationKeepsEverySyncedBatchAndOnlyWholeBatches(final FaultPlan.Unsynced mode) throws IOException {
        final long seed = Long.getLong("strata.seed", System.nanoTime());
        System.out.println("WalRecoveryTest power cut seed=" + seed + " mode=" + mode);
        final Random random = new Random(seed);
        final List<Batch> batches = batches(random, 40);
        final boolean[] syncAfter = new boolean[batches.size()];
        for (int i = 0; i < syncAfter.length; i++) {
            syncAfter[i] = random.nextInt(3) == 0;
        }
        int cuts = 0;
        for (int cutAt = 1; ; cutAt++) {
            final Path location = Files.createDirectory(dir.resolve("cut-" + cutAt));
            int synced = 0;
            boolean cut = false;
            try (Tier inner = FileTier.open(FileTierOptions.builder(location).build());
                 WalRecordBuilder builder = new WalRecordBuilder()) {
                final FaultInjectingTier tier = new FaultInjectingTier(inner,
                    FaultPlan.builder(seed + cutAt).powerCutAt(cutAt).onPowerCut(mode).build());
                try (WalWriter wal = new WalWriter(tier, 1)) {
                    for (int i = 0; i < batches.size(); i++) {
                        wal.append(builder.buffer(), 0, encode(builder, batches.get(i)));
                        if (syncAfter[i] || i == batches.size() - 1) {
                            wal.sync();
                            synced = i + 1;
                        }
                    }
                } catch (final TierException e) {
                    cut = true;
                }
                if (!cut) {
                    assertEquals(batches.size(), synced);
                    break;
                }
            }
            cuts++;
            try (Tier reopened = FileTier.open(FileTierOptions.builder(location).build())) {
                final long[] valid = new long[1];
                final List<Batch> recovered = reopened.readMetadata() == null && segmentExists(reopened)
                    ? replay(reopened, 1, valid) : List.of();
                assertTrue(recovered.size() >= synced, "cut at op " + cutAt + ": " + recovered.size()
                    + " batches recovered, but " + synced + " were synced");
                assertEquals(batches.subList(0, recovered.size()), recovered, "cut at op " + cutAt + ": not a prefix of the batches written");
            }
        }
        assertTrue(cuts > 40, "the workload has more than 40 operations to cut at: " + cuts);
    }

    private static boolean segmentExists(final Tier tier) {
        final boolean[] found = {false};
        tier.list((id, sealed, length) -> found[0] |= id == 1);
        return found[0];
    }

    @Test
    void aFlippedByteBeforeIntactRecordsIsCorruptionWithItsOffset() throws IOException {
        final List<Batch> batches = batches(new Random(7), 5);
        long secondRecordAt = 0;
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build());
             WalRecordBuilder builder = new WalRecordBuilder();
             WalWriter wal = new WalWriter(tier, 1)) {
            for (int i = 0; i < batches.size(); i++) {
                final long at = wal.append(builder.buffer(), 0, encode(builder, batches.get(i)));
                secondRecordAt = i == 1 ? at : secondRecordAt;
            }
            wal.seal();
        }
        final Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            final long at = dev.strata.tier.file.SegmentFileDescriptor.DATA_OFFSET + secondRecordAt + 30; // where the file tier puts the data, then the segment: inside record 2
            raf.seek(at);
            final int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x01);
        }
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build())) {
            final long[] valid = new long[1];
            final long expected = secondRecordAt;
            final CorruptionException e = assertThrows(CorruptionException.class, () -> replay(tier, 1, valid));
            assertEquals(expected, e.offset(), e.getMessage());
            assertTrue(e.getMessage().contains("WAL segment 1"), e.getMessage());
        }
    }

    @Test
    void replayedEntriesCarryConsecutiveSequenceNumbers() {
        try (Tier tier = FileTier.open(FileTierOptions.builder(dir).build());
             WalRecordBuilder builder = new WalRecordBuilder()) {
            try (WalWriter wal = new WalWriter(tier, 1)) {
                final UnsafeBuffer k = new UnsafeBuffer("k".getBytes());
                builder.reset().add(EntryKind.PUT, 3, k, 0, 1, k, 0, 1).add(EntryKind.DELETE, 3, k, 0, 1, k, 0, 0);
                wal.append(builder.buffer(), 0, builder.finish(41));
                wal.sync();
            }
            final List<Long> sequences = new ArrayList<>();
            final List<EntryKind> kinds = new ArrayList<>();
            final WalEntryCursor cursor = new WalEntryCursor();
            WalRecovery.replay(tier, 1, (buffer, offset, length) -> {
                cursor.wrap(buffer, offset);
                while (cursor.next()) {
                    sequences.add(cursor.sequence());
                    kinds.add(cursor.kind());
                    assertEquals(3, cursor.namespace());
                }
            });
            assertEquals(List.of(41L, 42L), sequences);
            assertEquals(List.of(EntryKind.PUT, EntryKind.DELETE), kinds);
        }
    }
}
