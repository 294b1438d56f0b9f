package dev.strata;

/** {@link Transactions#run} gave up: every attempt ended in {@link CommitStatus#CONFLICT} (or back-pressure). */
public class TransactionConflictException extends StrataException {
    private static final long serialVersionUID = 1L;

    public TransactionConflictException(final String message) {
        super(message);
    }
}
