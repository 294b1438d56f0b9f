package dev.strata;

/** The store (or the snapshot, cursor or batch used) was closed; open it again to continue. */
public class StoreClosedException extends StrataException {
    private static final long serialVersionUID = 1L;

    public StoreClosedException(final String message) {
        super(message);
    }
}
