package io.github.attractor.analysis.slowpoints;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.field.VectorField;
import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Spectrum;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Fixed and slow points of any vector field in the manner of Sussillo &amp; Barak (2013): minimise the
 * kinetic energy
 * <pre>
 *   q(x) = ½ ‖f(x)‖²,      ∇q = Jᵀ f,      ∇²q = JᵀJ + Σᵢ fᵢ ∇²fᵢ,
 * </pre>
 * from many initial states. The minimiser is Levenberg–Marquardt on the residual f: the step solves
 * {@code (JᵀJ + μ I) δ = -Jᵀ f} (Cholesky, EJML), is accepted when q decreases (then μ ← μ/3) and otherwise
 * retried with μ ← 2μ; it stops when {@code q ≤ fixedTolerance} (a fixed point), when
 * {@code ‖Jᵀf‖ ≤ gradientTolerance · max(1, ‖f‖)} or the step vanishes (a stationary point of q with q > 0),
 * or after {@code maxIterations}. Ends with {@code q ≤ fixedTolerance} are fixed points; ends with
 * {@code q ≤ slowTolerance} are slow points, flagged as local minima of q when the gradient vanished and the
 * central-difference Hessian of q has no eigenvalue below {@code -1e-8 · max(1, ‖∇²q‖)}; other ends are
 * discarded. Each kind is de-duplicated ({@code ‖x₁ - x₂‖∞ ≤ tol · max(1, ‖x₁‖∞)}, the lower q kept) and
 * classified by the eigenvalues of {@code J} ({@link Verdict#ofFlow}).
 */
public final class SlowPoints {

    /**
     * @param fixedTolerance    q at or below which an end is a fixed point
     * @param slowTolerance     q at or below which an end is a slow point
     * @param gradientTolerance relative gradient norm of a stationary point
     * @param maxIterations     LM iterations per start
     * @param distinctTolerance relative ∞-distance under which two ends are the same point
     */
    public record Settings(double fixedTolerance, double slowTolerance, double gradientTolerance, int maxIterations,
            double distinctTolerance) {
        public Settings {
            Require.that(fixedTolerance > 0, "fixed-point tolerance on q must be positive, got " + fixedTolerance);
            Require.that(slowTolerance >= fixedTolerance, "--q-slow must be at least the fixed-point tolerance "
                    + fixedTolerance + ", got " + slowTolerance);
            Require.that(gradientTolerance > 0, "gradient tolerance must be positive, got " + gradientTolerance);
            Require.that(maxIterations > 0, "iteration budget must be positive, got " + maxIterations);
            Require.that(distinctTolerance > 0, "distinct tolerance must be positive, got " + distinctTolerance);
        }

        /** q ≤ 1e-20 fixed, q ≤ 1e-3 slow, gradient 1e-10, 500 iterations, distinct 1e-6. */
        public static Settings defaults() {
            return new Settings(1e-20, 1e-3, 1e-10, 500, 1e-6);
        }

        public Settings withSlowTolerance(double q) {
            return new Settings(fixedTolerance, q, gradientTolerance, maxIterations, distinctTolerance);
        }
    }

    /** Fixed point or slow point. */
    public enum Kind {
        FIXED, SLOW;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One end of a minimisation.
     *
     * @param x            the point
     * @param q            {@code ½‖f(x)‖²}
     * @param spectrum     eigenvalues of J(x)
     * @param verdict      stability of the linearisation at x
     * @param kind         fixed or slow
     * @param localMinimum whether x is a verified local minimum of q (slow points; true for fixed points)
     * @param iterations   LM iterations spent
     */
    public record Point(double[] x, double q, Spectrum spectrum, Verdict verdict, Kind kind, boolean localMinimum,
            int iterations) {
        /** {@code ‖f(x)‖₂ = √(2q)}. */
        public double speed() {
            return Math.sqrt(2 * q);
        }
    }

    /** The distinct fixed points and slow points (ordered by q), how many starts, and how many ends were dropped. */
    public record Result(List<Point> fixedPoints, List<Point> slowPoints, int starts, int discarded) {
    }

    private SlowPoints() {
    }

    /** Minimises q from every start (in parallel) and sorts the ends. */
    public static Result find(VectorField f, List<double[]> starts, Settings settings) {
        Require.that(!starts.isEmpty(), "slow points: need at least one start");
        Point[] ends = new Point[starts.size()];
        IntStream.range(0, starts.size()).parallel().forEach(i -> ends[i] = minimise(f, starts.get(i), settings));
        List<Point> fixed = new ArrayList<>();
        List<Point> slow = new ArrayList<>();
        int discarded = 0;
        for (Point p : ends) {
            if (p == null) {
                discarded++;
            } else {
                merge(p.kind() == Kind.FIXED ? fixed : slow, p, settings.distinctTolerance());
            }
        }
        fixed.sort(Comparator.comparingDouble(Point::q));
        slow.sort(Comparator.comparingDouble(Point::q));
        return new Result(List.copyOf(fixed), List.copyOf(slow), starts.size(), discarded);
    }

    private static void merge(List<Point> list, Point p, double tol) {
        for (int i = 0; i < list.size(); i++) {
            if (same(list.get(i).x(), p.x(), tol)) {
                if (p.q() < list.get(i).q()) {
                    list.set(i, p);
                }
                return;
            }
        }
        list.add(p);
    }

    static boolean same(double[] a, double[] b, double tol) {
        double scale = 1;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        return diff <= tol * scale;
    }

    /** One Levenberg–Marquardt run; null when it ends above the slow tolerance or leaves the finite range. */
    public static Point minimise(VectorField f, double[] x0, Settings s) {
        int n = f.dimension();
        Require.length("slow-point start", x0, n);
        Require.finite("slow-point start", x0);
        double[] x = x0.clone();
        double[] r = new double[n];
        double[] trial = new double[n];
        double[] rt = new double[n];
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        DMatrixRMaj jtj = new DMatrixRMaj(n, n);
        DMatrixRMaj grad = new DMatrixRMaj(n, 1);
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        f.evaluate(0, x, r);
        double q = half(r);
        double mu = 1e-3;
        boolean stationary = false;
        int it = 0;
        while (it < s.maxIterations() && q > s.fixedTolerance()) {
            it++;
            f.jacobian(0, x, jac);
            CommonOps_DDRM.multTransA(jac, jac, jtj);
            DMatrixRMaj rv = DMatrixRMaj.wrap(n, 1, r);
            CommonOps_DDRM.multTransA(jac, rv, grad);
            double gnorm = org.ejml.dense.row.NormOps_DDRM.normF(grad);
            if (gnorm <= s.gradientTolerance() * Math.max(1, Math.sqrt(2 * q))) {
                stationary = true;
                break;
            }
            if (mu == 1e-3) {
                double diag = 0;
                for (int i = 0; i < n; i++) {
                    diag = Math.max(diag, jtj.get(i, i));
                }
                mu = 1e-3 * Math.max(diag, 1e-12);
            }
            boolean accepted = false;
            for (int tries = 0; tries < 60 && !accepted; tries++) {
                DMatrixRMaj a = jtj.copy();
                for (int i = 0; i < n; i++) {
                    a.add(i, i, mu);
                }
                if (!chol.setA(a)) {
                    mu *= 2;
                    continue;
                }
                chol.solve(grad, step);
                double stepNorm = 0;
                double xNorm = 0;
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] - step.data[i];
                    stepNorm = Math.max(stepNorm, Math.abs(step.data[i]));
                    xNorm = Math.max(xNorm, Math.abs(x[i]));
                }
                if (stepNorm <= 1e-15 * Math.max(1, xNorm)) {
                    stationary = true;
                    break;
                }
                f.evaluate(0, trial, rt);
                double qt = half(rt);
                if (qt < q) {
                    System.arraycopy(trial, 0, x, 0, n);
                    System.arraycopy(rt, 0, r, 0, n);
                    q = qt;
                    mu = Math.max(mu / 3, 1e-300);
                    accepted = true;
                } else {
                    mu *= 2;
                }
            }
            if (!accepted) {
                stationary = true;
                break;
            }
        }
        if (!Double.isFinite(q)) {
            return null;
        }
        Kind kind;
        if (q <= s.fixedTolerance()) {
            kind = Kind.FIXED;
        } else if (q <= s.slowTolerance()) {
            kind = Kind.SLOW;
        } else {
            return null;
        }
        boolean localMin = kind == Kind.FIXED || (stationary && hessianPsd(f, x));
        f.jacobian(0, x, jac);
        Spectrum sp = Eigen.eigenvalues(jac);
        return new Point(x, q, sp, Verdict.ofFlow(sp, 1e-8), kind, localMin, it);
    }

    /** Whether the central-difference Hessian of q at x (from the gradient Jᵀf) is positive semidefinite. */
    static boolean hessianPsd(VectorField f, double[] x) {
        int n = x.length;
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        double[] xp = x.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int j = 0; j < n; j++) {
            double step = 1e-5 * Math.max(1, Math.abs(x[j]));
            xp[j] = x[j] + step;
            gradient(f, xp, gp);
            xp[j] = x[j] - step;
            gradient(f, xp, gm);
            xp[j] = x[j];
            for (int i = 0; i < n; i++) {
                h.set(i, j, (gp[i] - gm[i]) / (2 * step));
            }
        }
        DMatrixRMaj sym = new DMatrixRMaj(n, n);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0.5 * (h.get(i, j) + h.get(j, i));
                sym.set(i, j, v);
                norm = Math.max(norm, Math.abs(v));
            }
        }
        return Eigen.minSymmetric(sym) >= -1e-8 * Math.max(1, norm) * n;
    }

    /** {@code ∇q = Jᵀ f} at x. */
    public static void gradient(VectorField f, double[] x, double[] out) {
        int n = x.length;
        double[] r = new double[n];
        f.evaluate(0, x, r);
        DMatrixRMaj jac = new DMatrixRMaj(n, n);
        f.jacobian(0, x, jac);
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += jac.get(i, j) * r[i];
            }
            out[j] = s;
        }
    }

    private static double half(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return 0.5 * s;
    }
}
