package dev.strata;

/**
 * An earlier I/O failure left the write path in an unknown state (a WAL append or sync failed), so
 * the store refuses further writes rather than risk acknowledging a write that is not durable.
 * Reads still work. Close the store and open it again: recovery replays what is durable.
 */
public class StoreFailedException extends StrataException {
    private static final long serialVersionUID = 1L;

    public StoreFailedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
