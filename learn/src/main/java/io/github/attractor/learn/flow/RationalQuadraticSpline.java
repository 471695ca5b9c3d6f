package io.github.attractor.learn.flow;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.learn.tape.Node;
import io.github.attractor.learn.tape.Ops;
import io.github.attractor.learn.tape.Tape;
import java.util.Arrays;

/**
 * Monotone rational-quadratic spline with linear tails (Durkan, Bekasov, Murray and Papamakarios 2019,
 * "Neural Spline Flows", eq. 4–8 and appendix A), applied elementwise on the tape.
 *
 * <p>On {@code [−B, B]} there are {@code K} bins with widths {@code w_k = 2B (m_w + (1 − K m_w) softmax(θ^w)_k)},
 * heights {@code h_k} likewise, knots {@code (x_k, y_k)} at their exclusive cumulative sums from {@code −B}, and
 * knot derivatives {@code δ_0 = δ_K = 1} (matching the identity tails) and {@code δ_k = m_δ + softplus(θ^δ_k)}
 * inside. In bin {@code k}, with {@code ξ = (x − x_k)/w_k} and {@code s_k = h_k / w_k},
 * <pre>
 *   g(x) = y_k + h_k (s_k ξ² + δ_k ξ(1−ξ)) / (s_k + (δ_{k+1} + δ_k − 2 s_k) ξ(1−ξ))
 *   g'(x) = s_k² (δ_{k+1} ξ² + 2 s_k ξ(1−ξ) + δ_k (1−ξ)²) / (s_k + (δ_{k+1} + δ_k − 2 s_k) ξ(1−ξ))²
 * </pre>
 * and {@code g(x) = x} outside {@code [−B, B]}. The inverse solves the quadratic {@code a ξ² + b ξ + c = 0} with
 * {@code a = h_k(s_k − δ_k) + (y − y_k)(δ_{k+1} + δ_k − 2 s_k)}, {@code b = h_k δ_k − (y − y_k)(δ_{k+1} + δ_k − 2s_k)},
 * {@code c = −s_k (y − y_k)} in the numerically stable form {@code ξ = 2c / (−b − √(b² − 4ac))}.
 *
 * <p>Everything is built from tape operations; the bin index is piecewise constant, so the lookups are
 * {@link Ops#gather} with the index found from the values, and gradients flow to the input and to all three
 * parameter arrays.
 */
public final class RationalQuadraticSpline {
    /** Nflows' defaults for the minimal bin width, height and derivative. */
    public static final double DEFAULT_MIN_WIDTH = 1e-3;
    public static final double DEFAULT_MIN_HEIGHT = 1e-3;
    public static final double DEFAULT_MIN_DERIVATIVE = 1e-3;

    private final int bins;
    private final double tailBound;
    private final double minWidth;
    private final double minHeight;
    private final double minDerivative;

    public RationalQuadraticSpline(int bins, double tailBound, double minWidth, double minHeight, double minDerivative) {
        if (bins < 2) {
            throw new InvalidInputException("spline bins: must be at least 2, got " + bins);
        }
        if (!(tailBound > 0) || !Double.isFinite(tailBound)) {
            throw new InvalidInputException("spline tail bound: must be positive and finite, got " + tailBound);
        }
        if (!(minWidth > 0) || minWidth * bins >= 1 || !(minHeight > 0) || minHeight * bins >= 1) {
            throw new InvalidInputException("spline minimal bin size: must be positive with K·min < 1, got width "
                    + minWidth + ", height " + minHeight + " for " + bins + " bins");
        }
        if (!(minDerivative > 0)) {
            throw new InvalidInputException("spline minimal derivative: must be positive, got " + minDerivative);
        }
        this.bins = bins;
        this.tailBound = tailBound;
        this.minWidth = minWidth;
        this.minHeight = minHeight;
        this.minDerivative = minDerivative;
    }

    /** {@code K} bins on {@code [−B, B]} with the default minimal sizes. */
    public RationalQuadraticSpline(int bins, double tailBound) {
        this(bins, tailBound, DEFAULT_MIN_WIDTH, DEFAULT_MIN_HEIGHT, DEFAULT_MIN_DERIVATIVE);
    }

    public int bins() {
        return bins;
    }

    public double tailBound() {
        return tailBound;
    }

    /** Number of unnormalised parameters per transformed feature: {@code K} widths, {@code K} heights, {@code K − 1} derivatives. */
    public int parametersPerFeature() {
        return 3 * bins - 1;
    }

    /**
     * {@code y = g(x)} and {@code log g'(x)} elementwise for {@code x [B, m]} and unnormalised parameters
     * {@code θ [B, m, 3K − 1]} (widths, heights, interior derivatives along the last axis).
     */
    public FlowResult forward(Node x, Node theta) {
        return apply(x, theta, false);
    }

    /** {@code x = g^{-1}(y)} and {@code log (g^{-1})'(y)} elementwise. */
    public FlowResult inverse(Node y, Node theta) {
        return apply(y, theta, true);
    }

    private FlowResult apply(Node v, Node theta, boolean inverse) {
        int k = bins;
        if (v.rank() != 2 || theta.rank() != 3 || theta.dim(0) != v.dim(0) || theta.dim(1) != v.dim(1)
                || theta.dim(2) != 3 * k - 1) {
            throw new ShapeMismatchException("spline: expected values [B, m] and parameters [B, m, " + (3 * k - 1)
                    + "], got " + Arrays.toString(v.shape()) + " and " + Arrays.toString(theta.shape()));
        }
        Tape t = v.tape();
        int b = v.dim(0);
        int m = v.dim(1);
        int n = b * m;
        double bound = tailBound;
        Node uw = theta.slice(2, 0, k);
        Node uh = theta.slice(2, k, 2 * k);
        Node ud = theta.slice(2, 2 * k, 3 * k - 1);
        Node w = uw.softmax().scale(1 - minWidth * k).plus(minWidth);
        Node h = uh.softmax().scale(1 - minHeight * k).plus(minHeight);
        Node binW = w.scale(2 * bound);
        Node binH = h.scale(2 * bound);
        Node knotX = w.cumsum().sub(w).scale(2 * bound).plus(-bound);
        Node knotY = h.cumsum().sub(h).scale(2 * bound).plus(-bound);
        double[] ones = t.buffer(n);
        Arrays.fill(ones, 1.0);
        Node one = t.constant(ones, b, m, 1);
        Node deriv = Ops.concat(2, one, ud.softplus().plus(minDerivative), one);

        double[] vv = v.value();
        boolean[] inside = new boolean[n];
        double[] clamped = t.buffer(n);
        int[] idx = new int[n];
        int[] idx1 = new int[n];
        double[] knots = (inverse ? knotY : knotX).value();
        for (int r = 0; r < n; r++) {
            inside[r] = vv[r] >= -bound && vv[r] <= bound;
            double c = inside[r] ? vv[r] : 0.0;
            clamped[r] = c;
            int j = 0;
            while (j + 1 < k && knots[r * k + j + 1] <= c) {
                j++;
            }
            idx[r] = j;
            idx1[r] = j + 1;
        }
        Node vin = Ops.where(inside, v, t.constant(clamped, b, m));
        Node xk = Ops.gather(knotX, idx);
        Node wk = Ops.gather(binW, idx);
        Node yk = Ops.gather(knotY, idx);
        Node hk = Ops.gather(binH, idx);
        Node dk = Ops.gather(deriv, idx);
        Node dk1 = Ops.gather(deriv, idx1);
        Node s = hk.div(wk);
        Node curvature = dk1.add(dk).sub(s.scale(2));
        Node out;
        Node xi;
        Node xi1;
        Node den;
        if (!inverse) {
            xi = vin.sub(xk).div(wk);
            xi1 = xi.mul(xi.neg().plus(1));
            den = s.add(curvature.mul(xi1));
            Node num = hk.mul(s.mul(xi.square()).add(dk.mul(xi1)));
            out = yk.add(num.div(den));
        } else {
            Node diff = vin.sub(yk);
            Node qa = hk.mul(s.sub(dk)).add(diff.mul(curvature));
            Node qb = hk.mul(dk).sub(diff.mul(curvature));
            Node qc = s.mul(diff).neg();
            Node disc = qb.square().sub(qa.mul(qc).scale(4));
            xi = qc.scale(2).div(qb.neg().sub(disc.sqrt()));
            out = xi.mul(wk).add(xk);
            xi1 = xi.mul(xi.neg().plus(1));
            den = s.add(curvature.mul(xi1));
        }
        Node dnum = s.square().mul(dk1.mul(xi.square()).add(s.mul(xi1).scale(2)).add(dk.mul(xi.neg().plus(1).square())));
        Node logDeriv = dnum.log().sub(den.log().scale(2));
        if (inverse) {
            logDeriv = logDeriv.neg();
        }
        Node zero = t.constant(t.zeros(n), b, m);
        return new FlowResult(Ops.where(inside, out, v), Ops.where(inside, logDeriv, zero));
    }
}
