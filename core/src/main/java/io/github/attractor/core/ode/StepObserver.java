package io.github.attractor.core.ode;

/** Called after every accepted step (for progress reporting); must be cheap. */
@FunctionalInterface
public interface StepObserver {
    /** {@code fraction} of the time span done, the current time and {@code ‖f‖}. */
    void stepAccepted(double fraction, double time, double residualNorm);
}
