package io.github.attractor.core.linalg;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonConvergenceException;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Random matrix ensembles, reproducible from the caller's {@link RandomGenerator} (for example
 * {@code new SplittableRandom(seed)}).
 *
 * <ul>
 *   <li>{@link #gaussian}: {@code G_ij ~ N(0, 1)} independent (the real Ginibre ensemble).</li>
 *   <li>{@link #goe}: Gaussian orthogonal ensemble, {@code W = (G + G^T) / sqrt(2)} in law: symmetric with
 *       {@code W_ij ~ N(0, 1)} for {@code i != j} and {@code W_ii ~ N(0, 2)}, density
 *       {@code ~ exp(-tr(W^2) / 4)}; its spectrum fills {@code [-2 sqrt(n), 2 sqrt(n)]} (semicircle).</li>
 *   <li>{@link #orthogonal}: Haar-distributed {@code Q in O(n)}: {@code G = Q R} (EJML Householder QR) with the
 *       sign fix {@code Q <- Q diag(sign(r_ii))}, which makes the factorization unique and the law of Q
 *       invariant.</li>
 *   <li>{@link #symmetricWithSpectralNorm}: {@code W * norm / ||W||_2} for W from the GOE.</li>
 *   <li>{@link #positiveDefinite}: {@code Q diag(lambda) Q^T}, Q Haar, {@code lambda_i ~ U[minEig, maxEig]}.</li>
 *   <li>{@link #withSpectralNorm}: {@code A * norm / ||A||_2} (a copy).</li>
 * </ul>
 */
public final class RandomMatrices {
    private static final double SQRT2 = Math.sqrt(2.0);

    private RandomMatrices() {
    }

    /** rows×cols matrix of independent standard normal entries. */
    public static DMatrixRMaj gaussian(int rows, int cols, RandomGenerator rng) {
        dimension("gaussian: rows", rows);
        dimension("gaussian: cols", cols);
        DMatrixRMaj g = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            g.data[i] = rng.nextGaussian();
        }
        return g;
    }

    /** n×n GOE matrix: symmetric, off-diagonal {@code N(0,1)}, diagonal {@code N(0,2)}. */
    public static DMatrixRMaj goe(int n, RandomGenerator rng) {
        dimension("goe: n", n);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            w.unsafe_set(i, i, SQRT2 * rng.nextGaussian());
            for (int j = i + 1; j < n; j++) {
                double v = rng.nextGaussian();
                w.unsafe_set(i, j, v);
                w.unsafe_set(j, i, v);
            }
        }
        return w;
    }

    /** Haar-random n×n orthogonal matrix. */
    public static DMatrixRMaj orthogonal(int n, RandomGenerator rng) {
        dimension("orthogonal: n", n);
        if (n == 0) {
            return new DMatrixRMaj(0, 0);
        }
        DMatrixRMaj g = gaussian(n, n, rng);
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new NonConvergenceException("orthogonal: QR decomposition failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            if (r.unsafe_get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.unsafe_set(i, j, -q.unsafe_get(i, j));
                }
            }
        }
        return q;
    }

    /** GOE matrix rescaled so that {@code ||W||_2 = norm}. */
    public static DMatrixRMaj symmetricWithSpectralNorm(int n, double norm, RandomGenerator rng) {
        dimension("symmetricWithSpectralNorm: n", n);
        nonNegative("symmetricWithSpectralNorm: norm", norm);
        DMatrixRMaj w = goe(n, rng);
        if (n == 0) {
            return w;
        }
        return withSpectralNorm(w, norm);
    }

    /** {@code Q diag(lambda) Q^T} with Q Haar and {@code lambda_i} uniform in {@code [minEig, maxEig]}. */
    public static DMatrixRMaj positiveDefinite(int n, double minEig, double maxEig, RandomGenerator rng) {
        dimension("positiveDefinite: n", n);
        if (!(minEig > 0.0) || !(maxEig >= minEig) || Double.isInfinite(maxEig)) {
            throw new InvalidInputException("positiveDefinite: need 0 < minEig <= maxEig < inf, got minEig = "
                    + minEig + ", maxEig = " + maxEig);
        }
        DMatrixRMaj q = orthogonal(n, rng);
        DMatrixRMaj ql = q.copy();
        for (int j = 0; j < n; j++) {
            double lambda = minEig + (maxEig - minEig) * rng.nextDouble();
            for (int i = 0; i < n; i++) {
                ql.unsafe_set(i, j, ql.unsafe_get(i, j) * lambda);
            }
        }
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(ql, q, p);
        Checks.symmetrizeInPlace(p);
        return p;
    }

    /** A copy of {@code a} scaled to spectral norm {@code norm}. */
    public static DMatrixRMaj withSpectralNorm(DMatrixRMaj a, double norm) {
        nonNegative("withSpectralNorm: norm", norm);
        double current = Norms.spectral(a);
        DMatrixRMaj out = a.copy();
        if (norm == 0.0) {
            out.zero();
            return out;
        }
        if (current == 0.0) {
            throw new InvalidInputException("withSpectralNorm: cannot scale a zero matrix to norm " + norm);
        }
        CommonOps_DDRM.scale(norm / current, out);
        return out;
    }

    private static void dimension(String what, int n) {
        if (n < 0) {
            throw new InvalidInputException(what + " must be >= 0, got " + n);
        }
    }

    private static void nonNegative(String what, double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new InvalidInputException(what + " must be finite and >= 0, got " + v);
        }
    }
}
