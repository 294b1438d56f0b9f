package dev.strata.bench.lab;

/**
 * The input a lab was given cannot be used: a corpus path that does not exist or cannot be read,
 * a corpus too large or too small for what was asked. The message is one line that says what is
 * wrong and names the value; the command line prints it and exits with the usage status.
 */
public final class LabInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabInputException(final String message) {
        super(message);
    }

    public LabInputException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
