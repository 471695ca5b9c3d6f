package io.github.attractor.core.error;

/** Failed computation: an iterative solver stopped before meeting its tolerance. */
public class NonConvergenceException extends ComputationException {
    private static final long serialVersionUID = 1L;

    public NonConvergenceException(String message) {
        super(message);
    }
}
