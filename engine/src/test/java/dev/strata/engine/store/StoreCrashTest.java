package dev.strata.engine.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import dev.strata.Transaction;
import dev.strata.WriteBatch;
import dev.strata.tier.TestSeeds;
import dev.strata.tier.Tier;
import dev.strata.tier.fault.FaultInjectingTier;
import dev.strata.tier.fault.FaultPlan;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import dev.strata.tier.io.PowerCutFileIo;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A power cut at every I/O point of a small store workload ({@link CrashCommits}: batches, with
 * memtable flushes and compactions running), then recovery: no acknowledged durable write lost
 * (for {@link SyncPolicy#EVERY_COMMIT}), no hole, no half batch, for every sync policy. Two
 * seams: the fault-injecting tier (cut at every tier operation; unsynced appends dropped, a whole
 * prefix kept, or torn) and an in-memory file system under the file tier (cut at every write,
 * sync, rename and delete; unsynced writes and directory entries survive at random). The default
 * build cuts at every point of one seed; -Pstress at every point of five seeds.
 */
class StoreCrashTest {
    private static final int COMMITS = 70;

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    private StoreConfig config(final Tier tier, final SyncPolicy sync) {
        return StoreConfig.builder(dir).customTier(tier).syncPolicy(sync).syncInterval(1).memtableBytes(64 << 10)
            .targetFileBytes(64 << 10).baseLevelBytes(128 << 10).level0Trigger(2).levelMultiplier(4).blockSize(1024).build();
    }

    /** Runs the workload; returns {acknowledged, attempted}. */
    private int[] run(final java.util.function.Supplier<Tier> opener, final SyncPolicy sync) {
        int acknowledged = 0;
        int attempted = 0;
        Store store = null;
        Tier tier = null;
        try {
            tier = opener.get();
            store = Strata.open(config(tier, sync));
            try (WriteBatch batch = store.newBatch(); Transaction tx = store.newTransaction()) {
                for (int i = 0; i < COMMITS; i++) {
                    attempted = i + 1;
                    CrashCommits.apply(store, batch, tx, i);
                    acknowledged = i + 1;
                }
            }
        } catch (final RuntimeException expected) {
            // the power cut surfaces as a tier, store-failed or store-open exception
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (final RuntimeException afterCut) {
                    // closing a store whose disk is gone fails; the lock and memory are released regardless
                }
            } else if (tier != null) {
                try {
                    tier.close();
                } catch (final RuntimeException afterCut) {
                    // as above
                }
            }
        }
        return new int[] {acknowledged, attempted};
    }

    private void recover(final Tier tier, final SyncPolicy sync, final int[] outcome, final String where) {
        try (Store store = Strata.open(config(tier, sync))) {
            CrashCommits.verify(store, sync == SyncPolicy.EVERY_COMMIT ? outcome[0] : 0, outcome[1], where);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncPolicy.class)
    void powerCutAtEveryTierOperation(final SyncPolicy sync) {
        final long seed = TestSeeds.seed("StoreCrashTest.powerCutAtEveryTierOperation " + sync);
        for (int round = 0; round < (TestSeeds.stress() ? 5 : 1); round++) {
            final long s = seed + round * 1_000_003L;
            final PowerCutFileIo clean = new PowerCutFileIo(s);
            final FaultInjectingTier counting = new FaultInjectingTier(memoryTier(clean), FaultPlan.none());
            final int[] full = run(() -> counting, sync);
            assertTrue(full[0] == COMMITS, "the workload without faults failed after " + full[0] + " commits");
            final long total = counting.operations();
            final FaultPlan.Unsynced[] modes = {FaultPlan.Unsynced.WHOLE_PREFIX, FaultPlan.Unsynced.DROP_ALL, FaultPlan.Unsynced.TORN_PREFIX};
            for (long k = 1; k <= total; k += sync == SyncPolicy.EVERY_COMMIT ? 1 : 3) {
                final PowerCutFileIo disk = new PowerCutFileIo(s + k);
                final FaultPlan plan = FaultPlan.builder(s + k).powerCutAt(k).onPowerCut(modes[(int)(k % modes.length)]).build();
                final int[] outcome = run(() -> new FaultInjectingTier(memoryTier(disk), plan), sync);
                recover(memoryTier(disk), sync, outcome, sync + ": power cut at tier operation " + k + " of ~" + total + " (" + plan
                    + ", strata.seed=" + seed + ")");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SyncPolicy.class, names = {"EVERY_COMMIT", "NEVER"})
    void powerCutAtEveryFileSystemOperation(final SyncPolicy sync) {
        final long seed = TestSeeds.seed("StoreCrashTest.powerCutAtEveryFileSystemOperation " + sync);
        for (int round = 0; round < (TestSeeds.stress() ? 5 : 1); round++) {
            final long s = seed + round * 1_000_003L;
            final PowerCutFileIo clean = new PowerCutFileIo(s);
            final int[] full = run(() -> memoryTier(clean), sync);
            assertTrue(full[0] == COMMITS, "the workload without faults failed after " + full[0] + " commits");
            final long total = clean.ioPoints();
            for (long k = 1; k <= total; k += sync == SyncPolicy.EVERY_COMMIT ? 1 : 3) {
                final PowerCutFileIo disk = new PowerCutFileIo(s + k).cutAt(k);
                final int[] outcome = run(() -> memoryTier(disk), sync);
                final PowerCutFileIo after = disk.afterPowerCut();
                recover(memoryTier(after), sync, outcome, sync + ": power cut at file-system operation " + k + " of ~" + total
                    + " (strata.seed=" + seed + ")");
            }
        }
    }

    private Tier memoryTier(final PowerCutFileIo io) {
        return open(io).apply(dir.resolve("tier"));
    }

    private static Function<Path, Tier> open(final PowerCutFileIo io) {
        return d -> FileTier.open(FileTierOptions.builder(d).fileIo(io).build());
    }
}
