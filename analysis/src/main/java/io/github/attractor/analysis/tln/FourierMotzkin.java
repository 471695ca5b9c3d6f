package io.github.attractor.analysis.tln;

import io.github.attractor.core.error.ComputationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fourier–Motzkin elimination for a polyhedron {@code P = {t ∈ R^m : a_r · t ≤ c_r (or < c_r)}}: eliminating
 * every variable but one gives the exact projection of P on that coordinate, an interval. A pair of
 * constraints with opposite signs in the eliminated variable combines, with positive multipliers, into one
 * without it; the result is strict when either parent is. Coefficients below {@code 1e-12} of the row's
 * largest are treated as zero. Used on the (low-dimensional) null spaces of singular supports, so the
 * quadratic growth of the constraint count is bounded by a cap.
 */
final class FourierMotzkin {
    private static final int CAP = 200_000;

    /** One linear constraint {@code a · t ≤ c} ({@code < c} when strict). */
    record Constraint(double[] a, double c, boolean strict) {
    }

    /** A projected interval {@code lo ≤ t_j ≤ hi} (infinite ends allowed); empty when the polyhedron is. */
    record Interval(double lo, double hi, boolean loStrict, boolean hiStrict, boolean empty) {
        double length() {
            return empty ? 0 : hi - lo;
        }
    }

    private FourierMotzkin() {
    }

    /** The projection of P on coordinate {@code j}; {@code tol} absorbs rounding in the emptiness tests. */
    static Interval project(List<Constraint> constraints, int m, int j, double tol) {
        List<Constraint> cur = new ArrayList<>();
        for (Constraint k : constraints) {
            cur.add(clean(k));
        }
        for (int p = 0; p < m; p++) {
            if (p == j) {
                continue;
            }
            List<Constraint> pos = new ArrayList<>();
            List<Constraint> neg = new ArrayList<>();
            List<Constraint> next = new ArrayList<>();
            for (Constraint k : cur) {
                if (k.a()[p] > 0) {
                    pos.add(k);
                } else if (k.a()[p] < 0) {
                    neg.add(k);
                } else {
                    next.add(k);
                }
            }
            if ((long) pos.size() * neg.size() + next.size() > CAP) {
                throw new ComputationException("support enumeration: the null space of a singular support has "
                        + "dimension " + m + " and too many sign constraints to decide exactly");
            }
            for (Constraint u : pos) {
                for (Constraint v : neg) {
                    double mu = -v.a()[p];
                    double mv = u.a()[p];
                    double[] a = new double[m];
                    for (int q = 0; q < m; q++) {
                        a[q] = mu * u.a()[q] + mv * v.a()[q];
                    }
                    a[p] = 0;
                    next.add(clean(new Constraint(a, mu * u.c() + mv * v.c(), u.strict() || v.strict())));
                }
            }
            cur = next;
        }
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        boolean loStrict = false;
        boolean hiStrict = false;
        for (Constraint k : cur) {
            double a = k.a()[j];
            if (a == 0) {
                if (k.c() < -tol || (k.strict() && k.c() <= -tol)) {
                    return new Interval(0, 0, false, false, true);
                }
            } else if (a > 0) {
                double v = k.c() / a;
                if (v < hi || (v == hi && k.strict())) {
                    hi = v;
                    hiStrict = k.strict();
                }
            } else {
                double v = k.c() / a;
                if (v > lo || (v == lo && k.strict())) {
                    lo = v;
                    loStrict = k.strict();
                }
            }
        }
        boolean empty = lo > hi + tol || ((loStrict || hiStrict) && lo >= hi + tol);
        return new Interval(lo, hi, loStrict, hiStrict, empty);
    }

    /** Scales the row to unit largest coefficient and zeroes negligible coefficients. */
    private static Constraint clean(Constraint k) {
        double max = 0;
        for (double v : k.a()) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            return k;
        }
        double[] a = new double[k.a().length];
        for (int q = 0; q < a.length; q++) {
            double v = k.a()[q] / max;
            a[q] = Math.abs(v) <= 1e-12 ? 0 : v;
        }
        return new Constraint(a, k.c() / max, k.strict());
    }
}
