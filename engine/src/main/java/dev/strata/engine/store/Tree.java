package dev.strata.engine.store;

import dev.strata.engine.KeyComparator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.DirectBuffer;

/**
 * One namespace's sorted segments by level, immutable. Level 0 holds flushed memtables, which may
 * overlap, newest first. Levels 1 and up each hold segments with disjoint key ranges, sorted by
 * smallest key, so a point read touches at most one per level.
 */
final class Tree {
    static final SstFile[] NONE = new SstFile[0];

    final SstFile[][] levels;

    Tree(final SstFile[][] levels) {
        this.levels = levels;
    }

    static Tree empty(final int maxLevels) {
        final SstFile[][] levels = new SstFile[maxLevels][];
        Arrays.fill(levels, NONE);
        return new Tree(levels);
    }

    /** @return this tree with {@code added} at the front of level 0 */
    Tree withFlushed(final SstFile added) {
        final SstFile[][] copy = levels.clone();
        final SstFile[] l0 = new SstFile[levels[0].length + 1];
        l0[0] = added;
        System.arraycopy(levels[0], 0, l0, 1, levels[0].length);
        copy[0] = l0;
        return new Tree(copy);
    }

    /** @return this tree without {@code removed} (any level) and with {@code added} placed in {@code level}, kept sorted */
    Tree withCompaction(final List<SstFile> removed, final int level, final List<SstFile> added) {
        final SstFile[][] copy = levels.clone();
        for (int l = 0; l < copy.length; l++) {
            final List<SstFile> keep = new ArrayList<>();
            for (SstFile f : copy[l]) {
                if (!removed.contains(f)) {
                    keep.add(f);
                }
            }
            if (l == level) {
                keep.addAll(added);
                keep.sort((a, b) -> KeyComparator.compareKeys(a.smallest, 0, a.smallest.capacity(), b.smallest, 0, b.smallest.capacity()));
            }
            copy[l] = keep.toArray(NONE);
        }
        return new Tree(copy);
    }

    /** @return the index in level {@code level} ≥ 1 of the segment that may hold {@code key}, or -1 */
    int find(final int level, final DirectBuffer key, final int offset, final int length) {
        final SstFile[] files = levels[level];
        int lo = 0;
        int hi = files.length - 1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final SstFile f = files[mid];
            if (KeyComparator.compareKeys(f.largest, 0, f.largest.capacity(), key, offset, length) < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo < files.length ? lo : -1;
    }

    long levelBytes(final int level) {
        long total = 0;
        for (SstFile f : levels[level]) {
            total += f.size;
        }
        return total;
    }

    /** @return the deepest level holding any segment, or -1 */
    int lastNonEmptyLevel() {
        for (int l = levels.length - 1; l >= 0; l--) {
            if (levels[l].length > 0) {
                return l;
            }
        }
        return -1;
    }
}
