package io.github.attractor.memory.classical;

import io.github.attractor.core.error.Require;

/**
 * The interaction function F of a dense associative memory (Krotov &amp; Hopfield 2016, eq. (2); Demircigil
 * et al. 2017 for the exponential):
 * <ul>
 *   <li>{@link #polynomial(int) polynomial}: {@code F(x) = xⁿ};</li>
 *   <li>{@link #rectifiedPolynomial(int) rectified polynomial}: {@code F(x) = max(x, 0)ⁿ};</li>
 *   <li>{@link #exponential() exponential}: {@code F(x) = eˣ}.</li>
 * </ul>
 * The update of a unit needs the difference {@code D(r) = F(r + 1) - F(r - 1)}, which is computed without
 * cancellation: for the polynomials as {@code 2 Σ_{k odd} C(n,k) r^{n-k}} (all terms have one sign), for the
 * exponential as {@code 2 sinh(1) eʳ}, which is only ever used scaled by {@code e^{-max r}}.
 *
 * @param kind   which family
 * @param degree n for the polynomials, 0 for the exponential
 */
public record Interaction(Kind kind, int degree) {

    /** The three families of F. */
    public enum Kind {
        POLYNOMIAL, RECTIFIED_POLYNOMIAL, EXPONENTIAL
    }

    public Interaction {
        java.util.Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EXPONENTIAL) {
            Require.that(degree == 0, "exponential interaction takes no degree, got " + degree);
        } else {
            Require.that(degree >= 1 && degree <= 64, "interaction degree must be in [1, 64], got " + degree);
        }
    }

    /** {@code F(x) = xⁿ}; n = 2 is the classical Hopfield network (up to self-coupling terms). */
    public static Interaction polynomial(int n) {
        return new Interaction(Kind.POLYNOMIAL, n);
    }

    /** {@code F(x) = max(x, 0)ⁿ}. */
    public static Interaction rectifiedPolynomial(int n) {
        return new Interaction(Kind.RECTIFIED_POLYNOMIAL, n);
    }

    /** {@code F(x) = eˣ}. */
    public static Interaction exponential() {
        return new Interaction(Kind.EXPONENTIAL, 0);
    }

    /** {@code F(x)} (overflows to infinity for the exponential beyond x ≈ 709). */
    public double value(double x) {
        return switch (kind) {
            case POLYNOMIAL -> pow(x, degree);
            case RECTIFIED_POLYNOMIAL -> x > 0 ? pow(x, degree) : 0.0;
            case EXPONENTIAL -> Math.exp(x);
        };
    }

    /** {@code D(r) = F(r + 1) - F(r - 1)} without cancellation (the exponential may overflow; see the class doc). */
    public double difference(double r) {
        return switch (kind) {
            case POLYNOMIAL -> oddBinomialSum(r);
            case RECTIFIED_POLYNOMIAL -> r >= 1 ? oddBinomialSum(r) : r > -1 ? pow(r + 1, degree) : 0.0;
            case EXPONENTIAL -> 2 * Math.sinh(1.0) * Math.exp(r);
        };
    }

    /**
     * A positive multiple of {@code Σ_μ c_μ D(r_μ)} over the first {@code p} entries: the exact sum for the
     * polynomials, {@code Σ_μ c_μ e^{r_μ - max r}} (the common factor {@code 2 sinh(1) e^{max r}} dropped) for
     * the exponential, so its sign is right and nothing overflows.
     */
    public double scaledDifferenceSum(double[] c, double[] r, int p) {
        double s = 0;
        if (kind == Kind.EXPONENTIAL) {
            double max = Double.NEGATIVE_INFINITY;
            for (int mu = 0; mu < p; mu++) {
                max = Math.max(max, r[mu]);
            }
            for (int mu = 0; mu < p; mu++) {
                s += c[mu] * Math.exp(r[mu] - max);
            }
            return s;
        }
        for (int mu = 0; mu < p; mu++) {
            s += c[mu] * difference(r[mu]);
        }
        return s;
    }

    /** {@code (r+1)ⁿ - (r-1)ⁿ = 2 Σ_{k odd} C(n,k) r^{n-k}}: every term has the sign of {@code r^{n-1}}. */
    private double oddBinomialSum(double r) {
        int n = degree;
        double sum = 0;
        double binom = n; // C(n, 1)
        for (int k = 1; k <= n; k += 2) {
            sum += binom * pow(r, n - k);
            // C(n, k+2) = C(n, k) (n-k)(n-k-1) / ((k+1)(k+2))
            binom = binom * (n - k) * (n - k - 1) / ((k + 1.0) * (k + 2.0));
        }
        return 2 * sum;
    }

    private static double pow(double x, int n) {
        double result = 1;
        double base = x;
        int e = n;
        while (e > 0) {
            if ((e & 1) == 1) {
                result *= base;
            }
            base *= base;
            e >>= 1;
        }
        return result;
    }

    /** {@code "polynomial:n=3"}, {@code "rectified-polynomial:n=3"}, {@code "exponential"}. */
    public String name() {
        return switch (kind) {
            case POLYNOMIAL -> "polynomial:n=" + degree;
            case RECTIFIED_POLYNOMIAL -> "rectified-polynomial:n=" + degree;
            case EXPONENTIAL -> "exponential";
        };
    }
}
