package io.github.attractor.core.fixed;

import io.github.attractor.core.linalg.Spectrum;

/**
 * A located equilibrium: the state, its residual ({@code ‖f(x)‖₂} for a flow, {@code ‖F(x) - x‖₂} for a
 * map), the eigenvalues of the Jacobian there, the stability verdict and the iterations spent.
 */
public record FixedPoint(double[] x, double residual, Spectrum spectrum, Verdict verdict, int iterations) {
}
