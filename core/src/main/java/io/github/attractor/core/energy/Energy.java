package io.github.attractor.core.energy;

/**
 * A scalar function of the state that a model claims is non-increasing along its trajectories
 * ({@code dE/dt = grad E · f <= 0}): an energy or Lyapunov function.
 */
public interface Energy {

    /** {@code E(x)}. */
    double value(double[] x);

    /** Writes {@code grad E(x)} into {@code out}. */
    void gradient(double[] x, double[] out);
}
