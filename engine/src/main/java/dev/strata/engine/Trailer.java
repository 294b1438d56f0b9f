package dev.strata.engine;

/**
 * The 8-byte trailer of an internal key: a 56-bit sequence number and an 8-bit {@link EntryKind}.
 *
 * <pre>
 *   63                                                   8 7        0
 *  +------------------------------------------------------+----------+
 *  |                 sequence number (56 bits)            |   kind   |
 *  +------------------------------------------------------+----------+
 * </pre>
 *
 * Sequence numbers start at 1 and grow by one per write (a batch takes a contiguous range); 0 is
 * never used by a write, which lets "sequence ≤ snapshot" searches start from
 * {@code pack(snapshot, MAX_KIND)}.
 */
public final class Trailer {
    /** The largest sequence number a trailer can hold. */
    public static final long MAX_SEQUENCE = (1L << 56) - 1;

    /**
     * Sequence numbers from here up never come from the store's log: a transaction's uncommitted
     * writes use them in its private write set, so that they sort before (are newer than) every
     * committed version of a key and a read point never hides them.
     */
    public static final long OVERLAY_BASE = MAX_SEQUENCE - (1L << 40);

    /** @return whether {@code trailer} is visible at read point {@code sequence} (committed at or before it, or a transaction's own write) */
    public static boolean visibleAt(final long trailer, final long sequence) {
        final long s = sequence(trailer);
        return s <= sequence || s >= OVERLAY_BASE;
    }

    private Trailer() {
    }

    public static long pack(final long sequence, final EntryKind kind) {
        return pack(sequence, kind.code());
    }

    public static long pack(final long sequence, final int kindCode) {
        return (sequence << 8) | (kindCode & 0xFF);
    }

    public static long sequence(final long trailer) {
        return trailer >>> 8;
    }

    public static int kindCode(final long trailer) {
        return (int)(trailer & 0xFF);
    }

    /**
     * @return the trailer that sorts first among all versions of a key with sequence ≤ {@code sequence}
     *     (highest kind code, so it sorts before every real entry at that sequence)
     */
    public static long seekTrailer(final long sequence) {
        return pack(sequence, 0xFF);
    }
}
