package dev.strata.bench.lab;

/**
 * Receives progress from a lab run, e.g. to drive a progress bar. Called from the lab's thread.
 */
public interface LabProgress {
    /** Ignores progress. */
    LabProgress NONE = new LabProgress() {
        @Override
        public void begin(final long totalSteps) {
        }

        @Override
        public void starting(final String what) {
        }

        @Override
        public void done() {
        }
    };

    /** The run has {@code totalSteps} steps; called once, first. */
    void begin(long totalSteps);

    /** A step begins; {@code what} describes it (e.g. {@code "zstd:19 compress"}). */
    void starting(String what);

    /** The step that began last is done. */
    void done();
}
