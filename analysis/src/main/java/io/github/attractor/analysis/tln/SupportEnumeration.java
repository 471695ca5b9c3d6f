package io.github.attractor.analysis.tln;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.Spectrum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Exact enumeration of the fixed points of a TLN {@code dx/dt = -x + [Wx + b]₊} by support. A point
 * {@code x*} with support {@code σ = {i : x*_i > 0}} is a fixed point iff
 * <pre>
 *   (I - W_σσ) x*_σ = b_σ,      x*_σ > 0,      (W x* + b)_i ≤ 0  for i ∉ σ,
 * </pre>
 * so each support carries at most one isolated fixed point, or, when {@code I - W_σσ} is singular and the
 * system consistent, a polyhedral set of them ({@link Continuum}, decided exactly by Fourier–Motzkin on the
 * null space). Off-support equalities {@code (Wx* + b)_i = 0} are reported as boundary units.
 *
 * <p>Search: every support is visited once, in a depth-first order that adds units by increasing index,
 * and {@code I - W_σσ} is factorised by <em>bordering</em> the parent's LU factors ({@code O(k²)} per support
 * instead of {@code O(k³)}; the forward-substituted right-hand side is extended, not recomputed). A step
 * whose pivot shows cancellation, or whose solution leaves a relative residual above 1e-10, falls back to an
 * SVD of the support's matrix (which also decides singularity, {@code s_min ≤ tol · s_max}); a support below
 * such a step is solved by SVD too. The top levels of the tree are split over threads.
 *
 * <p>Pruning (with {@code prune}): a unit with {@code b_i ≤ 0}, {@code W_ij ≤ 0} for all {@code j ≠ i} and
 * {@code W_ii < 1} is in no support (at a fixed point with {@code x_i > 0},
 * {@code x_i = W_ii x_i + Σ_j W_ij x_j + b_i ≤ W_ii x_i} forces {@code x_i ≤ 0}); a unit with {@code b_i > 0}
 * and {@code W_ij ≥ 0} for all {@code j ≠ i} is in every support (with {@code x_i = 0},
 * {@code (Wx + b)_i ≥ b_i > 0} violates the off-support condition). The search then runs over the other
 * units only.
 */
public final class SupportEnumeration {
    private static final double PIVOT_TOLERANCE = 1e-7;
    private static final double RESIDUAL_TOLERANCE = 1e-10;
    private static final int SPLIT_BITS = 6;

    /**
     * @param singularTolerance relative singular-value threshold for a singular support
     * @param signTolerance     sign conditions hold to this tolerance (times {@code max(1, ‖b‖∞)}); also the
     *                          width of the boundary band {@code |(Wx + b)_i| ≤ tol}
     * @param prune             whether to apply the sign rules above
     */
    public record Settings(double singularTolerance, double signTolerance, boolean prune) {
        public Settings {
            Require.that(singularTolerance > 0 && singularTolerance < 1,
                    "singular tolerance must be in (0, 1), got " + singularTolerance);
            Require.that(signTolerance > 0, "sign tolerance must be positive, got " + signTolerance);
        }

        /** Singular below 1e-10 relative, signs to 1e-9, pruning on. */
        public static Settings defaults() {
            return new Settings(1e-10, 1e-9, true);
        }

        public Settings withPrune(boolean p) {
            return new Settings(singularTolerance, signTolerance, p);
        }
    }

    /**
     * What the search did: supports visited, supports solved by SVD (fallback), singular supports, units
     * pruned as always-off and always-on, and the wall time in seconds.
     */
    public record Statistics(long supportsVisited, long svdSolves, long singularSupports, int forcedOff,
            int forcedOn, double seconds) {
    }

    /** The fixed points (sorted by support size, then indices), the continua and the statistics. */
    public record Result(List<TlnFixedPoint> fixedPoints, List<Continuum> continua, Statistics statistics) {

        /** The fixed points not lying on a continuum. */
        public List<TlnFixedPoint> isolated() {
            return fixedPoints.stream().filter(TlnFixedPoint::isolated).toList();
        }

        /** The isolated fixed points with the given verdict. */
        public List<TlnFixedPoint> isolated(Verdict v) {
            return fixedPoints.stream().filter(p -> p.isolated() && p.verdict() == v).toList();
        }
    }

    private SupportEnumeration() {
    }

    public static Result enumerate(ThresholdLinearNetwork net) {
        return enumerate(net, Settings.defaults());
    }

    public static Result enumerate(ThresholdLinearNetwork net, Settings settings) {
        long t0 = System.nanoTime();
        Problem pb = new Problem(net, settings);
        int n = pb.n;
        boolean[] off = new boolean[n];
        boolean[] on = new boolean[n];
        int forcedOff = 0;
        int forcedOn = 0;
        if (settings.prune()) {
            for (int i = 0; i < n; i++) {
                boolean allNonPositive = true;
                boolean allNonNegative = true;
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        double w = net.weight(i, j);
                        allNonPositive &= w <= 0;
                        allNonNegative &= w >= 0;
                    }
                }
                if (net.bias(i) <= 0 && allNonPositive && net.weight(i, i) < 1) {
                    off[i] = true;
                    forcedOff++;
                } else if (net.bias(i) > 0 && allNonNegative) {
                    on[i] = true;
                    forcedOn++;
                }
            }
        }
        int[] forcedOnUnits = IntStream.range(0, n).filter(i -> on[i]).toArray();
        int[] free = IntStream.range(0, n).filter(i -> !on[i] && !off[i]).toArray();
        int bits = Math.min(free.length, SPLIT_BITS);
        int tasks = 1 << bits;
        Search[] searches = new Search[tasks];
        IntStream.range(0, tasks).parallel().forEach(task -> {
            Search s = new Search(pb, free, bits);
            for (int u : forcedOnUnits) {
                s.push(u);
            }
            for (int q = 0; q < bits; q++) {
                if ((task >> q & 1) != 0) {
                    s.push(free[q]);
                }
            }
            s.visit();
            s.dfs(bits);
            searches[task] = s;
        });
        List<Candidate> candidates = new ArrayList<>();
        List<Continuum> continua = new ArrayList<>();
        long visited = 0;
        long svd = 0;
        long singular = 0;
        for (Search s : searches) {
            candidates.addAll(s.found);
            continua.addAll(s.continua);
            visited += s.visited;
            svd += s.svdSolves;
            singular += s.singular;
        }
        Comparator<int[]> bySupport = (a, c) -> a.length != c.length ? Integer.compare(a.length, c.length)
                : Arrays.compare(a, c);
        candidates.sort((a, c) -> bySupport.compare(a.support, c.support));
        continua.sort((a, c) -> bySupport.compare(a.support(), c.support()));
        List<TlnFixedPoint> points = new ArrayList<>();
        for (Candidate c : candidates) {
            points.add(pb.classify(c, continua));
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return new Result(List.copyOf(points), List.copyOf(continua),
                new Statistics(visited, svd, singular, forcedOff, forcedOn, seconds));
    }

    /** A fixed point before classification. */
    record Candidate(double[] x, int[] support, boolean nonHyperbolic) {
    }

    /** The network in flat arrays, shared read-only by the searches. */
    static final class Problem {
        final int n;
        final double[] a; // I - W, row-major
        final double[] w;
        final double[] b;
        final ThresholdLinearNetwork net;
        final Settings settings;
        final double scale;
        final double tol;

        Problem(ThresholdLinearNetwork net, Settings settings) {
            this.net = net;
            this.settings = settings;
            this.n = net.dimension();
            this.w = net.weights().data;
            this.b = net.bias();
            this.a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] = (i == j ? 1 : 0) - w[i * n + j];
                }
            }
            double s = 1;
            for (double v : b) {
                s = Math.max(s, Math.abs(v));
            }
            this.scale = s;
            this.tol = settings.signTolerance() * s;
        }

        /** {@code (Wx + b)_i} for a full state x. */
        double pre(int i, double[] x) {
            double s = b[i];
            for (int j = 0; j < n; j++) {
                s += w[i * n + j] * x[j];
            }
            return s;
        }

        TlnFixedPoint classify(Candidate c, List<Continuum> continua) {
            double[] x = c.x();
            double[] fx = new double[n];
            net.evaluate(0, x, fx);
            double res = 0;
            for (double v : fx) {
                res += v * v;
            }
            res = Math.sqrt(res);
            boolean[] inSupport = new boolean[n];
            for (int i : c.support()) {
                inSupport[i] = true;
            }
            List<Integer> boundary = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!inSupport[i] && Math.abs(pre(i, x)) <= tol) {
                    boundary.add(i);
                }
            }
            int[] bu = boundary.stream().mapToInt(Integer::intValue).toArray();
            Spectrum spectrum = Eigen.eigenvalues(net.jacobianOnSupport(c.support()));
            Verdict verdict = Verdict.ofFlow(spectrum, 1e-9);
            if (c.nonHyperbolic()) {
                verdict = Verdict.MARGINAL;
            } else if (bu.length > 0) {
                int pieces = 1 << Math.min(bu.length, 12);
                for (int mask = 1; mask < pieces; mask++) {
                    int[] piece = Arrays.copyOf(c.support(), c.support().length + Integer.bitCount(mask));
                    int k = c.support().length;
                    for (int q = 0; q < bu.length && q < 12; q++) {
                        if ((mask >> q & 1) != 0) {
                            piece[k++] = bu[q];
                        }
                    }
                    Verdict v = Verdict.ofFlow(Eigen.eigenvalues(net.jacobianOnSupport(piece)), 1e-9);
                    if (v != verdict) {
                        verdict = Verdict.MARGINAL;
                        break;
                    }
                }
            }
            int on = -1;
            for (int q = 0; q < continua.size() && on < 0; q++) {
                if (inClosure(x, continua.get(q))) {
                    on = q;
                }
            }
            return new TlnFixedPoint(x, c.support(), bu, res, spectrum, verdict, on);
        }

        /** Whether x lies in the closure of the continuum: on its affine set, within its support. */
        boolean inClosure(double[] x, Continuum c) {
            boolean[] inSupport = new boolean[n];
            for (int i : c.support()) {
                inSupport[i] = true;
            }
            for (int i = 0; i < n; i++) {
                if (!inSupport[i] && Math.abs(x[i]) > tol) {
                    return false;
                }
            }
            // x is a fixed point with support inside σ: it lies on the continuum's affine set iff
            // (I - W_σσ) x_σ = b_σ, and then it is a limit of interior points when the set is convex and
            // x satisfies the closed sign conditions (it does: it is a fixed point).
            int[] s = c.support();
            for (int i : s) {
                double r = -b[i];
                for (int j : s) {
                    r += a[i * n + j] * x[j];
                }
                if (Math.abs(r) > 1e-7 * scale) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Depth-first search over supports with bordered LU factors. */
    static final class Search {
        final Problem pb;
        final int n;
        final int[] free;
        final int fixedBits;
        final int[] order;
        final boolean[] inSupport;
        final double[] lower; // L (unit lower), row-major n×n in push order
        final double[] upper; // U
        final double[] y; // L⁻¹ b in push order
        final boolean[] reliable;
        final double[] xs;
        final double[] full;
        int k;
        long visited;
        long svdSolves;
        long singular;
        final List<Candidate> found = new ArrayList<>();
        final List<Continuum> continua = new ArrayList<>();

        Search(Problem pb, int[] free, int fixedBits) {
            this.pb = pb;
            this.n = pb.n;
            this.free = free;
            this.fixedBits = fixedBits;
            this.order = new int[n];
            this.inSupport = new boolean[n];
            this.lower = new double[n * n];
            this.upper = new double[n * n];
            this.y = new double[n];
            this.reliable = new boolean[n + 1];
            this.xs = new double[n];
            this.full = new double[n];
            reliable[0] = true;
        }

        void dfs(int from) {
            for (int q = from; q < free.length; q++) {
                push(free[q]);
                visit();
                dfs(q + 1);
                pop();
            }
        }

        /** Adds unit j to the support: borders L and U by one row and column. */
        void push(int j) {
            double[] a = pb.a;
            int nn = n;
            double d = a[j * nn + j];
            double cancel = Math.abs(d);
            boolean ok = reliable[k];
            if (ok) {
                // w = L⁻¹ u (new column of U), u_i = A[order_i, j]
                for (int i = 0; i < k; i++) {
                    double s = a[order[i] * nn + j];
                    for (int p = 0; p < i; p++) {
                        s -= lower[i * nn + p] * upper[p * nn + k];
                    }
                    upper[i * nn + k] = s;
                }
                // l = U⁻ᵀ v (new row of L), v_i = A[j, order_i]
                for (int i = 0; i < k; i++) {
                    double s = a[j * nn + order[i]];
                    for (int p = 0; p < i; p++) {
                        s -= upper[p * nn + i] * lower[k * nn + p];
                    }
                    lower[k * nn + i] = s / upper[i * nn + i];
                }
                double pivot = d;
                double yk = pb.b[j];
                for (int p = 0; p < k; p++) {
                    double lw = lower[k * nn + p] * upper[p * nn + k];
                    pivot -= lw;
                    cancel += Math.abs(lw);
                    yk -= lower[k * nn + p] * y[p];
                }
                upper[k * nn + k] = pivot;
                y[k] = yk;
                ok = Math.abs(pivot) > PIVOT_TOLERANCE * cancel && Double.isFinite(pivot) && Double.isFinite(yk);
            }
            order[k] = j;
            inSupport[j] = true;
            k++;
            reliable[k] = ok;
        }

        void pop() {
            k--;
            inSupport[order[k]] = false;
        }

        /** Solves the current support and records a fixed point or a continuum if the sign conditions hold. */
        void visit() {
            visited++;
            boolean solved = false;
            if (reliable[k]) {
                for (int i = k - 1; i >= 0; i--) {
                    double s = y[i];
                    for (int p = i + 1; p < k; p++) {
                        s -= upper[i * n + p] * xs[p];
                    }
                    xs[i] = s / upper[i * n + i];
                }
                solved = residualOk();
            }
            if (!solved) {
                svdSolves++;
                if (!solveBySvd()) {
                    return;
                }
            }
            check(false);
        }

        /** Relative residual of (I - W_σσ) x_σ = b_σ below 1e-10. */
        private boolean residualOk() {
            double worst = 0;
            double size = 0;
            for (int i = 0; i < k; i++) {
                int ri = order[i];
                double r = -pb.b[ri];
                double mag = Math.abs(pb.b[ri]);
                for (int p = 0; p < k; p++) {
                    double t = pb.a[ri * n + order[p]] * xs[p];
                    r += t;
                    mag += Math.abs(t);
                }
                if (!Double.isFinite(r)) {
                    return false;
                }
                worst = Math.max(worst, Math.abs(r));
                size = Math.max(size, mag);
            }
            return worst <= RESIDUAL_TOLERANCE * Math.max(size, 1e-300);
        }

        /** The sign conditions at x (xs in push order); records the fixed point. */
        private void check(boolean nonHyperbolic) {
            for (int i = 0; i < k; i++) {
                if (!(xs[i] > pb.tol)) {
                    return;
                }
            }
            Arrays.fill(full, 0);
            for (int i = 0; i < k; i++) {
                full[order[i]] = xs[i];
            }
            for (int i = 0; i < n; i++) {
                if (!inSupport[i] && pb.pre(i, full) > pb.tol) {
                    return;
                }
            }
            found.add(new Candidate(full.clone(), sortedSupport(), nonHyperbolic));
        }

        private int[] sortedSupport() {
            int[] s = Arrays.copyOf(order, k);
            Arrays.sort(s);
            return s;
        }

        /**
         * SVD of {@code I - W_σσ}: solves a regular support into xs (returns true), or handles a singular one
         * (continuum, isolated non-hyperbolic point, or nothing; returns false).
         */
        private boolean solveBySvd() {
            if (k == 0) {
                return true;
            }
            DMatrixRMaj m = new DMatrixRMaj(k, k);
            for (int i = 0; i < k; i++) {
                for (int p = 0; p < k; p++) {
                    m.unsafe_set(i, p, pb.a[order[i] * n + order[p]]);
                }
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(k, k, true, true, false);
            if (!svd.decompose(m.copy())) {
                throw new io.github.attractor.core.error.NonConvergenceException(
                        "support enumeration: SVD did not converge on a support of size " + k);
            }
            double[] sv = svd.getSingularValues();
            DMatrixRMaj u = svd.getU(null, false);
            DMatrixRMaj v = svd.getV(null, false);
            double smax = 0;
            for (double s : sv) {
                smax = Math.max(smax, s);
            }
            double cut = pb.settings.singularTolerance() * Math.max(smax, 1e-300);
            List<Integer> nullCols = new ArrayList<>();
            double[] xp = new double[k];
            for (int c = 0; c < k; c++) {
                if (sv[c] <= cut) {
                    nullCols.add(c);
                    continue;
                }
                double coef = 0;
                for (int i = 0; i < k; i++) {
                    coef += u.get(i, c) * pb.b[order[i]];
                }
                coef /= sv[c];
                for (int i = 0; i < k; i++) {
                    xp[i] += coef * v.get(i, c);
                }
            }
            if (nullCols.isEmpty()) {
                System.arraycopy(xp, 0, xs, 0, k);
                return true;
            }
            singular++;
            // consistency: the right-hand side must lie in the range of I - W_σσ
            double worst = 0;
            double size = 0;
            for (int i = 0; i < k; i++) {
                double r = -pb.b[order[i]];
                double mag = Math.abs(pb.b[order[i]]);
                for (int p = 0; p < k; p++) {
                    double t = m.get(i, p) * xp[p];
                    r += t;
                    mag += Math.abs(t);
                }
                worst = Math.max(worst, Math.abs(r));
                size = Math.max(size, mag);
            }
            if (worst > 1e-8 * Math.max(size, pb.scale)) {
                return false;
            }
            int dim = nullCols.size();
            double[][] basis = new double[k][dim];
            for (int c = 0; c < dim; c++) {
                for (int i = 0; i < k; i++) {
                    basis[i][c] = v.get(i, nullCols.get(c));
                }
            }
            analyseNullSpace(xp, basis, dim);
            return false;
        }

        /** The polyhedron of parameters t with x_σ = x_p + N t satisfying the sign conditions. */
        private void analyseNullSpace(double[] xp, double[][] basis, int dim) {
            List<FourierMotzkin.Constraint> cons = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                double[] row = new double[dim];
                for (int c = 0; c < dim; c++) {
                    row[c] = -basis[i][c];
                }
                cons.add(new FourierMotzkin.Constraint(row, xp[i], true)); // x_i > 0
            }
            for (int r = 0; r < n; r++) {
                if (inSupport[r]) {
                    continue;
                }
                double[] row = new double[dim];
                double[] ref = new double[dim];
                double c0 = pb.b[r];
                for (int i = 0; i < k; i++) {
                    double wri = pb.w[r * n + order[i]];
                    c0 += wri * xp[i];
                    for (int c = 0; c < dim; c++) {
                        row[c] += wri * basis[i][c];
                        ref[c] += Math.abs(wri * basis[i][c]);
                    }
                }
                for (int c = 0; c < dim; c++) {
                    if (Math.abs(row[c]) <= 1e-12 * ref[c]) {
                        row[c] = 0; // cancellation: the null direction does not move this pre-activation
                    }
                }
                cons.add(new FourierMotzkin.Constraint(row, -c0, false)); // (Wx + b)_r ≤ 0
            }
            FourierMotzkin.Interval[] iv = new FourierMotzkin.Interval[dim];
            boolean continuum = false;
            boolean bounded = true;
            for (int c = 0; c < dim; c++) {
                iv[c] = FourierMotzkin.project(cons, dim, c, pb.tol);
                if (iv[c].empty()) {
                    return;
                }
                continuum |= iv[c].length() > pb.tol;
                bounded &= Double.isFinite(iv[c].lo()) && Double.isFinite(iv[c].hi());
            }
            if (!continuum) {
                // a single point, pinned by the sign conditions: an isolated, non-hyperbolic fixed point
                for (int i = 0; i < k; i++) {
                    double s = xp[i];
                    for (int c = 0; c < dim; c++) {
                        s += basis[i][c] * 0.5 * (iv[c].lo() + iv[c].hi());
                    }
                    xs[i] = s;
                }
                checkPinned();
                return;
            }
            double[] t = new double[dim];
            for (int c = 0; c < dim; c++) {
                t[c] = interior(iv[c]);
            }
            double[] point = toState(xp, basis, t);
            double[] direction = null;
            double[] start = null;
            double[] end = null;
            if (dim == 1) {
                direction = new double[n];
                for (int i = 0; i < k; i++) {
                    direction[order[i]] = basis[i][0];
                }
                if (Double.isFinite(iv[0].lo())) {
                    start = toState(xp, basis, new double[] {iv[0].lo()});
                }
                if (Double.isFinite(iv[0].hi())) {
                    end = toState(xp, basis, new double[] {iv[0].hi()});
                }
            }
            int[] support = sortedSupport();
            Spectrum spectrum = Eigen.eigenvalues(pb.net.jacobianOnSupport(support));
            continua.add(new Continuum(support, dim, point, direction, start, end, bounded, spectrum,
                    transverse(spectrum, dim)));
        }

        /** A pinned point passes the closed sign conditions by construction; record it as non-hyperbolic. */
        private void checkPinned() {
            check(true);
        }

        private static double interior(FourierMotzkin.Interval iv) {
            boolean lo = Double.isFinite(iv.lo());
            boolean hi = Double.isFinite(iv.hi());
            if (lo && hi) {
                return 0.5 * (iv.lo() + iv.hi());
            }
            if (lo) {
                return iv.lo() + 1;
            }
            if (hi) {
                return iv.hi() - 1;
            }
            return 0;
        }

        private double[] toState(double[] xp, double[][] basis, double[] t) {
            double[] x = new double[n];
            for (int i = 0; i < k; i++) {
                double s = xp[i];
                for (int c = 0; c < t.length; c++) {
                    s += basis[i][c] * t[c];
                }
                x[order[i]] = s;
            }
            return x;
        }

        /** Verdict of the spectrum without its {@code dim} eigenvalues closest to zero. */
        static Verdict transverse(Spectrum s, int dim) {
            int size = s.size();
            Integer[] idx = new Integer[size];
            for (int i = 0; i < size; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, Comparator.comparingDouble(i -> Math.hypot(s.real(i), s.imag(i))));
            double max = Double.NEGATIVE_INFINITY;
            for (int q = dim; q < size; q++) {
                max = Math.max(max, s.real(idx[q]));
            }
            if (max < -1e-9) {
                return Verdict.STABLE;
            }
            return max > 1e-9 ? Verdict.UNSTABLE : Verdict.MARGINAL;
        }
    }
}
