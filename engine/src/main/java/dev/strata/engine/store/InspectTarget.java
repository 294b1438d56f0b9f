package dev.strata.engine.store;

import dev.strata.StoreOpenException;
import dev.strata.tier.Tier;
import dev.strata.tier.TierKind;
import dev.strata.tier.block.BlockTier;
import dev.strata.tier.block.BlockTierOptions;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import dev.strata.tier.file.MetadataFileDescriptor;
import dev.strata.tier.file.SegmentFileDescriptor;
import dev.strata.tier.object.LocalObjectStore;
import dev.strata.tier.object.ObjectTier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The store directory the inspector works on: its tier kind, told from the layout
 * ({@link StoreResources}: {@code store.blk} is a block tier, {@code objects/} a local object
 * tier, else a file tier), the {@code LOCK} file lock and the open tier.
 *
 * <p>Nothing is recovered, sealed or deleted. The tiers have no read-only mode, so opening one
 * does what every open does: the file tier probes that the directory is writable and removes a
 * stale {@code metadata.tmp}; the object tier removes put-temporaries over an hour old. A blank
 * {@code store.blk} is refused here, because the block tier would format it.
 */
final class InspectTarget implements AutoCloseable {
    final Path directory;
    final TierKind kind;
    final Tier tier;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private InspectTarget(final Path directory, final TierKind kind, final Tier tier, final FileChannel lockChannel, final FileLock lock) {
        this.directory = directory;
        this.kind = kind;
        this.tier = tier;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static InspectTarget open(final Path directory, final String objectPrefix) {
        if (!Files.exists(directory)) {
            throw new StoreOpenException("no store at " + directory + ": the directory does not exist; give the directory of a Strata store");
        }
        if (!Files.isDirectory(directory)) {
            throw new StoreOpenException(directory + " is not a directory; give the directory of a Strata store");
        }
        final TierKind kind = Files.exists(directory.resolve(StoreResources.BLOCK_FILE)) ? TierKind.BLOCK
            : Files.isDirectory(directory.resolve(StoreResources.OBJECTS_DIR)) ? TierKind.OBJECT : TierKind.FILE;
        if (kind == TierKind.FILE && !Files.exists(directory.resolve(MetadataFileDescriptor.FILE_NAME))) {
            throw new StoreOpenException(directory + " is not a Strata store: it holds no " + StoreResources.BLOCK_FILE + ", no "
                + StoreResources.OBJECTS_DIR + "/ and no file-tier '" + MetadataFileDescriptor.FILE_NAME
                + "' slot; give the directory a store was opened in");
        }
        if (kind == TierKind.BLOCK) {
            requireFormatted(directory.resolve(StoreResources.BLOCK_FILE));
        }
        final FileChannel channel = lockChannel(directory);
        FileLock lock = null;
        try {
            if (channel != null) {
                try {
                    lock = channel.tryLock();
                } catch (final OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    throw new StoreOpenException("the store at " + directory + " is open in another process; close it first");
                }
            }
            final Tier tier = openTier(directory, kind, objectPrefix);
            return new InspectTarget(directory, kind, tier, channel, lock);
        } catch (final IOException e) {
            release(channel, lock);
            throw new StoreOpenException("cannot lock the store at " + directory + ": " + e, e);
        } catch (final RuntimeException | Error e) {
            release(channel, lock);
            throw e;
        }
    }

    /** @return a writable channel on {@code LOCK} (needed for an exclusive lock), or {@code null} if there is none (a checkpoint) */
    private static FileChannel lockChannel(final Path directory) {
        final Path file = directory.resolve(StoreResources.LOCK_FILE);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return FileChannel.open(file, StandardOpenOption.WRITE);
        } catch (final IOException e) {
            throw new StoreOpenException("cannot open " + file + " to lock the store (" + e + "); run as a user who may write it", e);
        }
    }

    private static Tier openTier(final Path directory, final TierKind kind, final String objectPrefix) {
        if (kind == TierKind.FILE) {
            return FileTier.open(FileTierOptions.builder(directory).createDirectory(false).build());
        }
        if (kind == TierKind.BLOCK) {
            return BlockTier.open(BlockTierOptions.builder(directory.resolve(StoreResources.BLOCK_FILE)).build());
        }
        return ObjectTier.open(LocalObjectStore.open(directory.resolve(StoreResources.OBJECTS_DIR)), objectPrefix, true);
    }

    /** Refuses a block file whose two superblock regions are all zeros: opening it would format it. */
    private static void requireFormatted(final Path file) {
        final long blockSize;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            blockSize = Files.getFileStore(file).getBlockSize();
            final long tableBytes = BlockTierOptions.builder(file).build().tableBytes();
            final long superblocks = 2 * ((tableBytes + blockSize - 1) / blockSize) * blockSize;
            final ByteBuffer buf = ByteBuffer.allocate((int)Math.min(superblocks, 1 << 20));
            for (long at = 0; at < Math.min(superblocks, ch.size()); at += buf.capacity()) {
                buf.clear();
                final int n = ch.read(buf, at);
                for (int i = 0; i < n; i++) {
                    if (buf.get(i) != 0) {
                        return;
                    }
                }
                if (n <= 0) {
                    break;
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        throw new StoreOpenException(file + " is blank (never formatted), so it holds no store; the inspector does not format it");
    }

    /** @return how problems name a segment: its id and the file, device or object that holds it */
    String segmentLabel(final long segmentId, final boolean sealed) {
        if (kind == TierKind.FILE) {
            return "segment " + segmentId + " (" + directory.resolve(String.format("%016x", segmentId)
                + (sealed ? SegmentFileDescriptor.SEALED_SUFFIX : SegmentFileDescriptor.OPEN_SUFFIX)) + ")";
        }
        return "segment " + segmentId + " (" + tier.location() + ")";
    }

    /**
     * @return the file offset of offset {@code offset} of segment {@code segmentId} on the file tier
     *     (where its data starts depends on the file's format version), else -1
     */
    long fileOffset(final long segmentId, final long offset) {
        if (kind != TierKind.FILE || offset < 0 || segmentId < 0) {
            return -1;
        }
        final String stem = String.format("%016x", segmentId);
        for (String suffix : new String[] {SegmentFileDescriptor.SEALED_SUFFIX, SegmentFileDescriptor.OPEN_SUFFIX}) {
            try (FileChannel ch = FileChannel.open(directory.resolve(stem + suffix), StandardOpenOption.READ)) {
                final ByteBuffer header = ByteBuffer.allocate(SegmentFileDescriptor.DATA_OFFSET_OFFSET + 4).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(header, 0);
                final long base = SegmentFileDescriptor.dataOffset(header.getInt(SegmentFileDescriptor.VERSION_OFFSET));
                return base < 0 ? -1 : base + offset;
            } catch (final IOException e) {
                // not this suffix (or unreadable): try the other
            }
        }
        return -1;
    }

    /** @return whether a {@code LOCK} file exists and this inspector holds its lock */
    boolean locked() {
        return lock != null;
    }

    @Override
    public void close() {
        try {
            tier.close();
        } finally {
            release(lockChannel, lock);
        }
    }

    private static void release(final FileChannel channel, final FileLock lock) {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("releasing the store lock", e);
        }
    }
}
