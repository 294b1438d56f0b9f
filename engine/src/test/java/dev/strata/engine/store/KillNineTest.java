package dev.strata.engine.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import dev.strata.compression.JvmFlags;
import dev.strata.tier.TestSeeds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a child JVM in the middle of durable writes, then recovery in this JVM: every
 * acknowledged commit is present, no hole, no half batch. The child continues from what survived,
 * so flushes and compactions of earlier cycles are in play. 30 cycles by default, 1,000 with
 * -Pstress. Seed printed (it picks the kill times); replay with -Dstrata.seed=N.
 */
class KillNineTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        dev.strata.tier.WarmUp.chronicle();
    }

    static StoreConfig config(final Path dir) {
        return StoreConfig.builder(dir).syncPolicy(SyncPolicy.EVERY_COMMIT).memtableBytes(256 << 10).targetFileBytes(256 << 10)
            .baseLevelBytes(1 << 20).level0Trigger(2).build();
    }

    @Test
    void killNineMidWriteLosesNoAcknowledgedCommit() throws Exception {
        final long seed = TestSeeds.seed("KillNineTest");
        final Random random = new Random(seed);
        final int cycles = TestSeeds.stress() ? 1000 : 30;
        final Path store = dir.resolve("store");
        int present = 0;
        int killedMidWrite = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            final long killAfterMillis = 20 + random.nextInt(300);
            final int acknowledged = runChildAndKill(store, present, killAfterMillis);
            if (acknowledged > present) {
                killedMidWrite++;
            }
            try (Store s = Strata.open(config(store))) {
                final String where = "cycle " + cycle + " (killed " + killAfterMillis + " ms after the child was ready, strata.seed=" + seed + ")";
                present = CrashCommits.verify(s, Math.max(present, acknowledged), Math.max(present, acknowledged + 1), where);
            }
        }
        System.out.println("[kill -9] " + cycles + " cycles, " + killedMidWrite + " killed after writing; " + present + " commits survived");
        assertTrue(killedMidWrite >= cycles / 2, "most kills should land while the child writes, got " + killedMidWrite + " of " + cycles);
    }

    /** @return the number of commits the child acknowledged (the commits before the first one it started with count as acknowledged) */
    private static int runChildAndKill(final Path store, final int start, final long killAfterMillis) throws Exception {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.commandLine());
        command.add("-Dchronicle.analytics.disable=true");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashChild.class.getName());
        command.add(store.toString());
        command.add(Integer.toString(start));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        final Process child = builder.start();
        final AtomicInteger lastAck = new AtomicInteger(start - 1);
        final long[] readyAt = {0};
        final Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        synchronized (readyAt) {
                            readyAt[0] = System.nanoTime();
                            readyAt.notifyAll();
                        }
                    } else if (line.startsWith("ack ") && line.length() > 4) {
                        // a line cut by the kill is a prefix of a larger number: never lower the maximum
                        lastAck.accumulateAndGet(Integer.parseInt(line.substring(4)), Math::max);
                    }
                }
            } catch (final IOException | RuntimeException e) {
                System.out.println("[kill -9] reader stopped: " + e);
            }
        });
        reader.start();
        synchronized (readyAt) {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (readyAt[0] == 0 && System.nanoTime() < deadline && child.isAlive()) {
                readyAt.wait(100);
            }
        }
        assertTrue(readyAt[0] != 0, "the child did not open the store within 30 s (exit " + (child.isAlive() ? "-" : child.exitValue()) + ")");
        Thread.sleep(killAfterMillis);
        // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the pipe and lose unread acks
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit");
        reader.join();
        return lastAck.get() + 1;
    }
}
