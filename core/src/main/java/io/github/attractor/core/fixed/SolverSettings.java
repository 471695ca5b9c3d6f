package io.github.attractor.core.fixed;

import io.github.attractor.core.error.Require;

/**
 * Settings shared by the fixed-point solvers: residual tolerance (2-norm), iteration budget, the
 * smallest line-search damping factor Newton may take, the Anderson memory, and the margin used to
 * call an eigenvalue "on the axis" (marginal verdict).
 */
public record SolverSettings(double tolerance, int maxIterations, double minDamping, int andersonMemory,
        double marginTolerance) {

    public SolverSettings {
        Require.that(tolerance > 0, "solver tolerance must be positive, got " + tolerance);
        Require.that(maxIterations > 0, "solver iteration budget must be positive, got " + maxIterations);
        Require.that(minDamping > 0 && minDamping <= 1, "minimum damping must be in (0, 1], got " + minDamping);
        Require.that(andersonMemory >= 1, "Anderson memory must be at least 1, got " + andersonMemory);
        Require.that(marginTolerance >= 0, "margin tolerance must be non-negative, got " + marginTolerance);
    }

    /** Tolerance 1e-10, 100 iterations, damping down to 2^-20, memory 5, margin 1e-8. */
    public static SolverSettings defaults() {
        return new SolverSettings(1e-10, 100, 0x1p-20, 5, 1e-8);
    }

    public SolverSettings withTolerance(double tol) {
        return new SolverSettings(tol, maxIterations, minDamping, andersonMemory, marginTolerance);
    }

    public SolverSettings withMaxIterations(int n) {
        return new SolverSettings(tolerance, n, minDamping, andersonMemory, marginTolerance);
    }
}
