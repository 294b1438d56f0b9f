package dev.strata.engine.store;

import static dev.strata.engine.sst.SegmentFileDescriptor.ORDER;

import dev.strata.CorruptionException;
import dev.strata.compression.CompressionException;
import dev.strata.compression.FrameReader;
import dev.strata.engine.EntryKind;
import dev.strata.engine.KeyComparator;
import dev.strata.engine.Trailer;
import dev.strata.engine.sst.BlockCorruptionException;
import dev.strata.engine.sst.DataBlockCursor;
import dev.strata.engine.sst.SegmentFileDescriptor;
import dev.strata.engine.sst.SstReader;
import dev.strata.tier.SegmentReader;
import dev.strata.tier.TierException;
import java.util.function.Consumer;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Reads one sorted segment through, for verify and dump. {@link SstReader#open} checks the header,
 * footer, index and filter; then every data block the index lists is read, its frame verified
 * (CRC32C) and decoded, and every entry visited. The blocks are walked here, from the index, rather
 * than with {@code SstReadContext.seekToFirst/next}, so that a corrupt block is reported and the
 * walk goes on with the next one: every problem in a segment is found, not just the first.
 *
 * <p>Also checked: internal keys strictly increase across the segment; each index key is the last
 * key of its block; blocks are contiguous from the header to the filter; entry kinds are known;
 * every user key passes the bloom filter; the footer's counts and sequence range match the
 * entries. Offline tool: allocates freely.
 */
final class InspectSst {
    /** Receives entries; views are valid during the call. */
    @FunctionalInterface
    interface EntryVisitor {
        /** @return {@code false} to stop the walk */
        boolean entry(DirectBuffer key, int keyLength, long trailer, DirectBuffer value, int valueOffset, int valueLength);
    }

    /** Problems reported per segment before the rest are only counted. */
    static final int MAX_PROBLEMS = 50;

    private final InspectTarget target;
    private final long id;
    private final String label;
    private final Consumer<InspectProblem> sink;
    private final ExpandableArrayBuffer previous = new ExpandableArrayBuffer(256);
    private int previousLength = -1;
    private long previousTrailer;
    /** Problems found in this segment. */
    int problems;
    /** Whether the segment passed {@link SstReader#open}. */
    boolean opened;
    /** Whether a visitor stopped the walk. */
    boolean stopped;
    long length = -1;
    long blocks;
    /** Data blocks whose frame or contents failed. */
    long unreadable;
    long entries;
    long smallestSequence = Long.MAX_VALUE;
    long largestSequence = -1;
    byte[] firstKey;
    byte[] lastKey;

    private InspectSst(final InspectTarget target, final long id, final Consumer<InspectProblem> sink) {
        this.target = target;
        this.id = id;
        this.label = target.segmentLabel(id, true);
        this.sink = sink;
    }

    /** Walks sealed segment {@code id}, reporting problems to {@code sink}. */
    static InspectSst walk(final InspectTarget target, final long id, final EntryVisitor visitor, final Consumer<InspectProblem> sink) {
        final InspectSst walk = new InspectSst(target, id, sink);
        final SstReader reader;
        try {
            reader = SstReader.open(target.tier, id);
        } catch (final CorruptionException e) {
            walk.error(e.offset(), InspectLayout.expected(e));
            return walk;
        } catch (final TierException e) {
            walk.error(-1, e.getMessage());
            return walk;
        }
        walk.opened = true;
        try (reader; SegmentReader segment = target.tier.open(id); FrameReader frames = new FrameReader();
             DataBlockCursor index = new DataBlockCursor(); DataBlockCursor block = new DataBlockCursor()) {
            walk.length = segment.length();
            walk.blocks(reader, segment, frames, index, block, visitor);
        } catch (final TierException e) {
            walk.error(-1, e.getMessage());
        }
        if (walk.problems > MAX_PROBLEMS) {
            sink.accept(new InspectProblem(InspectProblem.Severity.ERROR, walk.label, id, -1, -1, (walk.problems - MAX_PROBLEMS)
                + " more problems in this segment not listed"));
        }
        return walk;
    }

    private void blocks(final SstReader reader, final SegmentReader segment, final FrameReader frames, final DataBlockCursor index,
        final DataBlockCursor block, final EntryVisitor visitor) {
        final long footerAt = length - SegmentFileDescriptor.FOOTER_LENGTH;
        final ExpandableArrayBuffer footer = new ExpandableArrayBuffer(SegmentFileDescriptor.FOOTER_LENGTH);
        segment.read(footerAt, footer, 0, SegmentFileDescriptor.FOOTER_LENGTH);
        final long indexAt = footer.getLong(SegmentFileDescriptor.INDEX_OFFSET, ORDER);
        final long filterAt = footer.getLong(SegmentFileDescriptor.FILTER_OFFSET, ORDER);
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(64 << 10);
        final ExpandableArrayBuffer data = new ExpandableArrayBuffer(64 << 10);
        final ExpandableArrayBuffer indexBlock = new ExpandableArrayBuffer(4096);
        final int indexLength = readFrame(segment, frames, indexAt, footer.getInt(SegmentFileDescriptor.INDEX_LENGTH, ORDER), frame, indexBlock);
        if (indexLength < 0) {
            return;
        }
        long expectedAt = SegmentFileDescriptor.HEADER_LENGTH;
        long blockNumber = 0;
        try {
            index.wrap(indexBlock, 0, indexLength).seekToFirst();
            for (; index.isValid() && !stopped; index.next(), blockNumber++) {
                if (index.valueLength() != SegmentFileDescriptor.INDEX_VALUE_LENGTH) {
                    error(indexAt, "index entry " + blockNumber + " has a value of " + index.valueLength() + " bytes, expected "
                        + SegmentFileDescriptor.INDEX_VALUE_LENGTH + " (block offset and frame length)");
                    return;
                }
                final long at = index.value().getLong(index.valueOffset(), ORDER);
                final int frameLength = index.value().getInt(index.valueOffset() + 8, ORDER);
                if (at != expectedAt) {
                    error(at, "data block " + blockNumber + " starts at offset " + at + ", expected " + expectedAt + " (blocks follow each other from the header)");
                }
                expectedAt = at + frameLength;
                final int n = readFrame(segment, frames, at, frameLength, frame, data);
                if (n >= 0 && entries(reader, block, data, n, at, index, visitor)) {
                    blocks++;
                } else {
                    unreadable++;
                }
            }
        } catch (final BlockCorruptionException e) {
            error(indexAt, "index block entry " + blockNumber + ": " + e.getMessage());
            return;
        }
        if (stopped) {
            return;
        }
        if (expectedAt != filterAt) {
            error(expectedAt, "the last data block ends at offset " + expectedAt + ", but the filter starts at " + filterAt);
        }
        footerCheck(footerAt, "data block count", footer.getInt(SegmentFileDescriptor.BLOCK_COUNT, ORDER), blockNumber);
        if (unreadable > 0) {
            return; // the counts below would only repeat that blocks were lost
        }
        footerCheck(footerAt, "entry count", footer.getLong(SegmentFileDescriptor.ENTRY_COUNT, ORDER), entries);
        if (entries > 0) {
            footerCheck(footerAt, "smallest sequence", footer.getLong(SegmentFileDescriptor.SMALLEST_SEQUENCE, ORDER), smallestSequence);
            footerCheck(footerAt, "largest sequence", footer.getLong(SegmentFileDescriptor.LARGEST_SEQUENCE, ORDER), largestSequence);
        }
    }

    private void footerCheck(final long footerAt, final String what, final long stored, final long found) {
        if (stored != found) {
            error(footerAt, "the footer's " + what + " is " + stored + ", the data blocks give " + found);
        }
    }

    /** @return the uncompressed length now in {@code out}, or -1 after reporting the frame corrupt */
    private int readFrame(final SegmentReader segment, final FrameReader frames, final long at, final int frameLength,
        final ExpandableArrayBuffer frame, final ExpandableArrayBuffer out) {
        if (at < SegmentFileDescriptor.HEADER_LENGTH || frameLength <= 0 || at + frameLength > length - SegmentFileDescriptor.FOOTER_LENGTH) {
            error(at, "a block frame of " + frameLength + " bytes between the header and the footer");
            return -1;
        }
        frame.checkLimit(frameLength);
        final int n = segment.read(at, frame, 0, frameLength);
        if (n != frameLength) {
            error(at, "a block frame of " + frameLength + " bytes; the segment ends after " + n);
            return -1;
        }
        try {
            final int verified = frames.verify(frame, 0, frameLength);
            if (verified != frameLength) {
                error(at, "a block frame of " + frameLength + " bytes as the index says; the frame header says " + verified);
                return -1;
            }
            final int size = FrameReader.uncompressedLength(frame, 0);
            out.checkLimit(size);
            return frames.read(frame, 0, frameLength, out, 0, size);
        } catch (final CompressionException e) {
            // the frame reader's offset is within our buffer (0); the problem carries the segment offset
            error(at, String.valueOf(e.getMessage()).replace("corrupt block frame at offset 0: ", "corrupt block frame: "));
            return -1;
        }
    }

    /** @return {@code false} if the block does not parse */
    private boolean entries(final SstReader reader, final DataBlockCursor block, final DirectBuffer data, final int size, final long at,
        final DataBlockCursor index, final EntryVisitor visitor) {
        long n = 0;
        try {
            block.wrap(data, 0, size).seekToFirst();
            for (; block.isValid(); block.next(), n++) {
                check(reader, block, at, n);
                if (!visitor.entry(block.key(), block.keyLength(), block.trailer(), block.value(), block.valueOffset(), block.valueLength())) {
                    stopped = true;
                    return true;
                }
            }
        } catch (final BlockCorruptionException e) {
            error(at, "data block, entry " + n + ": " + e.getMessage());
            return false;
        }
        if (n == 0) {
            error(at, "a data block with at least one entry");
        } else if (KeyComparator.compareInternal(previous, 0, previousLength, previousTrailer, index.key(), 0, index.keyLength(), index.trailer()) != 0) {
            error(at, "the index names " + describe(index.key(), index.keyLength(), index.trailer()) + " as this block's last key, the block ends with "
                + describe(previous, previousLength, previousTrailer));
        }
        return true;
    }

    private void check(final SstReader reader, final DataBlockCursor block, final long at, final long n) {
        final DirectBuffer key = block.key();
        final int keyLength = block.keyLength();
        final long trailer = block.trailer();
        final boolean newUserKey = previousLength < 0 || KeyComparator.compareKeys(previous, 0, previousLength, key, 0, keyLength) != 0;
        if (previousLength >= 0 && KeyComparator.compareInternal(previous, 0, previousLength, previousTrailer, key, 0, keyLength, trailer) >= 0) {
            error(at, "entry " + n + " of the data block: internal keys strictly increasing, but " + describe(key, keyLength, trailer)
                + " follows " + describe(previous, previousLength, previousTrailer));
        }
        final EntryKind kind = EntryKind.fromCode(Trailer.kindCode(trailer));
        if (kind == null) {
            error(at, "entry " + n + " of the data block: a known entry kind, found code " + Trailer.kindCode(trailer));
        } else if (kind == EntryKind.PUT_TTL && block.valueLength() < 8) {
            error(at, "entry " + n + " of the data block: a PUT_TTL value of at least its 8-byte expiry, found " + block.valueLength() + " bytes");
        } else if (kind == EntryKind.DELETE && block.valueLength() != 0) {
            error(at, "entry " + n + " of the data block: an empty DELETE value, found " + block.valueLength() + " bytes");
        }
        if (newUserKey && !reader.mightContain(key, 0, keyLength)) {
            error(at, "entry " + n + " of the data block: the bloom filter rejects its key " + InspectOutput.bytes(key, 0, keyLength, 64)
                + " (the filter is corrupt, lookups of this key would miss it)");
        }
        final long sequence = Trailer.sequence(trailer);
        smallestSequence = Math.min(smallestSequence, sequence);
        largestSequence = Math.max(largestSequence, sequence);
        if (firstKey == null) {
            firstKey = new byte[keyLength];
            key.getBytes(0, firstKey);
        }
        if (newUserKey) {
            lastKey = new byte[keyLength];
            key.getBytes(0, lastKey);
        }
        previous.putBytes(0, key, 0, keyLength);
        previousLength = keyLength;
        previousTrailer = trailer;
        entries++;
    }

    private static String describe(final DirectBuffer key, final int keyLength, final long trailer) {
        return "(" + InspectOutput.bytes(key, 0, keyLength, 64) + ", seq " + Trailer.sequence(trailer) + ", kind " + Trailer.kindCode(trailer) + ")";
    }

    private void error(final long offset, final String message) {
        if (++problems <= MAX_PROBLEMS) {
            sink.accept(new InspectProblem(InspectProblem.Severity.ERROR, label, id, offset, target.fileOffset(id, offset), message));
        }
    }
}
