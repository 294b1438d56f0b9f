package dev.strata.engine.store;

import dev.strata.StoreConfig;
import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import dev.strata.engine.sst.SstReader;
import dev.strata.engine.sst.SstWriter;
import dev.strata.compression.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the entries of an iterator that a {@link VersionFilter} keeps into new sorted segments of
 * one namespace, cutting a new segment past the target size at a user-key boundary (so the
 * versions of a key never straddle two segments, which keeps deeper levels disjoint). Used by
 * flush and compaction. On failure it deletes what it wrote.
 */
final class TableOutput {
    private static final UnsafeBuffer EMPTY = new UnsafeBuffer(new byte[0]);

    private final StoreConfig config;
    private final VersionSet versions;
    private final List<SstFile> outputs = new ArrayList<>();
    private final UnsafeBuffer lastKey = new UnsafeBuffer(new byte[dev.strata.Store.MAX_KEY_LENGTH]);
    private byte[] smallest;
    private int lastKeyLength = -1;
    private SstWriter writer;
    private long writerId;
    private long bytesWritten;
    private long dropped;

    TableOutput(final StoreConfig config, final VersionSet versions) {
        this.config = config;
        this.versions = versions;
    }

    /**
     * Drains {@code it} (already positioned) into segments of namespace {@code ns}.
     *
     * @param stop checked every few thousand entries; when it says so the output is abandoned
     * @return the new segments, each with the creator's reference, or an empty list if nothing was kept
     * @throws CancellationException if {@code stop} fired
     */
    List<SstFile> write(final InternalIterator it, final int ns, final Codec codec, final VersionFilter filter, final long targetBytes,
        final BooleanSupplier stop) {
        try {
            long n = 0;
            while (it.valid()) {
                if ((++n & 4095) == 0 && stop.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException("store closing");
                }
                final int decision = filter.decide(it.key(), it.keyOffset(), it.keyLength(), it.trailer(), it.value(), it.valueOffset(),
                    it.valueLength());
                if (decision == VersionFilter.DROP) {
                    dropped++;
                } else {
                    add(it, ns, codec, targetBytes, decision == VersionFilter.KEEP_AS_TOMBSTONE);
                }
                it.next();
            }
            finishWriter(ns);
            return outputs;
        } catch (final RuntimeException e) {
            abandon();
            throw e;
        }
    }

    private void add(final InternalIterator it, final int ns, final Codec codec, final long targetBytes, final boolean asTombstone) {
        final boolean newKey = lastKeyLength != it.keyLength()
            || KeyComparator.compareKeys(lastKey, 0, lastKeyLength, it.key(), it.keyOffset(), it.keyLength()) != 0;
        if (writer != null && newKey && writer.length() >= targetBytes) {
            finishWriter(ns);
        }
        if (writer == null) {
            writerId = versions.newSegmentId();
            writer = new SstWriter(versions.tier, writerId, codec, config.blockSize(), config.bloomBitsPerKey());
            smallest = new byte[it.keyLength()];
            it.key().getBytes(it.keyOffset(), smallest);
        }
        if (asTombstone) {
            writer.add(it.key(), it.keyOffset(), it.keyLength(), Trailer.pack(Trailer.sequence(it.trailer()), EntryKind.DELETE), EMPTY, 0, 0);
        } else {
            writer.add(it.key(), it.keyOffset(), it.keyLength(), it.trailer(), it.value(), it.valueOffset(), it.valueLength());
        }
        if (newKey) {
            lastKey.putBytes(0, it.key(), it.keyOffset(), it.keyLength());
            lastKeyLength = it.keyLength();
        }
    }

    private void finishWriter(final int ns) {
        if (writer == null) {
            return;
        }
        final long size;
        try {
            size = writer.finish();
        } finally {
            writer.close();
            writer = null;
        }
        bytesWritten += size;
        final byte[] largest = new byte[lastKeyLength];
        lastKey.getBytes(0, largest);
        final SstReader reader = SstReader.open(versions.tier, writerId);
        outputs.add(new SstFile(ns, writerId, size, reader.entries(), reader.smallestSequence(), reader.largestSequence(), smallest, largest,
            reader, versions.tier));
    }

    private void abandon() {
        if (writer != null) {
            writer.close();
            writer = null;
            versions.tier.delete(writerId);
        }
        for (SstFile f : outputs) {
            f.obsolete = true;
            f.unref();
        }
        outputs.clear();
    }

    long bytesWritten() {
        return bytesWritten;
    }

    long dropped() {
        return dropped;
    }
}
