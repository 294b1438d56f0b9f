package dev.strata.testsupport;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a process holds at one moment: buffer pools, file descriptors, file mappings, non-daemon
 * threads. {@link #leaksSince} tells what grew (allowing everything that existed before).
 */
final class ResourceSnapshot {
    private final Map<String, long[]> pools = new HashMap<>();
    private final List<String> fds = new ArrayList<>();
    private final List<String> mappings = new ArrayList<>();
    private final Set<String> threads = new TreeSet<>();

    static ResourceSnapshot take(final LeakCheck options) {
        final ResourceSnapshot s = new ResourceSnapshot();
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            s.pools.put(pool.getName(), new long[] {pool.getCount(), pool.getTotalCapacity()});
        }
        s.readFds(options.sockets());
        s.readMappings();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !t.isDaemon()) {
                s.threads.add(t.getName() + "#" + t.getId());
            }
        }
        return s;
    }

    /** @return a description of each leak, empty if none */
    List<String> leaksSince(final ResourceSnapshot before, final LeakCheck options) {
        final List<String> leaks = new ArrayList<>();
        if (options.buffers()) {
            for (Map.Entry<String, long[]> e : pools.entrySet()) {
                final long[] was = before.pools.getOrDefault(e.getKey(), new long[2]);
                if (e.getValue()[0] > was[0] || e.getValue()[1] > was[1]) {
                    leaks.add("buffer pool \"" + e.getKey() + "\": " + was[0] + " buffers / " + was[1] + " bytes before, "
                        + e.getValue()[0] + " / " + e.getValue()[1] + " after (free direct buffers and unmap files on close; if this is the JDK's"
                        + " per-thread cache of temporary direct buffers, run the tests with -Djdk.nio.maxCachedBufferSize=0)");
                }
            }
        }
        if (options.fileHandles()) {
            final List<String> extra = grown(before.fds, fds);
            if (!extra.isEmpty()) {
                leaks.add("file descriptors opened and not closed: " + extra);
            }
        }
        if (options.mappings()) {
            final List<String> extra = grown(before.mappings, mappings);
            if (!extra.isEmpty()) {
                leaks.add("file mappings not unmapped: " + extra);
            }
        }
        if (options.threads()) {
            final Set<String> extra = new TreeSet<>(threads);
            extra.removeAll(before.threads);
            if (!extra.isEmpty()) {
                leaks.add("non-daemon threads started and still running: " + extra);
            }
        }
        return leaks;
    }

    /** @return the entries of {@code after} beyond those of {@code before} (multiset difference) */
    private static List<String> grown(final List<String> before, final List<String> after) {
        final Map<String, Integer> counts = new HashMap<>();
        for (String b : before) {
            counts.merge(b, 1, Integer::sum);
        }
        final List<String> extra = new ArrayList<>();
        for (String a : after) {
            final Integer c = counts.get(a);
            if (c == null || c == 0) {
                extra.add(a);
            } else {
                counts.put(a, c - 1);
            }
        }
        return extra;
    }

    private void readFds(final boolean sockets) {
        final Path dir = Paths.get("/proc/self/fd");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path fd : stream) {
                final String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (final IOException e) {
                    continue; // closed meanwhile (e.g. the directory stream's own descriptor)
                }
                if (!ignoredFd(target, sockets) && !target.equals("/proc/" + ProcessHandle.current().pid() + "/fd")) {
                    fds.add(target);
                }
            }
        } catch (final IOException e) {
            // no /proc: nothing to check
        }
    }

    private static boolean ignoredFd(final String target, final boolean sockets) {
        return target.endsWith(".jar") || target.endsWith(".so") || target.endsWith(".so (deleted)") || target.endsWith("/modules") || target.endsWith(".jsa")
            || target.startsWith("/dev/") || target.startsWith("pipe:") || target.startsWith("anon_inode:")
            || target.startsWith("/proc/") || (!sockets && target.startsWith("socket:"));
    }

    private void readMappings() {
        // FileInputStream, not Files.readAllLines: NIO channels copy heap buffers through a cached
        // per-thread direct buffer, which would show up as a "direct" leak of the check itself.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream("/proc/self/maps"),
            StandardCharsets.US_ASCII))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                final int slash = line.indexOf('/');
                if (slash < 0) {
                    continue;
                }
                final String file = line.substring(slash);
                if (!ignoredFd(file, false) && !file.startsWith("/usr/") && !file.startsWith("/tmp/hsperfdata")) {
                    mappings.add(file);
                }
            }
        } catch (final IOException e) {
            // no /proc: nothing to check
        }
    }
}
