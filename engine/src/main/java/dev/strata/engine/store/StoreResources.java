package dev.strata.engine.store;

import dev.strata.StoreConfig;
import dev.strata.StoreOpenException;
import dev.strata.StoreStats;
import dev.strata.tier.Tier;
import dev.strata.tier.TierKind;
import dev.strata.tier.block.BlockTier;
import dev.strata.tier.block.BlockTierOptions;
import dev.strata.tier.file.FileTier;
import dev.strata.tier.file.FileTierOptions;
import dev.strata.tier.object.LocalObjectStore;
import dev.strata.tier.object.ObjectTier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * What a store holds outside the heap and must give back: the lock file that keeps a second
 * process (or a second open in this one) out, the tier, and the JMX registration.
 *
 * <p>The store directory's layout: {@code LOCK}; then for the file tier the segment files
 * themselves, for the block tier {@code store.blk}, for the local object tier {@code objects/}.
 */
final class StoreResources implements AutoCloseable {
    static final String LOCK_FILE = "LOCK";
    static final String BLOCK_FILE = "store.blk";
    static final String OBJECTS_DIR = "objects";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private Tier tier;
    private ObjectName mbean;

    private StoreResources(final Path directory, final FileChannel lockChannel, final FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if asked and takes the lock. */
    static StoreResources lock(final StoreConfig config) {
        final Path dir = config.location();
        try {
            if (!Files.isDirectory(dir)) {
                if (!config.createIfMissing()) {
                    throw new StoreOpenException("no store at " + dir + " (the directory does not exist); create it with createIfMissing(true)");
                }
                Files.createDirectories(dir);
            }
            final FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (final OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StoreOpenException("the store at " + dir + " is open in another process or another Store of this one;"
                    + " close that one first");
            }
            return new StoreResources(dir, channel, lock);
        } catch (final IOException e) {
            throw new StoreOpenException("cannot open the store directory " + dir + ": " + e, e);
        }
    }

    /** Opens the configured tier in the store directory. */
    Tier openTier(final StoreConfig config) {
        final TierKind kind = config.tier();
        if (config.customTier() != null) {
            tier = config.customTier();
        } else if (kind == TierKind.FILE) {
            tier = FileTier.open(FileTierOptions.builder(directory).build());
        } else if (kind == TierKind.BLOCK) {
            tier = BlockTier.open(BlockTierOptions.builder(directory.resolve(BLOCK_FILE)).createSize(config.blockTierBytes()).build());
        } else if (config.objectStore() != null) {
            tier = ObjectTier.open(config.objectStore(), config.objectPrefix(), false);
        } else {
            tier = ObjectTier.open(LocalObjectStore.open(directory.resolve(OBJECTS_DIR)), config.objectPrefix(), true);
        }
        return tier;
    }

    String name() {
        return directory.toString();
    }

    void registerMBean(final StoreStats stats) {
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final ObjectName named = new ObjectName("dev.strata:type=Store,name=" + ObjectName.quote(directory.toString()));
            if (!server.isRegistered(named)) {
                server.registerMBean(stats, named);
                mbean = named;
            }
        } catch (final JMException e) {
            // statistics stay available through Store.stats(); JMX is optional
            mbean = null;
        }
    }

    @Override
    public void close() {
        try {
            if (mbean != null) {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(mbean);
            }
        } catch (final JMException e) {
            // already gone
        } finally {
            try {
                if (tier != null) {
                    tier.close();
                }
            } finally {
                try {
                    lock.release();
                    lockChannel.close();
                } catch (final IOException e) {
                    throw new java.io.UncheckedIOException("releasing the lock of " + directory, e);
                }
            }
        }
    }
}
