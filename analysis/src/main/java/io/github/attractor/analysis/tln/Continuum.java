package io.github.attractor.analysis.tln;

import io.github.attractor.core.fixed.Verdict;
import io.github.attractor.core.linalg.Spectrum;

/**
 * A continuum of fixed points carried by a singular support σ: {@code I - W_σσ} is singular, the system
 * {@code (I - W_σσ) x_σ = b_σ} is consistent, and its affine solution set {@code x_p + N t} (N a basis of the
 * null space, dimension {@code nullDimension}) meets the sign conditions {@code x_σ > 0},
 * {@code (Wx + b)_i ≤ 0} off σ in more than one point. For a one-dimensional null space this is a segment
 * (a bounded line attractor) or a ray (an unbounded one), given by its ends in state space.
 *
 * @param support          σ (sorted)
 * @param nullDimension    dimension of the null space of {@code I - W_σσ}
 * @param point            one fixed point inside the continuum
 * @param direction        for a one-dimensional null space the unit direction of the line (else null)
 * @param start            end of the segment at the lower parameter, or null when unbounded that way
 * @param end              end at the upper parameter, or null when unbounded that way
 * @param spectrum         eigenvalues of {@code -I + D_σ W} (nullDimension of them are 0)
 * @param bounded          whether the continuum is bounded (every coordinate of its parameter ranges over a
 *                         finite interval)
 * @param transverse       verdict of the remaining eigenvalues: STABLE means the continuum attracts nearby
 *                         states (a line attractor), UNSTABLE that it repels in some direction
 */
public record Continuum(int[] support, int nullDimension, double[] point, double[] direction, double[] start,
        double[] end, boolean bounded, Spectrum spectrum, Verdict transverse) {
}
