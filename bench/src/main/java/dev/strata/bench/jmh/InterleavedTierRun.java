package dev.strata.bench.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tier benchmarks' workloads as interleaved rounds in one JVM: round r runs every tier (and the
 * raw {@code FileChannel}) for a fixed time, one after the other, then round r + 1 starts with the
 * next one in turn. Each tier's result is the median of its rounds, and "wins" counts the rounds in
 * which it beat raw in the same round.
 *
 * <p>Why, beside JMH: a JMH run measures one parameter's forks, then the next's, minutes apart; on
 * a shared virtual disk the latency of {@code fdatasync} drifts by tens of percent over minutes, so
 * the ratio of two such runs measures the drift as much as the tiers. Interleaving puts every tier
 * under the same conditions in each round, so the per-round ratio is paired.
 *
 * <pre>
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/strata.jar \
 *      dev.strata.bench.jmh.InterleavedTierRun append 4096 sync 15 1000 raw,file-pread,block-buffered
 * java ... dev.strata.bench.jmh.InterleavedTierRun read 4096 nosync 15 1000 raw,file-pread,block-buffered
 * </pre>
 * Arguments: workload ({@code append} or {@code read}), record size, {@code sync} or {@code nosync}
 * (appends), rounds, milliseconds per tier per round, tiers ({@code raw} and the names
 * {@link TierSetup#open} takes).
 */
public final class InterleavedTierRun {
    private InterleavedTierRun() {
    }

    /** @return operations {@code lane} did in {@code millis} */
    private static long run(final TierWorkload lane, final long millis) throws IOException {
        final long end = System.nanoTime() + millis * 1_000_000L;
        long ops = 0;
        while (System.nanoTime() < end) {
            lane.once();
            ops++;
        }
        return ops;
    }

    public static void main(final String[] args) throws IOException {
        if (args.length != 6 || !args[0].matches("append|read") || !args[2].matches("sync|nosync")
            || !args[1].matches("[1-9][0-9]*") || !args[3].matches("[1-9][0-9]*") || !args[4].matches("[1-9][0-9]*")) {
            System.err.println("usage: InterleavedTierRun append|read RECORD_SIZE sync|nosync ROUNDS MILLIS TIERS"
                + " (e.g. append 4096 sync 15 1000 raw,file-pread,block-buffered; sizes, rounds and millis are positive integers)");
            System.exit(2);
        }
        final boolean append = "append".equals(args[0]);
        final int recordSize = Integer.parseInt(args[1]);
        final boolean sync = "sync".equals(args[2]);
        final int rounds = Integer.parseInt(args[3]);
        final long millis = Long.parseLong(args[4]);
        final String[] tiers = args[5].split(",");
        final List<TierWorkload> lanes = new ArrayList<>();
        final List<Path> dirs = new ArrayList<>();
        try {
            for (String t : tiers) {
                final Path dir = TierSetup.freshDirectory(t);
                dirs.add(dir);
                lanes.add(append ? new TierAppendWorkload(t, dir, recordSize, sync) : new TierReadWorkload(t, dir, recordSize));
            }
            final double[][] rates = new double[tiers.length][rounds];
            for (int r = -1; r < rounds; r++) {
                for (int k = 0; k < tiers.length; k++) {
                    final int lane = Math.floorMod(k + r, tiers.length);
                    final long ops = run(lanes.get(lane), millis);
                    if (r >= 0) {
                        rates[lane][r] = ops * 1000.0 / millis;
                    }
                }
            }
            System.out.printf("%s %d B%s, %d rounds of %d ms per tier (first round discarded as warm-up)%n",
                args[0], recordSize, append ? (sync ? ", sync each" : ", no sync") : "", rounds, millis);
            for (int k = 0; k < tiers.length; k++) {
                final double[] sorted = rates[k].clone();
                Arrays.sort(sorted);
                final double[] ratio = new double[rounds];
                int wins = 0;
                for (int r = 0; r < rounds; r++) {
                    ratio[r] = rates[k][r] / rates[0][r];
                    wins += rates[k][r] >= rates[0][r] ? 1 : 0;
                }
                Arrays.sort(ratio);
                System.out.printf("  %-16s median %,12.0f ops/s   median ratio to %s %.2f (quartiles %.2f-%.2f)   >= it in %d/%d rounds%n",
                    tiers[k], sorted[rounds / 2], tiers[0], ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4], wins, rounds);
            }
        } finally {
            for (TierWorkload l : lanes) {
                l.close();
            }
            for (Path d : dirs) {
                TierSetup.deleteRecursively(d);
            }
        }
    }
}
