package dev.strata;

/**
 * A {@link Transaction} was used in a way its state does not allow: an operation or commit with no
 * transaction begun (after commit or rollback), {@code begin} while one is active, a write in a
 * read-only transaction, or closing a transaction that is still active (its writes are rolled
 * back). Nothing stored is affected.
 */
public class TransactionStateException extends StrataException {
    private static final long serialVersionUID = 1L;

    public TransactionStateException(final String message) {
        super(message);
    }
}
