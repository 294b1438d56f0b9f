package dev.strata.tier.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * An in-memory file system for crash tests, modelled on H2's {@code FilePathReorderWrites}: it
 * records every write, force, create, rename and delete, counts them as I/O points, and can cut
 * power at the k-th one. After the cut every call fails; {@link #afterPowerCut()} returns the file
 * system as a machine would find it on restart: forced data intact, unforced writes each present
 * or not (possibly torn), and a random prefix of the directory changes not yet made durable by a
 * directory fsync. All choices come from the seed.
 */
public final class PowerCutFileIo implements FileIo {
    private final Random random;
    private final Map<Path, SimFile> names;
    private final Map<Path, SimFile> durableNames;
    private final List<Object[]> pendingNames = new ArrayList<>();
    private final Set<Path> dirs;
    private long ioPoints;
    private long cutAt = Long.MAX_VALUE;
    private boolean cut;

    public PowerCutFileIo(final long seed) {
        this(seed, new HashMap<>(), new HashSet<>());
    }

    private PowerCutFileIo(final long seed, final Map<Path, SimFile> files, final Set<Path> dirs) {
        this.random = new Random(seed);
        this.names = new HashMap<>(files);
        this.durableNames = new HashMap<>(files);
        this.dirs = new HashSet<>(dirs);
    }

    /** Cuts power at the {@code k}-th I/O point (from 1): that I/O does not happen, and nothing after it. */
    public synchronized PowerCutFileIo cutAt(final long k) {
        this.cutAt = k;
        return this;
    }

    /** @return I/O points so far */
    public synchronized long ioPoints() {
        return ioPoints;
    }

    /** @return whether power was cut */
    public synchronized boolean isCut() {
        return cut;
    }

    /** @return the file system found after the power cut (or now, if none happened), as a fresh instance */
    public synchronized PowerCutFileIo afterPowerCut() {
        final Map<Path, SimFile> ns = new HashMap<>(durableNames);
        final int keep = random.nextInt(pendingNames.size() + 1);
        for (int i = 0; i < keep; i++) {
            applyName(ns, pendingNames.get(i));
        }
        final Map<Path, SimFile> files = new HashMap<>();
        final Map<SimFile, SimFile> done = new HashMap<>();
        for (Map.Entry<Path, SimFile> e : ns.entrySet()) {
            files.put(e.getKey(), done.computeIfAbsent(e.getValue(), f -> f.afterPowerCut(random)));
        }
        return new PowerCutFileIo(random.nextLong(), files, dirs);
    }

    private static void applyName(final Map<Path, SimFile> ns, final Object[] op) {
        switch ((String) op[0]) {
            case "link":
                ns.put((Path) op[1], (SimFile) op[2]);
                break;
            case "unlink":
                ns.remove((Path) op[1]);
                break;
            case "rename": {
                final SimFile f = ns.remove((Path) op[1]);
                if (f != null) {
                    ns.put((Path) op[2], f);
                }
                break;
            }
            default:
                throw new IllegalStateException((String) op[0]);
        }
    }

    /** Counts one I/O point; throws if power is (now) cut. */
    synchronized void point(final String what) throws IOException {
        alive();
        if (++ioPoints >= cutAt) {
            cut = true;
            throw new IOException("simulated power cut at I/O point " + ioPoints + " (" + what + ")");
        }
    }

    synchronized void alive() throws IOException {
        if (cut) {
            throw new IOException("simulated power cut: the machine is off");
        }
    }

    @Override
    public synchronized IoChannel open(final Path path, final OpenMode mode, final boolean direct) throws IOException {
        alive();
        SimFile f = names.get(path);
        if (mode == OpenMode.CREATE_NEW) {
            if (f != null) {
                throw new FileAlreadyExistsException(path.toString());
            }
            if (!dirs.contains(path.getParent())) {
                throw new NoSuchFileException(path.getParent().toString());
            }
            point("create " + path);
            f = new SimFile();
            names.put(path, f);
            pendingNames.add(new Object[] {"link", path, f});
        } else if (f == null) {
            throw new NoSuchFileException(path.toString());
        }
        return new SimChannel(this, f, mode != OpenMode.READ);
    }

    @Override
    public synchronized void atomicMove(final Path from, final Path to) throws IOException {
        alive();
        if (!names.containsKey(from)) {
            throw new NoSuchFileException(from.toString());
        }
        point("rename " + from + " -> " + to);
        names.put(to, names.remove(from));
        pendingNames.add(new Object[] {"rename", from, to});
    }

    @Override
    public synchronized boolean deleteIfExists(final Path path) throws IOException {
        alive();
        if (!names.containsKey(path)) {
            return false;
        }
        point("delete " + path);
        names.remove(path);
        pendingNames.add(new Object[] {"unlink", path});
        return true;
    }

    @Override
    public synchronized void syncDirectory(final Path dir) throws IOException {
        point("fsync directory " + dir);
        for (Object[] op : pendingNames) {
            applyName(durableNames, op);
        }
        pendingNames.clear();
    }

    @Override
    public synchronized List<String> list(final Path dir) throws IOException {
        alive();
        final List<String> out = new ArrayList<>();
        for (Path p : names.keySet()) {
            if (dir.equals(p.getParent())) {
                out.add(p.getFileName().toString());
            }
        }
        return out;
    }

    @Override
    public synchronized boolean exists(final Path path) {
        return names.containsKey(path) || dirs.contains(path);
    }

    @Override
    public synchronized boolean isDirectory(final Path path) {
        return dirs.contains(path);
    }

    @Override
    public synchronized void createDirectories(final Path dir) throws IOException {
        alive();
        for (Path p = dir; p != null; p = p.getParent()) {
            dirs.add(p);
        }
    }

    @Override
    public long blockSize(final Path path) {
        return 4096;
    }

    @Override
    public boolean supportsMapping() {
        return false;
    }

    /** A channel on a {@link SimFile}; heap copies are fine here (tests only). */
    private static final class SimChannel implements IoChannel {
        private final PowerCutFileIo io;
        private final SimFile file;
        private final boolean writable;

        SimChannel(final PowerCutFileIo io, final SimFile file, final boolean writable) {
            this.io = io;
            this.file = file;
            this.writable = writable;
        }

        @Override
        public int read(final ByteBuffer dst, final long position) throws IOException {
            synchronized (io) {
                io.alive();
                final byte[] tmp = new byte[dst.remaining()];
                final int n = file.read(position, tmp, tmp.length);
                if (n > 0) {
                    dst.put(tmp, 0, n);
                }
                return n;
            }
        }

        @Override
        public int write(final ByteBuffer src, final long position) throws IOException {
            synchronized (io) {
                requireWritable();
                io.point("write " + src.remaining() + " bytes at " + position);
                final byte[] data = new byte[src.remaining()];
                src.get(data);
                file.write(position, data);
                return data.length;
            }
        }

        @Override
        public void force(final boolean metadata) throws IOException {
            synchronized (io) {
                io.point("force");
                file.force();
            }
        }

        @Override
        public long size() throws IOException {
            synchronized (io) {
                io.alive();
                return file.size();
            }
        }

        @Override
        public void truncate(final long size) throws IOException {
            synchronized (io) {
                requireWritable();
                io.point("truncate to " + size);
                file.truncate(size);
            }
        }

        private void requireWritable() throws IOException {
            if (!writable) {
                throw new IOException("channel is read-only");
            }
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
