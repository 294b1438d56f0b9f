package dev.strata.engine.store;

import dev.strata.StoreConfig;
import dev.strata.engine.KeyComparator;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One compaction: its input segments (marked {@link SstFile#compacting} while it runs), the level
 * its output goes to, and whether that output is bottommost (nothing older for its keys below),
 * which lets tombstones go. Chosen under the version lock.
 */
final class CompactionPick {
    final int namespace;
    final int outputLevel;
    final List<SstFile> inputs;
    final boolean bottommost;
    private final boolean move;

    private CompactionPick(final int namespace, final int outputLevel, final List<SstFile> inputs, final boolean bottommost,
        final boolean move) {
        this.namespace = namespace;
        this.outputLevel = outputLevel;
        this.inputs = inputs;
        this.bottommost = bottommost;
        this.move = move;
        for (SstFile f : inputs) {
            f.compacting = true;
        }
    }

    /** @return whether the single input just moves down a level (nothing overlaps it there) */
    boolean trivialMove() {
        return move;
    }

    /** @return the most urgent compaction across namespaces (highest score ≥ 1), or {@code null} */
    static CompactionPick choose(final Version v, final StoreConfig config, final int[] nextFileInLevel) {
        double best = 1.0;
        int bestNs = -1;
        int bestLevel = -1;
        for (int ns = 0; ns < v.trees.length; ns++) {
            final Tree t = v.trees[ns];
            if (anyCompacting(t)) {
                continue;
            }
            final double l0 = (double)t.levels[0].length / config.level0Trigger();
            if (l0 >= best) {
                best = l0;
                bestNs = ns;
                bestLevel = 0;
            }
            long target = config.baseLevelBytes();
            for (int l = 1; l < t.levels.length - 1; l++) {
                final double score = (double)t.levelBytes(l) / target;
                if (score > best) {
                    best = score;
                    bestNs = ns;
                    bestLevel = l;
                }
                target *= config.levelMultiplier();
            }
        }
        if (bestNs < 0) {
            return null;
        }
        final Tree t = v.trees[bestNs];
        final List<SstFile> inputs = new ArrayList<>();
        if (bestLevel == 0) {
            for (SstFile f : t.levels[0]) {
                inputs.add(f);
            }
        } else {
            final SstFile[] files = t.levels[bestLevel];
            inputs.add(files[nextFileInLevel[bestLevel]++ % files.length]);
        }
        return withOverlaps(t, bestNs, bestLevel, inputs);
    }

    /** @return a compaction of every segment of {@code ns} into {@code level}, or {@code null} if it holds at most one segment there already */
    static CompactionPick all(final Version v, final int ns, final int level) {
        final Tree t = v.trees[ns];
        final List<SstFile> inputs = new ArrayList<>();
        for (SstFile[] files : t.levels) {
            for (SstFile f : files) {
                inputs.add(f);
            }
        }
        if (inputs.isEmpty() || inputs.size() == 1 && t.levels[level].length == 1) {
            return null;
        }
        return new CompactionPick(ns, level, inputs, true, false);
    }

    private static CompactionPick withOverlaps(final Tree t, final int ns, final int level, final List<SstFile> inputs) {
        UnsafeBuffer lo = inputs.get(0).smallest;
        UnsafeBuffer hi = inputs.get(0).largest;
        for (SstFile f : inputs) {
            lo = min(lo, f.smallest);
            hi = max(hi, f.largest);
        }
        final int out = level + 1;
        final List<SstFile> overlapping = new ArrayList<>();
        for (SstFile f : t.levels[out]) {
            if (f.overlaps(lo, hi)) {
                overlapping.add(f);
            }
        }
        boolean bottommost = true;
        for (int l = out + 1; l < t.levels.length && bottommost; l++) {
            for (SstFile f : t.levels[l]) {
                if (f.overlaps(lo, hi)) {
                    bottommost = false;
                    break;
                }
            }
        }
        final boolean move = level > 0 && overlapping.isEmpty() && inputs.size() == 1;
        inputs.addAll(overlapping);
        return new CompactionPick(ns, out, inputs, bottommost, move);
    }

    private static boolean anyCompacting(final Tree t) {
        for (SstFile[] level : t.levels) {
            for (SstFile f : level) {
                if (f.compacting) {
                    return true;
                }
            }
        }
        return false;
    }

    private static UnsafeBuffer min(final UnsafeBuffer a, final UnsafeBuffer b) {
        return KeyComparator.compareKeys(a, 0, a.capacity(), b, 0, b.capacity()) <= 0 ? a : b;
    }

    private static UnsafeBuffer max(final UnsafeBuffer a, final UnsafeBuffer b) {
        return KeyComparator.compareKeys(a, 0, a.capacity(), b, 0, b.capacity()) >= 0 ? a : b;
    }
}
