package io.github.attractor.memory.ksoftmax;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.NonFiniteValueException;

/**
 * The workspace and the dual solve behind {@link SumSoftmax} and {@link KSoftmax}: for one score row x it
 * finds the scalar ν with {@code F(ν) = Σ_i σ(x_i + ν) = k} (eq. (3.11) with β folded into x) and leaves
 * {@code y = σ(x + ν)} (eq. (3.10)) in {@link #values()}.
 *
 * <p><b>Coordinates.</b> The scores are shifted by a pivot p (first {@code max x}): {@code z_i = x_i - p},
 * {@code ν' = ν + p}, so that {@code x_i + ν = z_i + ν'} and ν' is of the size of the spread of x, not of x
 * itself. With a spread {@code max x - min x <= }{@value #EXP_FORM_SPREAD} (the usual case) the row is stored
 * as {@code t_i = e^{z_i} ∈ (0, 1]} once, and every evaluation needs no exponential per entry:
 * with {@code c = e^{ν'}} and {@code u = t_i c}, {@code σ = u / (1 + u)} and {@code 1 - σ = 1 / (1 + u)}
 * (one division; no overflow since {@code c <= n e^{600}}). Wider rows keep {@code z_i} and evaluate the
 * logistic in its stable form {@code e = exp(-|w|)}, {@code σ = 1/(1+e)} or {@code e/(1+e)}. There the
 * resolution of ν' (an ulp of about {@code 1e-16 |ν'|}) can be too coarse for the tolerance when many entries
 * sit in the transition far from the pivot (e.g. {@code |x| ≈ 1e6}); the solver then moves the pivot to the
 * current root estimate (a double-double representation of ν: pivot + small ν') and goes on, at most
 * {@value #MAX_RECENTERS} times.
 *
 * <p><b>Safeguarded Newton.</b> The bracket {@code [lo, hi]} starts from three bounds, all from
 * {@code σ(w) <= e^w} and the monotonicity of F:
 * {@code lo = max(logit(k/n) - max z, log k - log Σ e^{z_i})} and {@code hi = logit(k/n) - min z}. The
 * start is {@code lo}, which is already the root when every entry is in the exponential tail (k small
 * relative to n). Each step is Newton's on {@code log F = log k} from below the root and on
 * {@code log(n - F) = log(n - k)} from above (exact in the respective tails, the ordinary Newton step near
 * the root), with {@code F' = Σ σ(1-σ)}; a step that leaves the bracket is replaced by bisection. It stops
 * when {@code |F - k| <= }{@value #TOLERANCE}{@code ·k}; after {@value #MAX_ITERATIONS} evaluations it throws
 * {@link NonConvergenceException}.
 *
 * <p>Not thread-safe: one instance per thread ({@link #local}).
 */
final class SsmSolver {
    /** Relative tolerance on the constraint: {@code |Σ y - k| <= TOLERANCE · k}. */
    static final double TOLERANCE = 1e-10;
    /** Evaluations allowed per solve. */
    static final int MAX_ITERATIONS = 200;
    /** Pivot moves allowed per solve (wide rows only). */
    static final int MAX_RECENTERS = 3;
    /** Rows with {@code max x - min x} up to this are stored as {@code e^{x - max x}}. */
    static final double EXP_FORM_SPREAD = 600;
    /** Evaluations remembered per row. */
    private static final int HISTORY = 64;
    /** Rows up to this length keep their thread-local buffers between calls. */
    private static final int KEEP_LIMIT = 1 << 20;

    private static final ThreadLocal<SsmSolver> LOCAL = ThreadLocal.withInitial(SsmSolver::new);

    private double[] t = new double[0];
    private double[] s = new double[0];
    private double[] prev = new double[0];
    private int n;
    private boolean expForm;
    private double pivot;
    private double zMax;
    private double zMin;
    private double logSumExpZ;
    private double[] srcD;
    private float[] srcF;
    private int srcOff;

    /** Sums of the last evaluation: Σσ, Σ(1-σ), F' = Σσ(1-σ), F'' = Σσ(1-σ)(1-2σ). */
    private double f;
    private double g;
    private double d;
    private double h;
    private int evaluations;
    private final double[] sums = new double[4];
    /** Points evaluated since the last prepare (shifted ν', F): brackets for later solves on the same row. */
    private final double[] histNu = new double[HISTORY];
    private final double[] histF = new double[HISTORY];
    private int histSize;

    /** This thread's solver. */
    static SsmSolver local() {
        return LOCAL.get();
    }

    /** Drops buffers too large to keep (call when done with {@link #local}). */
    void release() {
        if (t.length > KEEP_LIMIT) {
            t = new double[0];
            s = new double[0];
            prev = new double[0];
            srcD = null;
            srcF = null;
        } else {
            srcD = null;
            srcF = null;
        }
    }

    private void ensure(int len) {
        n = len;
        if (t.length < len) {
            t = new double[len];
            s = new double[len];
            prev = new double[len];
        }
    }

    int size() {
        return n;
    }

    /** σ(x + ν) of the last solve (length ≥ {@link #size()}). */
    double[] values() {
        return s;
    }

    /** The values of the solve before the last {@link #swap()}. */
    double[] previous() {
        return prev;
    }

    /** Exchanges {@link #values()} and {@link #previous()}. */
    void swap() {
        double[] tmp = s;
        s = prev;
        prev = tmp;
    }

    /** Evaluations of F used since the last prepare. */
    int evaluations() {
        return evaluations;
    }

    /** Σσ(1-σ) at the last evaluation (the derivative dF/dν). */
    double lastDerivative() {
        return d;
    }

    /** Σσ at the last evaluation. */
    double lastSum() {
        return f;
    }

    /** ν of the unshifted problem for a shifted ν'. */
    double unshift(double nuShifted) {
        return nuShifted - pivot;
    }

    /** Loads a double row; rejects NaN and infinities naming {@code what}. */
    void prepare(double[] x, int off, int len, String what) {
        ensure(len);
        srcD = x;
        srcF = null;
        srcOff = off;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            double v = x[off + i];
            if (!(v <= Double.MAX_VALUE && v >= -Double.MAX_VALUE)) {
                throw new NonFiniteValueException(what + ": entry " + i + " is " + v);
            }
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        setUp(max, min, what);
        double p = pivot;
        if (expForm) {
            if (Kernels.VECTOR_API && len >= Kernels.MIN_LENGTH) {
                logSumExpZ = Math.log(VectorKernels.expShifted(x, off, len, p, t));
            } else {
                double sum = 0;
                for (int i = 0; i < len; i++) {
                    double e = Math.exp(x[off + i] - p);
                    t[i] = e;
                    sum += e;
                }
                logSumExpZ = Math.log(sum);
            }
        } else {
            double sum = 0;
            for (int i = 0; i < len; i++) {
                double z = x[off + i] - p;
                t[i] = z;
                sum += Math.exp(z);
            }
            logSumExpZ = Math.log(sum);
        }
        evaluations = 0;
        histSize = 0;
    }

    /** Loads a float row (computed in double); rejects NaN and infinities naming {@code what}. */
    void prepare(float[] x, int off, int len, String what) {
        ensure(len);
        srcD = null;
        srcF = x;
        srcOff = off;
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (int i = 0; i < len; i++) {
            float v = x[off + i];
            if (!(v <= Float.MAX_VALUE && v >= -Float.MAX_VALUE)) {
                throw new NonFiniteValueException(what + ": entry " + i + " is " + v);
            }
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        setUp(max, min, what);
        double p = pivot;
        if (expForm) {
            if (Kernels.VECTOR_API && len >= Kernels.MIN_LENGTH) {
                logSumExpZ = Math.log(VectorKernels.expShifted(x, off, len, p, t));
            } else {
                double sum = 0;
                for (int i = 0; i < len; i++) {
                    double e = Math.exp(x[off + i] - p);
                    t[i] = e;
                    sum += e;
                }
                logSumExpZ = Math.log(sum);
            }
        } else {
            double sum = 0;
            for (int i = 0; i < len; i++) {
                double z = x[off + i] - p;
                t[i] = z;
                sum += Math.exp(z);
            }
            logSumExpZ = Math.log(sum);
        }
        evaluations = 0;
        histSize = 0;
    }

    private void setUp(double max, double min, String what) {
        double spread = max - min;
        if (!(spread <= Double.MAX_VALUE)) {
            throw new InvalidInputException(what + ": the range max - min = " + max + " - (" + min
                    + ") overflows a double; rescale the scores");
        }
        pivot = max;
        zMax = 0;
        zMin = -spread;
        expForm = spread <= EXP_FORM_SPREAD;
    }

    /** Fills {@link #values()} with a constant (the solutions for k = 0 and k = n). */
    void fill(double v) {
        java.util.Arrays.fill(s, 0, n, v);
    }

    /**
     * Solves {@code Σ σ(z_i + ν') = k} for {@code 0 < k < n}; σ at the root is left in {@link #values()}.
     *
     * @param loHint a known lower bound of the root (shifted coordinates) or {@code -∞}
     * @param start  a first guess (shifted coordinates) or NaN; used when inside the bracket, otherwise the
     *               largest lower bound is
     * @return the shifted root ν'
     */
    double solve(double k, double loHint, double start) {
        double logitK = Math.log(k) - Math.log(n - k);
        double guess = Math.max(logitK - zMax, Math.log(k) - logSumExpZ);
        double lo = guess - 1e-12 * Math.max(1, Math.abs(guess));
        double hi = logitK - zMin;
        hi += 1e-12 * Math.max(1, Math.abs(hi));
        if (loHint > lo) {
            lo = loHint;
        }
        for (int i = 0; i < histSize; i++) {
            if (histF[i] < k * (1 - TOLERANCE)) {
                lo = Math.max(lo, histNu[i]);
            } else if (histF[i] > k * (1 + TOLERANCE)) {
                hi = Math.min(hi, histNu[i]);
            }
        }
        guess = Math.max(guess, lo);
        if (!(hi > lo)) {
            hi = lo + 1e-9 * Math.max(1, Math.abs(lo));
        }
        double nu = start > lo && start < hi ? start : guess;
        double tol = TOLERANCE * k;
        int rounds = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            evaluate(nu);
            double err = f - k;
            if (Math.abs(err) <= tol) {
                return nu;
            }
            if (err < 0) {
                lo = Math.max(lo, nu);
            } else {
                hi = Math.min(hi, nu);
            }
            double next = clusterStep(k, nu);
            if (!(next > lo && next < hi)) {
                next = newton(k, nu, err);
            }
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
                if (!(next > lo && next < hi)) {
                    if (expForm || rounds == MAX_RECENTERS) {
                        break;
                    }
                    // The bracket is exhausted at this resolution: move the pivot to the root estimate.
                    double oldPivot = pivot;
                    recenter(nu);
                    double shift = oldPivot - pivot;
                    double slack = 2 * (Math.ulp(lo) + Math.ulp(hi));
                    histSize = 0;
                    lo = lo - shift - slack;
                    hi = hi - shift + slack;
                    next = nu - shift;
                    rounds++;
                }
            }
            nu = next;
        }
        throw new NonConvergenceException(String.format(
                "sum-softmax: the dual variable did not converge (n = %d, k = %s, |sum y - k| = %.3g after %d "
                        + "evaluations, tolerance %.1g k)", n, k, Math.abs(f - k), evaluations, TOLERANCE));
    }

    /**
     * The step that is exact for the model {@code F(ν) = A + m σ(w + ν)} (A saturated entries, m entries in
     * transition at a common w), fitted to F, F' and F'' at ν: {@code σ_e = (1 - F''/F')/2},
     * {@code m σ_e = F'/(1 - σ_e)}, {@code A = F - m σ_e}; the root has {@code σ* = (k - A)/m} and the step is
     * {@code logit(σ*) - logit(σ_e)}, written so that it stays accurate when σ_e is tiny (where it reduces to
     * the log-Newton step {@code log(k/F)} of the exponential tail). NaN when the model has no root.
     */
    private double clusterStep(double k, double nu) {
        if (!(d > 0)) {
            return Double.NaN;
        }
        double se = 0.5 * (1 - h / d);
        if (!(se >= 0 && se < 1)) {
            return Double.NaN;
        }
        double a = f - d / (1 - se);
        double ratio = (k - a) * (1 - se) / d;
        double star = ratio * se;
        if (!(ratio > 0 && star < 1)) {
            return Double.NaN;
        }
        return nu + Math.log(ratio) + Math.log1p(-se) - Math.log1p(-star);
    }

    /** The Newton step on log F (below the root) or on log(n - F) (above); NaN when undefined. */
    private double newton(double k, double nu, double err) {
        if (!(d > 0)) {
            return Double.NaN;
        }
        if (err < 0) {
            return f > 0 ? nu + Math.log(k / f) * (f / d) : Double.NaN;
        }
        return g > 0 ? nu + Math.log(g / (n - k)) * (g / d) : Double.NaN;
    }

    /** Moves the pivot to {@code pivot - nu} and recomputes z from the source row (wide rows only). */
    private void recenter(double nu) {
        double p = pivot - nu;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double z = (srcD != null ? srcD[srcOff + i] : (double) srcF[srcOff + i]) - p;
            t[i] = z;
            max = Math.max(max, z);
            min = Math.min(min, z);
        }
        pivot = p;
        zMax = max;
        zMin = min;
    }

    /** Writes σ(z + ν') into {@link #values()} and the sums F, G = n - F, F' into the fields. */
    void evaluate(double nu) {
        evaluations++;
        try {
            evaluateSums(nu);
        } finally {
            if (histSize < HISTORY) {
                histNu[histSize] = nu;
                histF[histSize] = f;
                histSize++;
            }
        }
    }

    private void evaluateSums(double nu) {
        if (expForm) {
            double c = Math.exp(nu);
            if (Kernels.VECTOR_API && n >= Kernels.MIN_LENGTH) {
                VectorKernels.logisticOfProduct(t, n, c, s, sums);
                f = sums[0];
                g = sums[1];
                d = sums[2];
                h = sums[3];
                return;
            }
            double f0 = 0;
            double f1 = 0;
            double g0 = 0;
            double g1 = 0;
            double d0 = 0;
            double d1 = 0;
            double h0 = 0;
            double h1 = 0;
            int i = 0;
            for (; i + 1 < n; i += 2) {
                double u0 = t[i] * c;
                double u1 = t[i + 1] * c;
                double r0 = 1 / (1 + u0);
                double r1 = 1 / (1 + u1);
                double s0 = u0 * r0;
                double s1 = u1 * r1;
                s[i] = s0;
                s[i + 1] = s1;
                f0 += s0;
                f1 += s1;
                g0 += r0;
                g1 += r1;
                double a0 = s0 * r0;
                double a1 = s1 * r1;
                d0 += a0;
                d1 += a1;
                h0 += a0 * (r0 - s0);
                h1 += a1 * (r1 - s1);
            }
            if (i < n) {
                double u = t[i] * c;
                double r = 1 / (1 + u);
                double si = u * r;
                s[i] = si;
                f0 += si;
                g0 += r;
                d0 += si * r;
                h0 += si * r * (r - si);
            }
            f = f0 + f1;
            g = g0 + g1;
            d = d0 + d1;
            h = h0 + h1;
        } else if (Kernels.VECTOR_API && n >= Kernels.MIN_LENGTH) {
            VectorKernels.logisticOfSum(t, n, nu, s, sums);
            f = sums[0];
            g = sums[1];
            d = sums[2];
            h = sums[3];
        } else {
            double fs = 0;
            double gs = 0;
            double ds = 0;
            double hs = 0;
            for (int i = 0; i < n; i++) {
                double w = t[i] + nu;
                double e = Math.exp(-Math.abs(w));
                double q = 1 / (1 + e);
                double small = e * q;
                double si = w >= 0 ? q : small;
                double ri = w >= 0 ? small : q;
                s[i] = si;
                fs += si;
                gs += ri;
                ds += si * ri;
                hs += si * ri * (ri - si);
            }
            f = fs;
            g = gs;
            d = ds;
            h = hs;
        }
    }

    /**
     * The potential {@code V_k(x) = ∫₀¹ xᵀ ssm(tx; k) dt} of eq. (3.13) in closed form, at a root ν' of
     * {@link #solve}: {@code ssm(·; k)} is the gradient of the dual function
     * {@code Φ(x) = min_ν Σ_i softplus(x_i + ν) - kν} (the optimal value of (3.2) with the sign flipped), so
     * {@code V_k(x) = Φ(x) - Φ(0)} with {@code Φ(0) = n H_b(k/n)}. Evaluated as
     * {@code Σ softplus(z_i + ν') - kν' + k·pivot - n H_b(k/n)}, the large term {@code k·pivot} added last.
     */
    double potential(double nu, double k) {
        double sum = 0;
        if (expForm) {
            double c = Math.exp(nu);
            for (int i = 0; i < n; i++) {
                sum += Math.log1p(t[i] * c);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double w = t[i] + nu;
                sum += Math.max(w, 0) + Math.log1p(Math.exp(-Math.abs(w)));
            }
        }
        double entropy = -k * Math.log(k / n) - (n - k) * Math.log1p(-k / n);
        return (sum - k * nu - entropy) + k * pivot;
    }

    /** {@code 1 - σ(z + ν')} at a root found by {@link #solve}, into {@code out} (full relative accuracy). */
    void complement(double nu, double[] out) {
        if (expForm) {
            double c = Math.exp(nu);
            for (int i = 0; i < n; i++) {
                out[i] = 1 / (1 + t[i] * c);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double w = t[i] + nu;
                double e = Math.exp(-Math.abs(w));
                double q = 1 / (1 + e);
                out[i] = w >= 0 ? e * q : q;
            }
        }
    }
}
