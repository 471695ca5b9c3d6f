package io.github.attractor.core.fixed;

import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.field.DiscreteMap;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Anderson acceleration (type II, Walker &amp; Ni 2011) for a fixed point {@code x = F(x)}. With residuals
 * {@code g_k = F(x_k) - x_k} and the last m differences {@code ΔG = [g_{i+1} - g_i]},
 * {@code ΔF = [F(x_{i+1}) - F(x_i)]}, each step solves the least-squares problem
 * {@code γ = argmin ‖g_k - ΔG γ‖₂} (QR, EJML) and sets {@code x_{k+1} = F(x_k) - ΔF γ}. When the residual
 * grows by more than a factor 10 over the best seen, the history is dropped (a plain Picard step follows).
 * Converged when {@code ‖g_k‖₂ ≤ tol}; the verdict compares the spectral radius of {@code DF} with 1.
 */
public final class AndersonAcceleration {
    private final SolverSettings settings;

    public AndersonAcceleration(SolverSettings settings) {
        this.settings = settings;
    }

    /** Solves {@code x = F(x)} from {@code x0}; throws {@link NonConvergenceException} when it cannot. */
    public FixedPoint solve(DiscreteMap map, double[] x0) {
        int n = map.dimension();
        Require.length("Anderson start", x0, n);
        Require.finite("Anderson start", x0);
        // The least-squares problem has n rows: more than n columns would make it wide.
        int m = Math.min(settings.andersonMemory(), n);
        double[][] dG = new double[m][n];
        double[][] dF = new double[m][n];
        int stored = 0;
        int head = 0;
        double[] x = x0.clone();
        double[] fx = new double[n];
        double[] g = new double[n];
        double[] fPrev = new double[n];
        double[] gPrev = new double[n];
        map.apply(x, fx);
        sub(fx, x, g);
        double norm = NewtonSolver.norm2(g);
        double best = norm;
        LinearSolverDense<DMatrixRMaj> ls = LinearSolverFactory_DDRM.leastSquares(n, m);
        int it = 0;
        while (!(norm <= settings.tolerance())) {
            if (!Double.isFinite(norm)) {
                throw new NonConvergenceException("Anderson iteration diverged after " + it + " iterations");
            }
            if (it == settings.maxIterations()) {
                throw new NonConvergenceException("Anderson iteration did not converge in " + it
                        + " iterations: residual " + norm + " > tolerance " + settings.tolerance());
            }
            it++;
            double[] next = fx.clone();
            if (stored > 0) {
                DMatrixRMaj a = new DMatrixRMaj(n, stored);
                DMatrixRMaj b = new DMatrixRMaj(n, 1, true, g);
                for (int j = 0; j < stored; j++) {
                    double[] col = dG[(head - 1 - j + m) % m];
                    for (int i = 0; i < n; i++) {
                        a.unsafe_set(i, j, col[i]);
                    }
                }
                DMatrixRMaj gamma = new DMatrixRMaj(stored, 1);
                if (ls.setA(a)) {
                    ls.solve(b, gamma);
                    for (int j = 0; j < stored; j++) {
                        double c = gamma.data[j];
                        if (Double.isFinite(c)) {
                            double[] col = dF[(head - 1 - j + m) % m];
                            for (int i = 0; i < n; i++) {
                                next[i] -= c * col[i];
                            }
                        }
                    }
                }
            }
            System.arraycopy(fx, 0, fPrev, 0, n);
            System.arraycopy(g, 0, gPrev, 0, n);
            x = next;
            map.apply(x, fx);
            sub(fx, x, g);
            norm = NewtonSolver.norm2(g);
            if (norm > 10 * best) {
                stored = 0;
            } else {
                sub(g, gPrev, dG[head]);
                sub(fx, fPrev, dF[head]);
                head = (head + 1) % m;
                stored = Math.min(stored + 1, m);
            }
            best = Math.min(best, norm);
        }
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        map.jacobian(x, jac);
        Spectrum s = Eigen.eigenvalues(jac);
        return new FixedPoint(x, norm, s, Verdict.ofMap(s, settings.marginTolerance()), it);
    }

    private static void sub(double[] a, double[] b, double[] out) {
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
    }
}
