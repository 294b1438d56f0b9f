package dev.strata.bench.lab;

/**
 * A codec did not give back the bytes it was given, or failed on its own output: a bug in the
 * codec or the library under it, never a property of the input.
 */
public final class RoundTripException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RoundTripException(final String message) {
        super(message);
    }
}
