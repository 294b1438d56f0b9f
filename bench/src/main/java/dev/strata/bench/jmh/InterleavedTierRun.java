package dev.strata.bench.jmh;

import dev.strata.tier.SegmentReader;
import dev.strata.tier.SegmentWriter;
import dev.strata.tier.Tier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

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

    /** One tier's workload, run for a while per round. */
    private interface Lane extends AutoCloseable {
        /** @return operations done in {@code millis} */
        long run(long millis) throws IOException;

        @Override
        void close() throws IOException;
    }

    public static void main(final String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: InterleavedTierRun append|read RECORD_SIZE sync|nosync ROUNDS MILLIS TIERS (e.g. raw,file-pread,block-buffered)");
            System.exit(2);
        }
        final boolean append = "append".equals(args[0]);
        final int recordSize = Integer.parseInt(args[1]);
        final boolean sync = "sync".equals(args[2]);
        final int rounds = Integer.parseInt(args[3]);
        final long millis = Long.parseLong(args[4]);
        final String[] tiers = args[5].split(",");
        final List<Lane> lanes = new ArrayList<>();
        final List<Path> dirs = new ArrayList<>();
        try {
            for (String t : tiers) {
                final Path dir = TierSetup.freshDirectory(t);
                dirs.add(dir);
                lanes.add(append ? new AppendLane(t, dir, recordSize, sync) : new ReadLane(t, dir, recordSize));
            }
            final double[][] rates = new double[tiers.length][rounds];
            for (int r = -1; r < rounds; r++) {
                for (int k = 0; k < tiers.length; k++) {
                    final int lane = Math.floorMod(k + r, tiers.length);
                    final long ops = lanes.get(lane).run(millis);
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
            for (Lane l : lanes) {
                l.close();
            }
            for (Path d : dirs) {
                TierSetup.deleteRecursively(d);
            }
        }
    }

    /** Sequential appends with the roll of {@link TierAppendBenchmark}. */
    private static final class AppendLane implements Lane {
        private final Path dir;
        private final Tier tier;
        private final boolean sync;
        private final ByteBuffer recordBuffer;
        private final UnsafeBuffer record;
        private FileChannel raw;
        private SegmentWriter writer;
        private long segmentId;
        private long written;

        AppendLane(final String kind, final Path dir, final int recordSize, final boolean sync) throws IOException {
            this.dir = dir;
            this.sync = sync;
            this.tier = "raw".equals(kind) ? null : TierSetup.open(kind, dir);
            recordBuffer = BufferUtil.allocateDirectAligned(recordSize, 4096);
            record = new UnsafeBuffer(recordBuffer);
            for (int i = 0; i < recordSize; i++) {
                record.putByte(i, (byte) (i * 31));
            }
            start();
        }

        private void start() throws IOException {
            segmentId++;
            written = 0;
            if (tier == null) {
                raw = FileChannel.open(dir.resolve(segmentId + ".seg"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } else {
                writer = tier.create(segmentId);
            }
        }

        @Override
        public long run(final long millis) throws IOException {
            final long end = System.nanoTime() + millis * 1_000_000L;
            long ops = 0;
            while (System.nanoTime() < end) {
                if (written + record.capacity() > TierAppendBenchmark.SEGMENT_BYTES) {
                    if (tier == null) {
                        raw.force(false);
                        raw.close();
                        Files.delete(dir.resolve(segmentId + ".seg"));
                    } else {
                        writer.seal();
                        tier.delete(segmentId);
                    }
                    start();
                }
                if (tier == null) {
                    recordBuffer.clear();
                    while (recordBuffer.hasRemaining()) {
                        raw.write(recordBuffer);
                    }
                    if (sync) {
                        raw.force(false);
                    }
                } else {
                    writer.append(record, 0, record.capacity());
                    if (sync) {
                        writer.sync();
                    }
                }
                written += record.capacity();
                ops++;
            }
            return ops;
        }

        @Override
        public void close() throws IOException {
            if (tier == null) {
                raw.close();
            } else {
                writer.close();
                tier.close();
            }
        }
    }

    /** Random aligned reads of a sealed segment of {@link TierReadBenchmark#SEGMENT_BYTES}, as {@link TierReadBenchmark}. */
    private static final class ReadLane implements Lane {
        private final Tier tier;
        private final FileChannel raw;
        private final SegmentReader reader;
        private final ByteBuffer targetBuffer;
        private final UnsafeBuffer target;
        private final int size;
        private final SplittableRandom random = new SplittableRandom(42);

        ReadLane(final String kind, final Path dir, final int size) throws IOException {
            this.size = size;
            targetBuffer = BufferUtil.allocateDirectAligned(size, 4096);
            target = new UnsafeBuffer(targetBuffer);
            final UnsafeBuffer chunk = new UnsafeBuffer(BufferUtil.allocateDirectAligned(1 << 20, 4096));
            for (int i = 0; i < chunk.capacity(); i++) {
                chunk.putByte(i, (byte) (i * 31));
            }
            if ("raw".equals(kind)) {
                tier = null;
                reader = null;
                final Path file = dir.resolve("read.seg");
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    for (long done = 0; done < TierReadBenchmark.SEGMENT_BYTES; done += chunk.capacity()) {
                        final ByteBuffer bb = chunk.byteBuffer().clear();
                        while (bb.hasRemaining()) {
                            ch.write(bb);
                        }
                    }
                    ch.force(false);
                }
                raw = FileChannel.open(file, StandardOpenOption.READ);
            } else {
                raw = null;
                tier = TierSetup.open(kind, dir);
                final SegmentWriter w = tier.create(1);
                for (long done = 0; done < TierReadBenchmark.SEGMENT_BYTES; done += chunk.capacity()) {
                    w.append(chunk, 0, chunk.capacity());
                }
                w.seal();
                reader = tier.open(1);
            }
        }

        @Override
        public long run(final long millis) throws IOException {
            final long end = System.nanoTime() + millis * 1_000_000L;
            final long slots = TierReadBenchmark.SEGMENT_BYTES / size;
            long ops = 0;
            while (System.nanoTime() < end) {
                final long position = random.nextLong(slots) * size;
                if (raw != null) {
                    targetBuffer.clear();
                    int n = 0;
                    while (targetBuffer.hasRemaining()) {
                        n += raw.read(targetBuffer, position + n);
                    }
                } else {
                    reader.read(position, target, 0, size);
                }
                ops++;
            }
            return ops;
        }

        @Override
        public void close() throws IOException {
            if (raw != null) {
                raw.close();
            } else {
                reader.close();
                tier.close();
            }
        }
    }
}
