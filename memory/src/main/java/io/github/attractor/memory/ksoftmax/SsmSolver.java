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
 * relative to n). Each step is the root of a local model fitted to F, F' and F'' ({@link #modelStep}: a
 * Newton-type step of third order, exact in both exponential tails and in the flat stretch between
 * saturated groups). Safeguards: a step that leaves the bracket, or any step after three evaluations that
 * did not halve {@code |F - k|}, is replaced by bisection; after four evaluations the bracket is narrowed by
 * order statistics of x ({@link #orderBounds}: one gap wide when the entries are far apart, as at large β).
 * Earlier evaluations on the same row (previous columns of a k-softmax) also narrow the bracket. It stops
 * when {@code |F - k| <= }{@value #TARGET}{@code ·k} (or another target, see
 * {@link #solve(double, double, double, double)}), or at {@value #TOLERANCE}{@code ·k} when rounding leaves
 * no room in the bracket; after {@value #MAX_ITERATIONS} evaluations it throws
 * {@link NonConvergenceException}.
 *
 * <p>Not thread-safe: one instance per thread ({@link #local}).
 */
final class SsmSolver {
    /** Relative tolerance guaranteed on the constraint: {@code |Σ y - k| <= TOLERANCE · k}. */
    static final double TOLERANCE = 1e-10;
    /**
     * Relative accuracy aimed at by default: the third-order steps usually get there with the same number of
     * evaluations as the guarantee (at most one more), and it keeps measured constraint errors well inside
     * {@link #TOLERANCE}; where rounding makes it unreachable the solve settles for {@link #TOLERANCE}.
     */
    static final double TARGET = 1e-12;
    /** Evaluations allowed per solve. */
    static final int MAX_ITERATIONS = 200;
    /** Pivot moves allowed per solve (wide rows only). */
    static final int MAX_RECENTERS = 3;
    /** Rows with {@code max x - min x} up to this are stored as {@code e^{x - max x}}. */
    static final double EXP_FORM_SPREAD = 600;
    /** Order statistics are taken from at most this many entries from either end. */
    private static final int ORDER_LIMIT = 64;
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

    /**
     * Sums of the last evaluation: {@code F = Σσ}, {@code P = Σσ(1-σ)²}, {@code Q = Σσ²(1-σ)}
     * ({@code F' = P + Q}, {@code F'' = P - Q}), and where it was taken.
     */
    private double f;
    private double p;
    private double q;
    private double lastNu = Double.NaN;
    private int evaluations;
    private final double[] sums = new double[3];
    /** Points evaluated since the last prepare (shifted ν', F): brackets for later solves on the same row. */
    private final double[] histNu = new double[HISTORY];
    private final double[] histF = new double[HISTORY];
    private int histSize;
    /** Cached order statistics of z (largest descending, smallest ascending) since the last prepare. */
    private double[] topVals = new double[0];
    private int topCount;
    private double[] bottomVals = new double[0];
    private int bottomCount;

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

    /**
     * The model prediction (see {@link #modelStep}) of the root for a new target k from the last evaluation
     * (NaN before any): the start for the next column of {@link KSoftmax}.
     */
    double predict(double k) {
        return Double.isNaN(lastNu) ? Double.NaN : modelStep(k, lastNu);
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
        load(x, off, len, what);
    }

    /** Loads a float row (computed in double); rejects NaN and infinities naming {@code what}. */
    void prepare(float[] x, int off, int len, String what) {
        ensure(len);
        srcD = null;
        srcF = x;
        srcOff = off;
        for (int i = 0; i < len; i++) {
            t[i] = x[off + i];
        }
        load(t, 0, len, what);
    }

    /**
     * Checks the row {@code x[off .. off+len)} (which may be {@link #t} itself at offset 0), chooses the pivot and
     * the form, and fills t with {@code e^{x_i - pivot}} (exp form) or {@code x_i - pivot}.
     */
    private void load(double[] x, int off, int len, String what) {
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
        for (int i = 0; i < len; i++) {
            t[i] = x[off + i] - p;
        }
        double sum = 0;
        if (expForm && Kernels.VECTOR_API && len >= Kernels.MIN_LENGTH) {
            sum = VectorKernels.expInPlace(t, len);
        } else if (expForm) {
            for (int i = 0; i < len; i++) {
                double e = Math.exp(t[i]);
                t[i] = e;
                sum += e;
            }
        } else {
            for (int i = 0; i < len; i++) {
                sum += Math.exp(t[i]);
            }
        }
        logSumExpZ = Math.log(sum);
        evaluations = 0;
        histSize = 0;
        lastNu = Double.NaN;
        topCount = 0;
        bottomCount = 0;
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

    /** {@link #solve(double, double, double, double)} aiming at {@value #TARGET}. */
    double solve(double k, double loHint, double start) {
        return solve(k, loHint, start, TARGET);
    }

    /**
     * Solves {@code Σ σ(z_i + ν') = k} for {@code 0 < k < n}; σ at the root is left in {@link #values()}.
     *
     * @param loHint a known lower bound of the root (shifted coordinates) or {@code -∞}
     * @param start  a first guess (shifted coordinates) or NaN; used when inside the bracket, otherwise the
     *               largest lower bound is
     * @param relTol the target {@code |F - k| <= relTol·k}; when rounding makes a target below
     *               {@value #TOLERANCE} unreachable, the solve settles for {@value #TOLERANCE}
     * @return the shifted root ν'
     */
    double solve(double k, double loHint, double start, double relTol) {
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
        double tol = Math.min(relTol, TOLERANCE) * k;
        double accept = TOLERANCE * k;
        int rounds = 0;
        boolean ordered = false;
        double checkErr = Double.POSITIVE_INFINITY;
        int slow = 0;
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
            if (!ordered && it >= 3) {
                // Slow going (typically saturated entries far apart): bracket by order statistics.
                ordered = true;
                double[] b = orderBounds(k);
                if (b != null) {
                    lo = Math.max(lo, b[0]);
                    hi = Math.min(hi, b[1]);
                    if (!(hi > lo)) {
                        hi = lo + 1e-9 * Math.max(1, Math.abs(lo));
                    }
                }
            }
            // Safeguard against crawling model steps (each passing one saturated entry): bisect when |F - k|
            // has not halved in three evaluations.
            if (Math.abs(err) <= 0.5 * checkErr) {
                checkErr = Math.abs(err);
                slow = 0;
            } else {
                slow++;
            }
            double next = slow >= 3 ? Double.NaN : modelStep(k, nu);
            if (!(next > lo && next < hi)) {
                slow = 0;
                next = 0.5 * (lo + hi);
                if (!(next > lo && next < hi)) {
                    if (Math.abs(err) <= accept && nu >= lo && nu <= hi) {
                        return nu;
                    }
                    if (expForm || rounds == MAX_RECENTERS) {
                        break;
                    }
                    // The bracket is exhausted at this resolution: move the pivot to the root estimate.
                    double oldPivot = pivot;
                    recenter(nu);
                    double shift = oldPivot - pivot;
                    double slack = 2 * (Math.ulp(lo) + Math.ulp(hi));
                    histSize = 0;
                    lastNu = Double.NaN;
                    topCount = 0;
                    bottomCount = 0;
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
     * Bounds of the root from order statistics {@code z_[j]} (j-th largest): with {@code a = ⌈k⌉ - 1} and
     * {@code b = ⌊k⌋ + 1}, {@code F(ν) <= a + (n-a) σ(z_[a+1] + ν)} and {@code F(ν) >= b σ(z_[b] + ν)}, so
     * {@code ν* ∈ [logit((k-a)/(n-a)) - z_[a+1], logit(k/b) - z_[b]]} — a bracket about one gap wide around the
     * step of F that holds k, where the other bounds span the whole range of z. Null when the needed order
     * statistics are more than {@value #ORDER_LIMIT} from either end (they come from a bounded heap).
     */
    private double[] orderBounds(double k) {
        int a = (int) Math.ceil(k) - 1;
        int b = (int) Math.floor(k) + 1;
        if (b > n) {
            return null;
        }
        double za;
        double zb;
        if (b <= ORDER_LIMIT) {
            double[] top = largest(b);
            za = top[a];
            zb = top[b - 1];
        } else if (n - a <= ORDER_LIMIT) {
            double[] bottom = smallest(n - a);
            za = bottom[n - a - 1];
            zb = bottom[n - b];
        } else {
            return null;
        }
        double lo = Math.log(k - a) - Math.log(n - k) - za;
        double hi = Math.log(k) - Math.log(b - k) - zb;
        double slackLo = 1e-12 * Math.max(1, Math.abs(lo));
        double slackHi = 1e-12 * Math.max(1, Math.abs(hi));
        return new double[] {lo - slackLo, hi + slackHi};
    }

    /** The m largest z, descending (cached per prepared row). */
    private double[] largest(int m) {
        if (topCount < m) {
            int want = Math.min(n, Math.max(m, 2 * topCount));
            topVals = extreme(want, true);
            topCount = want;
        }
        return topVals;
    }

    /** The m smallest z, ascending (cached per prepared row). */
    private double[] smallest(int m) {
        if (bottomCount < m) {
            int want = Math.min(n, Math.max(m, 2 * bottomCount));
            bottomVals = extreme(want, false);
            bottomCount = want;
        }
        return bottomVals;
    }

    /** The m most extreme z by a bounded heap over the row (largest descending or smallest ascending). */
    private double[] extreme(int m, boolean top) {
        double sign = top ? 1 : -1;
        double[] heap = new double[m];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double v = sign * (expForm ? Math.log(t[i]) : t[i]);
            if (size < m) {
                int c = size++;
                while (c > 0) {
                    int par = (c - 1) >>> 1;
                    if (heap[par] > v) {
                        heap[c] = heap[par];
                        c = par;
                    } else {
                        break;
                    }
                }
                heap[c] = v;
            } else if (v > heap[0]) {
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    if (l >= size) {
                        break;
                    }
                    int r = l + 1;
                    int sm = r < size && heap[r] < heap[l] ? r : l;
                    if (heap[sm] < v) {
                        heap[c] = heap[sm];
                        c = sm;
                    } else {
                        break;
                    }
                }
                heap[c] = v;
            }
        }
        java.util.Arrays.sort(heap, 0, size);
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = sign * heap[size - 1 - i];
        }
        return out;
    }

    /**
     * The root of the model {@code F(ν + δ) ≈ c + P e^δ - Q e^{-δ}} fitted to F, F' = P + Q and F'' = P - Q at ν
     * (P, Q ≥ 0 since {@code |F''| <= F'}): with {@code u = e^δ}, {@code P u² - r u - Q = 0},
     * {@code r = k - c = (P - Q) - (F - k)}, solved in the cancellation-free form. The model is exact in the
     * three regimes that slow Newton down: every active entry in the lower exponential tail ({@code Q = 0}:
     * {@code δ = log(k/F)}), in the upper tail ({@code P = 0}: {@code δ = log((n-F)/(n-k))}), and the flat
     * stretch between two saturated groups where {@code F - k = γe^ν - αe^{-ν}} (large β, integer k), where
     * Newton's step would only gain a factor e per evaluation. Near a simple root it osculates F to second
     * order (a Halley-type step, cubic convergence). NaN when the model has no root.
     */
    private double modelStep(double k, double nu) {
        double pp = Math.max(p, 0);
        double qq = Math.max(q, 0);
        double r = (pp - qq) - (f - k);
        double disc = Math.sqrt(r * r + 4 * pp * qq);
        double u;
        if (r >= 0) {
            u = pp > 0 ? (r + disc) / (2 * pp) : Double.NaN;
        } else {
            u = 2 * qq / (disc - r);
        }
        return u > 0 && u < Double.POSITIVE_INFINITY ? nu + Math.log(u) : Double.NaN;
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

    /** Writes σ(z + ν') into {@link #values()} and the sums F, P, Q into the fields. */
    void evaluate(double nu) {
        evaluations++;
        evaluateSums(nu);
        lastNu = nu;
        if (histSize < HISTORY) {
            histNu[histSize] = nu;
            histF[histSize] = f;
            histSize++;
        }
    }

    private void evaluateSums(double nu) {
        if (expForm) {
            double c = Math.exp(nu);
            if (Kernels.VECTOR_API && n >= Kernels.MIN_LENGTH) {
                VectorKernels.logisticOfProduct(t, n, c, s, sums);
            } else {
                double f0 = 0;
                double p0 = 0;
                double q0 = 0;
                for (int i = 0; i < n; i++) {
                    double u = t[i] * c;
                    double r = 1 / (1 + u);
                    double si = u * r;
                    s[i] = si;
                    double a = si * r;
                    f0 += si;
                    p0 += a * r;
                    q0 += a * si;
                }
                sums[0] = f0;
                sums[1] = p0;
                sums[2] = q0;
            }
        } else if (Kernels.VECTOR_API && n >= Kernels.MIN_LENGTH) {
            VectorKernels.logisticOfSum(t, n, nu, s, sums);
        } else {
            double f0 = 0;
            double p0 = 0;
            double q0 = 0;
            for (int i = 0; i < n; i++) {
                double w = t[i] + nu;
                double e = Math.exp(-Math.abs(w));
                double qd = 1 / (1 + e);
                double small = e * qd;
                double si = w >= 0 ? qd : small;
                double ri = w >= 0 ? small : qd;
                s[i] = si;
                double a = si * ri;
                f0 += si;
                p0 += a * ri;
                q0 += a * si;
            }
            sums[0] = f0;
            sums[1] = p0;
            sums[2] = q0;
        }
        f = sums[0];
        p = sums[1];
        q = sums[2];
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
