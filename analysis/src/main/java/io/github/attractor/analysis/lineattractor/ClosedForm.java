package io.github.attractor.analysis.lineattractor;

/**
 * Eigenvalues of the Jacobian {@code J = -I + W'} on the full support of the perturbed bounded line
 * attractor {@code W' = [[0,-1],[-1,0]] + ε}, in closed form (eq. 6 of the note):
 * <pre>
 *   det(W' - (1 + λ) I) = λ² + u λ + v = 0,   λ = (-u ± √(u² - 4v)) / 2,
 *   v = -ε₁₁ - ε₂₂ + ε₁₁ε₂₂ + ε₁₂ + ε₂₁ - ε₁₂ε₂₁                       (as in the note),
 *   u = 2 - ε₁₁ - ε₂₂                                                 (expanding the determinant),
 * </pre>
 * whereas the note prints {@code u = -(2 + ε₁₁ + ε₂₂)}, which at ε = 0 gives the roots {2, 0} instead of the
 * eigenvalues {0, -2} of {@code J = -[[1,1],[1,1]]} (eq. 3). Both are provided so that they can be compared
 * with a numerical eigen-decomposition.
 */
public final class ClosedForm {
    private ClosedForm() {
    }

    /** v of the note. */
    public static double v(double e11, double e12, double e21, double e22) {
        return -e11 - e22 + e11 * e22 + e12 + e21 - e12 * e21;
    }

    /** The eigenvalues {@code {re1, im1, re2, im2}} from the corrected u. */
    public static double[] eigenvalues(double e11, double e12, double e21, double e22) {
        return roots(2 - e11 - e22, v(e11, e12, e21, e22));
    }

    /** The eigenvalues {@code {re1, im1, re2, im2}} from u as printed in the note. */
    public static double[] notePrinted(double e11, double e12, double e21, double e22) {
        return roots(-(2 + e11 + e22), v(e11, e12, e21, e22));
    }

    /** Roots of {@code λ² + uλ + v}, larger real part first. */
    static double[] roots(double u, double v) {
        double disc = u * u - 4 * v;
        if (disc >= 0) {
            double r = Math.sqrt(disc);
            return new double[] {(-u + r) / 2, 0, (-u - r) / 2, 0};
        }
        double r = Math.sqrt(-disc);
        return new double[] {-u / 2, r / 2, -u / 2, -r / 2};
    }
}
