package io.github.attractor.analysis.lineattractor;

/**
 * Exact, allocation-free classification of the fixed points of a two-unit TLN
 * {@code dx/dt = -x + [W x + b]₊} by closed-form support enumeration:
 * <pre>
 *   σ = ∅:      x = 0                         valid iff b ≤ 0
 *   σ = {1}:    x₁ = b₁ / (1 - w₁₁)           valid iff x₁ > 0, w₂₁ x₁ + b₂ ≤ 0       (and {2} alike)
 *   σ = {1,2}:  D = (1 - w₁₁)(1 - w₂₂) - w₁₂ w₂₁,
 *               x₁ = ((1 - w₂₂) b₁ + w₁₂ b₂) / D,  x₂ = (w₂₁ b₁ + (1 - w₁₁) b₂) / D,   valid iff x > 0
 * </pre>
 * The full-support point is stable iff {@code D > 0} and {@code w₁₁ + w₂₂ < 2}; an axis point iff
 * {@code w_ii < 1}. A singular support ({@code D = 0} or {@code w_ii = 1} exactly) is flagged so that the
 * caller can hand the case to the general {@link io.github.attractor.analysis.tln.SupportEnumeration}.
 */
public final class TwoUnitClassifier {
    /** Bits of the mask returned by {@link #supports}. */
    public static final int EMPTY = 1;
    public static final int FIRST = 2;
    public static final int SECOND = 4;
    public static final int FULL = 8;
    public static final int SINGULAR = 16;

    private TwoUnitClassifier() {
    }

    /** The valid supports as a bit mask ({@link #EMPTY} | {@link #FIRST} | …), plus {@link #SINGULAR}. */
    public static int supports(double w11, double w12, double w21, double w22, double b1, double b2) {
        int mask = 0;
        if (b1 <= 0 && b2 <= 0) {
            mask |= EMPTY;
        }
        double a1 = 1 - w11;
        double a2 = 1 - w22;
        if (a1 == 0 || a2 == 0) {
            mask |= SINGULAR;
        }
        if (a1 != 0) {
            double x1 = b1 / a1;
            if (x1 > 0 && w21 * x1 + b2 <= 0) {
                mask |= FIRST;
            }
        }
        if (a2 != 0) {
            double x2 = b2 / a2;
            if (x2 > 0 && w12 * x2 + b1 <= 0) {
                mask |= SECOND;
            }
        }
        double d = a1 * a2 - w12 * w21;
        if (d == 0) {
            mask |= SINGULAR;
        } else {
            double x1 = (a2 * b1 + w12 * b2) / d;
            double x2 = (w21 * b1 + a1 * b2) / d;
            if (x1 > 0 && x2 > 0) {
                mask |= FULL;
            }
        }
        return mask;
    }

    /**
     * The type of the perturbed bounded line attractor {@code W' = [[0,-1],[-1,0]] + ε}, {@code b = β(1,1)}
     * (β > 0 scales out). {@link InvariantSet#OTHER} for a singular case, which needs the general search.
     */
    public static InvariantSet bounded(double e11, double e12, double e21, double e22) {
        int m = supports(e11, -1 + e12, -1 + e21, e22, 1, 1);
        return fromMask(m);
    }

    /** The type for a support mask of a network with positive bias. */
    public static InvariantSet fromMask(int m) {
        if ((m & SINGULAR) != 0) {
            return InvariantSet.OTHER;
        }
        int s = m & (FIRST | SECOND | FULL | EMPTY);
        if (s == FULL) {
            return InvariantSet.SINGLE_FIXED_POINT;
        }
        if (s == FIRST || s == SECOND) {
            return InvariantSet.SINGLE_BOUNDARY_FIXED_POINT;
        }
        if (s == (FIRST | SECOND)) {
            return InvariantSet.TWO_BOUNDARY_FIXED_POINTS;
        }
        if (s == (FIRST | SECOND | FULL)) {
            return InvariantSet.THREE_FIXED_POINTS;
        }
        return InvariantSet.OTHER;
    }

    /**
     * The type of the perturbed unbounded line attractor {@code W' = [[0,1],[1,0]] + ε}, {@code b = 0}: the
     * origin is a fixed point for every ε and, while {@code w₁₂, w₂₁ > 0}, W' is Metzler with Perron root
     * {@code μ = (w₁₁ + w₂₂ + √((w₁₁ - w₂₂)² + 4 w₁₂ w₂₁)) / 2} and a positive Perron vector v. For
     * {@code μ > 1} the ray along v is active and grows like {@code e^{(μ-1)t}} (unstable origin); for
     * {@code μ < 1} every piece is Hurwitz and the origin attracts; {@code μ = 1} keeps a ray of fixed points.
     */
    public static InvariantSet unbounded(double e11, double e12, double e21, double e22) {
        double w11 = e11;
        double w12 = 1 + e12;
        double w21 = 1 + e21;
        double w22 = e22;
        if (!(w12 > 0 && w21 > 0)) {
            return InvariantSet.OTHER;
        }
        double mu = 0.5 * (w11 + w22 + Math.sqrt((w11 - w22) * (w11 - w22) + 4 * w12 * w21));
        if (mu > 1) {
            return InvariantSet.ORIGIN_UNSTABLE;
        }
        return mu < 1 ? InvariantSet.ORIGIN_STABLE : InvariantSet.LINE;
    }

    /** Perron root μ of {@code [[0,1],[1,0]] + ε} (see {@link #unbounded}). */
    public static double perronRoot(double e11, double e12, double e21, double e22) {
        double w11 = e11;
        double w22 = e22;
        return 0.5 * (w11 + w22 + Math.sqrt((w11 - w22) * (w11 - w22) + 4 * (1 + e12) * (1 + e21)));
    }

    /**
     * The note's conditions for three fixed points as printed in Section 1.4:
     * {@code 0 < ε₁₁ε₂₂ - ε₁₁ - ε₂₂ - ε₁₂ε₂₁ - ε₁₂ - ε₂₁}, {@code ε₂₂ ≤ ε₁₂}, {@code ε₁₁ ≤ ε₂₁}.
     */
    public static boolean noteThreeFixedPointCondition(double e11, double e12, double e21, double e22) {
        return 0 < e11 * e22 - e11 - e22 - e12 * e21 - e12 - e21 && e22 <= e12 && e11 <= e21;
    }

    /**
     * The corrected condition: both axis fixed points exist, {@code ε₁₂ < ε₂₂} and {@code ε₂₁ < ε₁₁} (for
     * {@code |ε_ij| < 1}); they then force {@code D < 0}, so the full-support saddle exists too.
     */
    public static boolean correctedThreeFixedPointCondition(double e11, double e12, double e21, double e22) {
        return e12 < e22 && e21 < e11;
    }
}
