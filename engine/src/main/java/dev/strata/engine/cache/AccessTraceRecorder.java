package dev.strata.engine.cache;

import java.io.IOException;
import java.io.Writer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;

/**
 * Records the keys a store reads, as 64-bit hashes in a ring buffer of {@code long}s, so that the
 * eviction lab can replay a real access pattern ({@code strata lab eviction --capture}). Recording
 * allocates nothing: a claim on a counter and one array store. When the ring is full the oldest
 * hashes are overwritten; {@link #dropped()} says how many.
 *
 * <h2>Threading</h2>
 * {@link #record} may be called from any number of threads at once (each claims its own position
 * with an atomic increment). Read the ring ({@link #drainTo}, {@link #writeCsv}) after the
 * recording threads have stopped: a hash being written at that moment may be missed.
 */
public final class AccessTraceRecorder {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(AccessTraceRecorder.class, "count", long.class);
        } catch (final ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long[] ring;
    private final int mask;
    @SuppressWarnings("unused") // through COUNT
    private volatile long count;

    /**
     * @param capacity how many of the latest accesses to keep: a power of two from 1 to 2^30
     * @throws IllegalArgumentException for another capacity
     */
    public AccessTraceRecorder(final int capacity) {
        if (capacity < 1 || capacity > 1 << 30 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two from 1 to 2^30, got " + capacity);
        }
        ring = new long[capacity];
        mask = capacity - 1;
    }

    /** Records one access by key hash. */
    public void record(final long keyHash) {
        final long position = (long)COUNT.getAndAdd(this, 1L);
        ring[(int)(position & mask)] = keyHash;
    }

    /** Records one access to the key in {@code key[offset, offset + length)}, hashed by {@link #hash}. */
    public void record(final DirectBuffer key, final int offset, final int length) {
        record(hash(key, offset, length));
    }

    /** @return the number of accesses recorded since creation or the last {@link #drainTo} */
    public long recorded() {
        return count;
    }

    /** @return how many of the recorded accesses were overwritten because the ring was full */
    public long dropped() {
        return Math.max(0, count - ring.length);
    }

    /** @return how many accesses the ring keeps */
    public int capacity() {
        return ring.length;
    }

    /**
     * Copies the kept hashes, oldest first, into {@code dst} and empties the recorder.
     *
     * @param dst at least {@code min(recorded(), capacity())} long
     * @return the number of hashes copied
     */
    public int drainTo(final long[] dst) {
        final long total = count;
        final int kept = (int)Math.min(total, ring.length);
        if (dst.length < kept) {
            throw new IllegalArgumentException("dst holds " + dst.length + " hashes, " + kept + " are kept");
        }
        final long first = total - kept;
        for (int i = 0; i < kept; i++) {
            dst[i] = ring[(int)((first + i) & mask)];
        }
        COUNT.setVolatile(this, 0L);
        return kept;
    }

    /**
     * Writes the kept hashes, oldest first, one decimal number per line (the eviction lab's
     * {@code csv} trace format), without emptying the recorder.
     *
     * @return the number of lines written
     */
    public int writeCsv(final Writer out) throws IOException {
        final long total = count;
        final int kept = (int)Math.min(total, ring.length);
        final long first = total - kept;
        for (int i = 0; i < kept; i++) {
            out.write(Long.toString(ring[(int)((first + i) & mask)]));
            out.write('\n');
        }
        out.flush();
        return kept;
    }

    /**
     * @return a well-mixed 64-bit hash of the bytes {@code key[offset, offset + length)}: eight bytes
     *         at a time, each folded in with a multiply and the MurmurHash3 finaliser at the end
     */
    public static long hash(final DirectBuffer key, final int offset, final int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = (h ^ key.getLong(offset + i, ByteOrder.LITTLE_ENDIAN)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        for (; i < length; i++) {
            h = (h ^ (key.getByte(offset + i) & 0xFF)) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
