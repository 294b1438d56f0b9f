package dev.strata.engine.store;

/**
 * The background sync of {@link dev.strata.SyncPolicy#EVERY_N_MS}: every interval it takes the
 * commit leadership if no writer holds it and syncs the WAL (a writer that finds the interval
 * elapsed syncs by itself).
 */
final class Syncer implements Runnable {
    private final CommitPipeline pipeline;
    private final Runnable sync;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean closing;

    Syncer(final CommitPipeline pipeline, final WriteSide writes, final long intervalMillis, final String name) {
        this.pipeline = pipeline;
        this.sync = writes::backgroundSync;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this, "strata-sync-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (!closing) {
            try {
                Thread.sleep(intervalMillis);
            } catch (final InterruptedException e) {
                return;
            }
            if (!closing) {
                pipeline.tryExclusive(sync);
            }
        }
    }

    void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
