package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Svd;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Theorem 5 (singular-value restricted weights): if a positive diagonal P satisfies
 * <pre>
 *   g² Wᵀ P W - P ≺ 0,
 * </pre>
 * the RNN (1) is contracting in P (Section 6.5: {@code μ₂(P^{1/2} J P^{-1/2}) ≤ -1 + g‖P^{1/2} W P^{-1/2}‖₂}).
 * With {@code Φ = P^{1/2}} the condition reads {@code g σ_max(Φ W Φ⁻¹) < 1}, and the rate is
 * {@code 1 - g σ_max(ΦWΦ⁻¹)}.
 *
 * <p><b>Search.</b> {@code s ↦ log σ_max(e^{S} W e^{-S})} (S = diag(s)) is convex (Sezginer &amp; Overton 1990),
 * with gradient {@code u∘u - v∘v} for the top singular pair (u, v) of {@code e^{S}We^{-S}}. {@link #search} runs
 * gradient descent with backtracking on it from the Perron scaling of |W| and returns a P that passes
 * {@link #check}, or says that the smallest {@code g σ_max} it reached is not below 1.
 */
public final class SingularValueRestricted {
    static final String NAME = "Theorem 5";
    private static final int MAX_STEPS = 500;

    private SingularValueRestricted() {
    }

    /** The exact check for a given positive diagonal P (its diagonal). */
    public static Certificate check(DMatrixRMaj w, double g, double[] p) {
        int n = Require.finite("W", Require.square("W", w)).numRows;
        Require.length("P", p, n);
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(p[i] > 0) || !Double.isFinite(p[i])) {
                throw new InvalidInputException("P: entry " + i + " must be positive and finite, got " + p[i]);
            }
            phi[i] = Math.sqrt(p[i]);
        }
        DMatrixRMaj lmi = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += w.unsafe_get(k, i) * p[k] * w.unsafe_get(k, j);
                }
                lmi.unsafe_set(i, j, g * g * s - (i == j ? p[i] : 0));
            }
        }
        double top = n == 0 ? Double.NEGATIVE_INFINITY : Eigen.maxSymmetric(lmi);
        double sigma = scaledNorm(w, phi);
        if (!(top < 0) || !(g * sigma < 1)) {
            return Certificate.fails(NAME, 1 - g * sigma, String.format(
                    "g² WᵀPW - P is not negative definite (λ_max = %.3g; g σ_max(P^½WP^-½) = %.4g)", top, g * sigma));
        }
        return new Certificate(true, NAME, CommonOps_DDRM.diag(p.clone()), 1 - g * sigma, 1 - g * sigma, String.format(
                "g² WᵀPW - P ≺ 0 (λ_max = %.3g); g σ_max(P^½ W P^-½) = %.4g < 1", top, g * sigma));
    }

    /** Searches for P (see the class notes); the certificate is verified by {@link #check}. */
    public static Certificate search(DMatrixRMaj w, double g) {
        int n = Require.finite("W", Require.square("W", w)).numRows;
        if (n == 0) {
            return check(w, g, new double[0]);
        }
        double[] s = perronStart(w);
        double[] phi = exp(s);
        double f = Math.log(scaledNorm(w, phi));
        double step = 1;
        for (int it = 0; it < MAX_STEPS && g * Math.exp(f) >= 1 - 1e-9; it++) {
            double[] grad = gradient(w, phi);
            double gn = 0;
            for (double v : grad) {
                gn += v * v;
            }
            if (gn < 1e-24) {
                break;
            }
            boolean moved = false;
            for (int back = 0; back < 40; back++) {
                double[] trial = new double[n];
                for (int i = 0; i < n; i++) {
                    trial[i] = s[i] - step * grad[i];
                }
                double[] tphi = exp(trial);
                double tf = Math.log(scaledNorm(w, tphi));
                if (tf <= f - 1e-4 * step * gn) {
                    s = trial;
                    phi = tphi;
                    f = tf;
                    step *= 2;
                    moved = true;
                    break;
                }
                step *= 0.5;
            }
            if (!moved) {
                break;
            }
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = phi[i] * phi[i];
        }
        Certificate c = check(w, g, p);
        if (c.holds()) {
            return c;
        }
        return Certificate.fails(NAME, 1 - g * Math.exp(f), String.format(
                "no diagonal P found: the smallest g σ_max(ΦWΦ⁻¹) reached is %.4g ≥ 1", g * Math.exp(f)));
    }

    /** {@code σ_max(Φ W Φ⁻¹)}. */
    static double scaledNorm(DMatrixRMaj w, double[] phi) {
        return Svd.of(scaled(w, phi)).singularValues()[0];
    }

    private static DMatrixRMaj scaled(DMatrixRMaj w, double[] phi) {
        int n = w.numRows;
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b.unsafe_set(i, j, phi[i] * w.unsafe_get(i, j) / phi[j]);
            }
        }
        return b;
    }

    /** ∂ log σ_max / ∂ s_i = u_i² - v_i². */
    private static double[] gradient(DMatrixRMaj w, double[] phi) {
        Svd svd = Svd.of(scaled(w, phi));
        int n = w.numRows;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double u = svd.u().unsafe_get(i, 0);
            double v = svd.v().unsafe_get(i, 0);
            g[i] = u * u - v * v;
        }
        return g;
    }

    /** log of the Perron-like scaling sqrt(left / right) of |W| + I (a good start for the descent). */
    private static double[] perronStart(DMatrixRMaj w) {
        int n = w.numRows;
        double[] right = new double[n];
        double[] left = new double[n];
        java.util.Arrays.fill(right, 1);
        java.util.Arrays.fill(left, 1);
        for (int it = 0; it < 200; it++) {
            double[] r = new double[n];
            double[] l = new double[n];
            double rn = 0;
            double ln = 0;
            for (int i = 0; i < n; i++) {
                double a = right[i];
                double b = left[i];
                for (int j = 0; j < n; j++) {
                    a += Math.abs(w.unsafe_get(i, j)) * right[j];
                    b += Math.abs(w.unsafe_get(j, i)) * left[j];
                }
                r[i] = a;
                l[i] = b;
                rn = Math.max(rn, a);
                ln = Math.max(ln, b);
            }
            for (int i = 0; i < n; i++) {
                right[i] = r[i] / rn;
                left[i] = l[i] / ln;
            }
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 0.5 * Math.log(Math.max(left[i], 1e-300) / Math.max(right[i], 1e-300));
        }
        return s;
    }

    private static double[] exp(double[] s) {
        double[] e = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = Math.exp(s[i]);
        }
        return e;
    }
}
