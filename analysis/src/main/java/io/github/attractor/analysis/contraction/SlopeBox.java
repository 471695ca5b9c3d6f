package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.Require;
import io.github.attractor.core.linalg.MatrixMeasure;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * The worst matrix measure of the RNN Jacobian over the slope box,
 * <pre>
 *   max_{D ∈ [0, g]ⁿ diagonal} μ_M(-I + W D + L),
 * </pre>
 * for a constant metric M (μ_M the measure of {@code ‖·‖_M}, {@link MatrixMeasure#mu2(DMatrixRMaj,
 * DMatrixRMaj)}) and an optional constant coupling L. Since D ↦ μ_M(-I + WD + L) is convex (a matrix measure is
 * convex and the argument is affine in D), the maximum over the box is attained at one of its 2ⁿ vertices
 * D ∈ {0, g}ⁿ: for n ≤ {@value #EXACT_MAX_UNITS} every vertex is checked and the result is exact; above, a
 * seeded sample of vertices is checked (a lower bound of the true maximum, so a numerical confirmation of a
 * theorem, not a proof). Every slope-restricted φ with {@code 0 ≤ φ' ≤ g} gives Jacobians inside the box, so a
 * negative value certifies contraction in M at rate {@code -value} (for τ = 1).
 */
public final class SlopeBox {
    /** Units up to which all 2ⁿ vertices are enumerated. */
    public static final int EXACT_MAX_UNITS = 12;
    /** Vertices sampled above {@link #EXACT_MAX_UNITS}. */
    public static final int SAMPLED_VERTICES = 2048;

    private SlopeBox() {
    }

    /** The maximum of μ_M(-I + W D + L) over the vertices (L may be null); see the class notes. */
    public static double worstMeasure(DMatrixRMaj w, double g, DMatrixRMaj metric, DMatrixRMaj coupling, long seed) {
        return worstMeasure(w, g, metric, coupling, seed, SAMPLED_VERTICES);
    }

    /**
     * As {@link #worstMeasure(DMatrixRMaj, double, DMatrixRMaj, DMatrixRMaj, long)} with {@code samples} sampled
     * vertices above {@value #EXACT_MAX_UNITS} units (the first two are D = 0 and D = gI).
     */
    public static double worstMeasure(DMatrixRMaj w, double g, DMatrixRMaj metric, DMatrixRMaj coupling, long seed,
            int samples) {
        int n = Require.square("W", w).numRows;
        Require.shape("metric", metric, n, n);
        if (coupling != null) {
            Require.shape("coupling", coupling, n, n);
        }
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double worst = Double.NEGATIVE_INFINITY;
        if (n <= EXACT_MAX_UNITS) {
            for (int mask = 0; mask < (1 << n); mask++) {
                worst = Math.max(worst, measureAt(w, g, metric, coupling, mask, null, j));
            }
            return worst;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[] on = new boolean[n];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < n; i++) {
                on[i] = s == 1 || (s > 1 && rng.nextBoolean()); // s = 0: D = 0; s = 1: D = gI
            }
            worst = Math.max(worst, measureAt(w, g, metric, coupling, 0, on, j));
        }
        return worst;
    }

    /** Whether this check is exact (all vertices) for n units. */
    public static boolean exact(int n) {
        return n <= EXACT_MAX_UNITS;
    }

    private static double measureAt(DMatrixRMaj w, double g, DMatrixRMaj metric, DMatrixRMaj coupling, int mask,
            boolean[] on, DMatrixRMaj j) {
        int n = w.numRows;
        for (int c = 0; c < n; c++) {
            boolean active = on == null ? ((mask >>> c) & 1) != 0 : on[c];
            double d = active ? g : 0;
            for (int r = 0; r < n; r++) {
                j.data[r * n + c] = w.data[r * n + c] * d + (coupling == null ? 0 : coupling.data[r * n + c])
                        - (r == c ? 1 : 0);
            }
        }
        return MatrixMeasure.mu2(j, metric);
    }
}
