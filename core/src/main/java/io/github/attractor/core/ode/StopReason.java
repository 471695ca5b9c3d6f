package io.github.attractor.core.ode;

/** Why an integration ended. */
public enum StopReason {
    /** The final time was reached. */
    END_TIME,
    /** {@code ‖f(x)‖} fell below the convergence tolerance (detected as an event). */
    CONVERGED
}
