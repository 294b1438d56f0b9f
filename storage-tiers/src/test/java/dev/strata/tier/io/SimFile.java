package dev.strata.tier.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One simulated inode: the bytes the application sees ({@code current}), the bytes that survive a
 * power cut ({@code durable}), and the writes and truncations in between, in order.
 */
final class SimFile {
    private byte[] current;
    private long size;
    private byte[] durable;
    private long durableSize;
    private final List<long[]> pendingMeta = new ArrayList<>();
    private final List<byte[]> pendingData = new ArrayList<>();

    SimFile() {
        this(new byte[0], 0);
    }

    private SimFile(final byte[] bytes, final long size) {
        this.current = bytes;
        this.size = size;
        this.durable = bytes.clone();
        this.durableSize = size;
    }

    long size() {
        return size;
    }

    int read(final long position, final byte[] dst, final int length) {
        if (position >= size) {
            return -1;
        }
        final int n = (int) Math.min(length, size - position);
        System.arraycopy(current, (int) position, dst, 0, n);
        return n;
    }

    void write(final long position, final byte[] data) {
        current = apply(current, position, data);
        size = Math.max(size, position + data.length);
        pendingMeta.add(new long[] {position, -1});
        pendingData.add(data);
    }

    void truncate(final long newSize) {
        if (newSize < size) {
            size = newSize;
            Arrays.fill(current, (int) newSize, current.length, (byte) 0);
            pendingMeta.add(new long[] {newSize, 1});
            pendingData.add(null);
        }
    }

    /** fsync / fdatasync: everything written so far survives. */
    void force() {
        for (int i = 0; i < pendingMeta.size(); i++) {
            final long[] m = pendingMeta.get(i);
            if (m[1] < 0) {
                durable = apply(durable, m[0], pendingData.get(i));
                durableSize = Math.max(durableSize, m[0] + pendingData.get(i).length);
            } else {
                durableSize = Math.min(durableSize, m[0]);
                Arrays.fill(durable, (int) m[0], durable.length, (byte) 0);
            }
        }
        pendingMeta.clear();
        pendingData.clear();
    }

    /**
     * @return the file as it is after a power cut: the durable bytes plus a random subset of the
     *     unforced writes (each possibly torn to a prefix) and truncations, in their order
     */
    SimFile afterPowerCut(final Random random) {
        byte[] bytes = durable.clone();
        long sz = durableSize;
        for (int i = 0; i < pendingMeta.size(); i++) {
            if (!random.nextBoolean()) {
                continue;
            }
            final long[] m = pendingMeta.get(i);
            if (m[1] < 0) {
                byte[] data = pendingData.get(i);
                if (random.nextInt(4) == 0) {
                    data = Arrays.copyOf(data, random.nextInt(data.length + 1));
                }
                bytes = apply(bytes, m[0], data);
                sz = Math.max(sz, m[0] + data.length);
            } else {
                sz = Math.min(sz, m[0]);
                Arrays.fill(bytes, (int) m[0], bytes.length, (byte) 0);
            }
        }
        return new SimFile(bytes, sz);
    }

    private static byte[] apply(final byte[] target, final long position, final byte[] data) {
        final long end = position + data.length;
        byte[] t = target;
        if (end > t.length) {
            t = Arrays.copyOf(t, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8, 2L * t.length)));
        }
        System.arraycopy(data, 0, t, (int) position, data.length);
        return t;
    }
}
