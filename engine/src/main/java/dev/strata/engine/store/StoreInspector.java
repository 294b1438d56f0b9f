package dev.strata.engine.store;

import dev.strata.CorruptionException;
import dev.strata.StoreOpenException;
import dev.strata.compression.JvmFlags;
import dev.strata.tier.TierKind;
import java.nio.file.Path;
import java.util.List;

/**
 * Looks into a store directory without opening the store: {@link #inspect} (what it holds),
 * {@link #verify} (every checksum and structure, every problem) and {@link #dump} (the entries).
 * The engine of {@code strata inspect | verify | dump}, after Aeron's {@code ArchiveTool}.
 *
 * <pre>{@code
 * try (StoreInspector inspector = StoreInspector.open(dir)) {
 *     InspectVerification result = inspector.verify(System.out);
 *     if (!result.ok()) { ... result.errors() ... }
 * }
 * }</pre>
 *
 * <h2>What open does and does not do</h2>
 * It tells the tier from the layout ({@code store.blk}: block tier; {@code objects/}: local object
 * tier; else the file tier), takes the {@code LOCK} file lock so that no store opens the directory
 * meanwhile (a directory without {@code LOCK}, such as a checkpoint, is not locked), opens the tier
 * and reads the manifest pointer and the manifest. It never recovers: no WAL replay, no sealing,
 * truncation or deletion. An unreadable pointer or manifest does not stop it; the problem is
 * reported and segments are classified by their magic numbers instead.
 *
 * <h2>Output</h2>
 * Each operation prints to the caller's {@link Appendable}, line by line (an {@link
 * java.io.IOException} from it becomes {@link java.io.UncheckedIOException}). One thread at a time;
 * not on the hot path, allocates freely.
 */
public final class StoreInspector implements AutoCloseable {
    /** {@link #dump}: every segment. */
    public static final long ALL_SEGMENTS = -1;
    /** {@link #dump}: no limit on entries. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    private final InspectTarget target;
    private final InspectLayout layout;

    private StoreInspector(final InspectTarget target, final InspectLayout layout) {
        this.target = target;
        this.layout = layout;
    }

    /**
     * What {@link #dump} printed.
     *
     * @param entries  entries printed
     * @param problems corrupt blocks or records met (printed and skipped)
     */
    public record DumpResult(long entries, List<InspectProblem> problems) {
    }

    /** Opens the store in {@code directory} for inspection (object tier: prefix {@code ""}, the default). */
    public static StoreInspector open(final Path directory) {
        return open(directory, "");
    }

    /**
     * Opens the store in {@code directory} for inspection.
     *
     * @param objectPrefix the object prefix the store was configured with (local object tier only)
     * @throws StoreOpenException  if the directory is missing, is not a store, or a store has it open
     * @throws CorruptionException if a block tier file is unreadable as such
     * @throws dev.strata.tier.TierException if the tier cannot be opened (the message says why)
     */
    public static StoreInspector open(final Path directory, final String objectPrefix) {
        JvmFlags.requireAgrona("Strata store inspector");
        final InspectTarget target = InspectTarget.open(directory, objectPrefix);
        try {
            return new StoreInspector(target, InspectLayout.read(target));
        } catch (final RuntimeException | Error e) {
            target.close();
            throw e;
        }
    }

    /** @return the tier the store lives on */
    public TierKind tierKind() {
        return target.kind;
    }

    /** @return the id of the manifest segment the metadata slot points at, or -1 if the pointer is missing or unreadable */
    public long manifestSegment() {
        return layout.pointer;
    }

    /** @return {@code true} if the manifest pointer and the manifest were read and verified */
    public boolean manifestReadable() {
        return layout.manifest != null;
    }

    /**
     * Prints a summary: tier, manifest counters, namespaces, per namespace and level the segments
     * (count, bytes, entries, key range) and each segment, the WAL segments and any orphans.
     * Reads the manifest only, no data blocks.
     *
     * @return {@code false} if the manifest pointer or manifest is unreadable (the summary says so)
     */
    public boolean inspect(final Appendable out) {
        return InspectSummary.print(target, layout, new InspectOutput(out));
    }

    /**
     * Checks every checksum and structure: the manifest pointer and manifest; for every sorted
     * segment its header, footer, index and filter, then every data block (CRC32C, decoding, keys
     * strictly increasing, index and footer agreeing with the blocks, bloom filter without false
     * negatives) and its manifest entry; level invariants; every WAL record. Prints each problem as
     * it is found, then a summary line.
     */
    public InspectVerification verify(final Appendable out) {
        return InspectVerifier.verify(target, layout, new InspectOutput(out));
    }

    /**
     * Prints entries: per sorted segment a line {@code segment <id> ns=<name> L<level>}, per WAL
     * segment {@code wal segment <id> (...)}, then one line per entry, {@code key=K seq=S kind=KIND
     * value=V (len N)} (WAL entries start with {@code ns=<name>}; a PUT_TTL entry shows
     * {@code expires=<instant>}). Keys and values print as text when every byte is visible ASCII,
     * else as {@code 0x}-hex; values are cut at 64 bytes.
     *
     * @param segmentId one segment (sorted or WAL), or {@link #ALL_SEGMENTS}
     * @param walOnly   only the WAL segments (ignored when {@code segmentId} is given)
     * @param limit     the most entries to print, or {@link #NO_LIMIT}
     * @throws IllegalArgumentException if {@code segmentId} names no sorted or WAL segment of the store
     */
    public DumpResult dump(final Appendable out, final long segmentId, final boolean walOnly, final long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        return InspectDumper.dump(target, layout, new InspectOutput(out), segmentId, walOnly, limit);
    }

    /** Closes the tier and releases the lock. */
    @Override
    public void close() {
        target.close();
    }

    @Override
    public String toString() {
        return "StoreInspector(" + target.directory + ")";
    }
}
