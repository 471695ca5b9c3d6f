package io.github.attractor.core.error;

/**
 * Root of every error the toolkit raises on purpose. Each subclass says whether the fault lies in the
 * input ({@link InvalidInputException}, exit code 2) or in the computation ({@link ComputationException},
 * exit code 1), so the command line can map any failure to a one-line message and an exit code.
 */
public abstract class AttractorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected AttractorException(String message) {
        super(message);
    }

    protected AttractorException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Process exit code the command line uses for this error. */
    public abstract int exitCode();
}
