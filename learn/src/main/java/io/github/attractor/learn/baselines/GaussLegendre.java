package io.github.attractor.learn.baselines;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonConvergenceException;

/**
 * Gauss–Legendre quadrature on [0, 1]: {@code ∫₀¹ h(t) dt ≈ Σ_k w_k h(t_k)}, exact for polynomials of degree
 * {@code 2n − 1}. The nodes are the roots of the Legendre polynomial {@code P_n} on [−1, 1], found by Newton's
 * method from Chebyshev-like starting points {@code cos(π(k − ¼)/(n + ½))}, with weights
 * {@code 2/((1 − s²) P_n'(s)²)}, then mapped by {@code t = (1 + s)/2}, {@code w ← w/2}.
 */
public final class GaussLegendre {
    private final double[] nodes;
    private final double[] weights;

    /** The rule with {@code n ≥ 1} nodes (ascending). */
    public GaussLegendre(int n) {
        if (n < 1 || n > 200) {
            throw new InvalidInputException("gauss-legendre: node count must be in 1..200, got " + n);
        }
        nodes = new double[n];
        weights = new double[n];
        for (int k = 0; k < n; k++) {
            double s = Math.cos(Math.PI * (k + 0.75) / (n + 0.5));
            double dp = 0;
            boolean converged = false;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = s;
                for (int j = 2; j <= n; j++) {
                    double p2 = ((2 * j - 1) * s * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                double pn = n == 1 ? s : p1;
                double pnm1 = n == 1 ? 1 : p0;
                dp = n * (s * pn - pnm1) / (s * s - 1);
                double step = pn / dp;
                s -= step;
                if (Math.abs(step) < 1e-16) {
                    converged = true;
                    break;
                }
            }
            if (!converged && n > 1) {
                throw new NonConvergenceException("gauss-legendre: Newton did not converge for node " + k + " of " + n);
            }
            double p0 = 1;
            double p1 = s;
            for (int j = 2; j <= n; j++) {
                double p2 = ((2 * j - 1) * s * p1 - (j - 1) * p0) / j;
                p0 = p1;
                p1 = p2;
            }
            dp = n == 1 ? 1 : n * (s * p1 - p0) / (s * s - 1);
            nodes[n - 1 - k] = (1 + s) / 2;
            weights[n - 1 - k] = 1.0 / ((1 - s * s) * dp * dp);
        }
    }

    /** The number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** The nodes in (0, 1), ascending (a copy). */
    public double[] nodes() {
        return nodes.clone();
    }

    /** The weights, summing to 1 (a copy). */
    public double[] weights() {
        return weights.clone();
    }
}
