package io.github.attractor.core.fixed;

import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Spectrum;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Damped Newton iteration for an equilibrium {@code f(x) = 0} of an autonomous field:
 * {@code J(x_k) d = -f(x_k)}, {@code x_{k+1} = x_k + α d} with backtracking on the merit
 * {@code φ = ½‖f‖²} (Armijo: {@code φ(x+αd) ≤ (1 - 10⁻⁴α) φ(x)}, α halved down to the minimum damping).
 * A singular Jacobian (e.g. a piecewise-linear field on a flat piece) falls back to the least-squares
 * step of the SVD pseudo-inverse. The field's analytic Jacobian is used when it has one, else a central
 * difference.
 */
public final class NewtonSolver {
    private final SolverSettings settings;

    public NewtonSolver(SolverSettings settings) {
        this.settings = settings;
    }

    public SolverSettings settings() {
        return settings;
    }

    /** Solves {@code f(0, x) = 0} from {@code x0}; throws {@link NonConvergenceException} when it cannot. */
    public FixedPoint solve(VectorField f, double[] x0) {
        int n = f.dimension();
        Require.length("Newton start", x0, n);
        Require.finite("Newton start", x0);
        double[] x = x0.clone();
        double[] r = new double[n];
        double[] trial = new double[n];
        double[] rTrial = new double[n];
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        LinearSolverDense<DMatrixRMaj> pinv = null;
        f.evaluate(0, x, r);
        double norm = norm2(r);
        int it = 0;
        while (!(norm <= settings.tolerance())) {
            if (!Double.isFinite(norm)) {
                throw new NonConvergenceException("Newton iteration diverged: residual is " + norm
                        + " after " + it + " iterations");
            }
            if (it == settings.maxIterations()) {
                throw new NonConvergenceException("Newton iteration did not converge in " + it
                        + " iterations: residual " + norm + " > tolerance " + settings.tolerance());
            }
            it++;
            f.jacobian(0, x, jac);
            for (int i = 0; i < n; i++) {
                rhs.data[i] = -r[i];
            }
            boolean solved = lu.setA(jac.copy()) && lu.quality() > 1e-14;
            if (solved) {
                lu.solve(rhs, step);
            }
            if (!solved || !allFinite(step.data)) {
                if (pinv == null) {
                    pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
                }
                pinv.setA(jac.copy());
                pinv.solve(rhs, step);
            }
            double phi = 0.5 * norm * norm;
            double alpha = 1;
            double trialNorm;
            while (true) {
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + alpha * step.data[i];
                }
                f.evaluate(0, trial, rTrial);
                trialNorm = norm2(rTrial);
                if (0.5 * trialNorm * trialNorm <= (1 - 1e-4 * alpha) * phi || alpha <= settings.minDamping()) {
                    break;
                }
                alpha *= 0.5;
            }
            if (!(trialNorm < norm) && alpha <= settings.minDamping()) {
                throw new NonConvergenceException("Newton iteration stalled after " + it
                        + " iterations at residual " + norm + " (no descent direction; a local minimum of |f|)");
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(rTrial, 0, r, 0, n);
            norm = trialNorm;
        }
        return classify(f, x, norm, it, settings.marginTolerance());
    }

    /** Residual, Jacobian spectrum and verdict of an equilibrium {@code x} of {@code f}. */
    public static FixedPoint classify(VectorField f, double[] x, double residual, int iterations, double margin) {
        DMatrixRMaj jac = new DMatrixRMaj(x.length, x.length);
        f.jacobian(0, x, jac);
        Spectrum s = Eigen.eigenvalues(jac);
        return new FixedPoint(x.clone(), residual, s, Verdict.ofFlow(s, margin), iterations);
    }

    static double norm2(double[] v) {
        double s = 0;
        for (double a : v) {
            s += a * a;
        }
        return Math.sqrt(s);
    }

    private static boolean allFinite(double[] v) {
        for (double a : v) {
            if (!Double.isFinite(a)) {
                return false;
            }
        }
        return true;
    }
}
