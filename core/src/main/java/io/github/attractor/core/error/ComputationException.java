package io.github.attractor.core.error;

/** The input was valid but the computation failed (diverged, did not converge). Exit code 1. */
public class ComputationException extends AttractorException {
    private static final long serialVersionUID = 1L;

    public ComputationException(String message) {
        super(message);
    }

    public ComputationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
