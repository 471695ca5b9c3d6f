package io.github.attractor.analysis.tln;

import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.linalg.Spectrum;

/**
 * An isolated fixed point {@code x* = [Wx* + b]₊} of a TLN with support {@code σ = {i : x*_i > 0}}
 * (sorted unit indices): {@code x*_σ = (I - W_σσ)⁻¹ b_σ}, {@code x*_i = 0} off σ.
 *
 * @param x             the fixed point
 * @param support       σ
 * @param boundaryUnits off-support units with {@code (Wx* + b)_i = 0} (within tolerance): the point lies on a
 *                      switching surface and several linear pieces meet there
 * @param residual      {@code ‖-x* + [Wx* + b]₊‖₂}
 * @param spectrum      eigenvalues of {@code -I + D_σ W}: those of {@code -I + W_σσ} and -1 for each unit off σ
 * @param verdict       stability on the support's piece; for a boundary point the common verdict of all the
 *                      pieces {@code σ ∪ τ}, τ ⊆ boundary units, and MARGINAL (linearisation inconclusive)
 *                      when the pieces disagree; MARGINAL for a non-hyperbolic point (singular {@code I - W_σσ})
 * @param continuum     index of the continuum whose closure holds this point (an end of a line of fixed
 *                      points), or -1 for a point that stands alone
 */
public record TlnFixedPoint(double[] x, int[] support, int[] boundaryUnits, double residual, Spectrum spectrum,
        Verdict verdict, int continuum) {

    /** Whether the point lies on a switching surface. */
    public boolean onBoundary() {
        return boundaryUnits.length > 0;
    }

    /** Whether it is an isolated fixed point (not in the closure of a continuum). */
    public boolean isolated() {
        return continuum < 0;
    }
}
