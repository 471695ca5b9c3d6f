package io.github.attractor.core.fixed;

import io.github.attractor.core.linalg.Spectrum;

/**
 * Linear stability of an equilibrium from the spectrum of its Jacobian. For a flow {@code dx/dt = f(x)}:
 * stable when every eigenvalue has {@code Re λ < -tol}, unstable when one has {@code Re λ > tol},
 * marginal otherwise (linearisation is inconclusive). For a map {@code x+ = F(x)} the same with the
 * spectral radius against 1.
 */
public enum Verdict {
    STABLE, UNSTABLE, MARGINAL;

    /** Verdict for an equilibrium of a flow with Jacobian spectrum {@code s}. */
    public static Verdict ofFlow(Spectrum s, double tol) {
        double a = s.maxRealPart();
        if (a < -tol) {
            return STABLE;
        }
        return a > tol ? UNSTABLE : MARGINAL;
    }

    /** Verdict for a fixed point of a map with Jacobian spectrum {@code s}. */
    public static Verdict ofMap(Spectrum s, double tol) {
        double r = s.spectralRadius();
        if (r < 1 - tol) {
            return STABLE;
        }
        return r > 1 + tol ? UNSTABLE : MARGINAL;
    }

    /** Lower-case label for reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
