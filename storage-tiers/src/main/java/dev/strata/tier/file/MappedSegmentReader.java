package dev.strata.tier.file;

import java.io.FileNotFoundException;
import java.nio.file.Path;

import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;

import dev.strata.tier.TierIOException;
import dev.strata.tier.io.GuardedSegmentReader;
import dev.strata.tier.io.TierCounters;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.io.SingleThreadedChecked;

/**
 * Reads a sealed segment file through one read-only Chronicle Bytes memory map of the whole file
 * ({@link MappedBytes#singleMappedBytes(java.io.File, long, boolean)}; {@code long} offsets, so
 * files over 2 GiB map in one piece).
 *
 * <h2>Why the store and not the {@code Bytes}</h2>
 * A {@code MappedBytes} has a read position and single-thread checks; its underlying store is a
 * plain mapped region. Reads copy straight from the store: {@code nativeRead(offset, address,
 * size)} into an off-heap destination, {@code read(offset, byte[], ...)} into a heap one. Neither
 * moves any cursor, so concurrent readers need no lock, and neither allocates.
 *
 * <h2>Unmapping</h2>
 * Chronicle 2026.4 keeps the mapped file's own reservation on the store unless
 * {@code -DmappedFile.retain=true}, so closing the {@code MappedBytes} alone leaves the region
 * mapped until the process ends. {@link #close()} waits for reads in progress ({@link ReadGuard}),
 * closes the bytes, then releases that reservation so the region is unmapped at once.
 */
final class MappedSegmentReader extends GuardedSegmentReader {
    private final FileTier tier;
    private final Path file;
    private final long dataOffset;
    private final MappedBytes bytes;
    private final BytesStore<?, ?> store;
    private final MappedFile mappedFile;

    MappedSegmentReader(final FileTier tier, final long segmentId, final Path file, final long fileSize,
                        final SegmentFiles.Span span, final TierCounters counters) {
        super(segmentId, span.length(), counters);
        this.tier = tier;
        this.file = file;
        this.dataOffset = span.dataOffset();
        if (span.length() == 0) {
            bytes = null;
            store = null;
            mappedFile = null;
        } else {
            try {
                bytes = MappedBytes.singleMappedBytes(file.toFile(), fileSize, true);
            } catch (final FileNotFoundException | RuntimeException e) {
                throw new TierIOException("cannot map " + file + ": " + e + "; use ReadMode.PREAD if maps are not available here", e);
            }
            bytes.singleThreadedCheckDisabled(true);
            store = bytes.bytesStore();
            if (store instanceof SingleThreadedChecked) {
                // reads from several threads are safe (no cursor moves); Chronicle's owner-thread check would refuse them
                ((SingleThreadedChecked) store).singleThreadedCheckDisabled(true);
            }
            mappedFile = bytes.mappedFile();
        }
    }

    @Override
    protected void readRange(final long position, final MutableDirectBuffer dst, final int dstOffset, final int n) {
        final long at = dataOffset + position;
        final byte[] array = dst.byteArray();
        if (array != null) {
            final int arrayOffset = (int) (dst.addressOffset() - BufferUtil.ARRAY_BASE_OFFSET) + dstOffset;
            store.read(at, array, arrayOffset, n);
        } else {
            store.nativeRead(at, dst.addressOffset() + dstOffset, n);
        }
    }

    @Override
    protected void release() {
        if (bytes != null) {
            bytes.close();
            if (store.refCount() > 0) {
                store.release(mappedFile);
            }
        }
        tier.readerClosed(this);
    }

    @Override
    public String toString() {
        return "segment " + segmentId() + " (" + file + ", mapped)";
    }
}
