package io.github.attractor.analysis.contraction;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.linalg.Eigen;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Random weight matrices in the structured family of each of Theorems 1–5, for testing the certificates against
 * simulation. Each family is broad (random sparsity, scales, signs) and sits inside the theorem's condition by
 * construction, with a random margin; whether the theorem's own check then certifies it is for the caller to
 * verify (it always should).
 * <ul>
 *   <li>1: sparse Gaussian W (any diagonal) scaled so the Perron root of {@code g|W|'} is r ∈ [0.3, 0.95];</li>
 *   <li>2: symmetric Gaussian W shifted so {@code g λ_max(W)} = r ∈ [-0.5, 0.95];</li>
 *   <li>3: {@code W = -P₁QP₂}, {@code Q = BBᵀ/n + 0.05 I}, P₁, P₂ log-uniform in [e⁻¹, e];</li>
 *   <li>4: lower or upper triangular, off-diagonal N(0, 2²), diagonal U(-2, 0.95/g);</li>
 *   <li>5: the parametrization {@code Φ⁻¹ U Σ Vᵀ Φ} of {@link StableParametrization}, σ_i ∈ U(0, 0.95/g).</li>
 * </ul>
 */
public final class RandomWeights {
    private RandomWeights() {
    }

    /** One n×n W of theorem {@code theorem} (1–5) for slope bound g. */
    public static DMatrixRMaj draw(int theorem, int n, double g, SplittableRandom rng) {
        if (n < 1) {
            throw new InvalidInputException("units: must be at least 1, got " + n);
        }
        return switch (theorem) {
            case 1 -> absolute(n, g, rng);
            case 2 -> symmetric(n, g, rng);
            case 3 -> product(n, rng);
            case 4 -> triangular(n, g, rng);
            case 5 -> parametrized(n, g, rng);
            default -> throw new InvalidInputException("theorem: expected 1 to 5, got " + theorem);
        };
    }

    private static DMatrixRMaj gaussian(int n, double sd, SplittableRandom rng) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data[i] = sd * gauss(rng);
        }
        return a;
    }

    static double gauss(SplittableRandom rng) {
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    private static DMatrixRMaj absolute(int n, double g, SplittableRandom rng) {
        double density = 0.2 + 0.8 * rng.nextDouble();
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            if (rng.nextDouble() < density) {
                w.data[i] = gauss(rng);
            }
        }
        double rho = Eigen.eigenvalues(AbsoluteValueRestricted.metzler(w, g)).maxRealPart() + 1;
        if (rho <= 1e-12) {
            return w;
        }
        double r = 0.3 + 0.65 * rng.nextDouble();
        CommonOps_DDRM.scale(r / rho, w);
        return w;
    }

    private static DMatrixRMaj symmetric(int n, double g, SplittableRandom rng) {
        DMatrixRMaj a = gaussian(n, 2 / Math.sqrt(n), rng);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(a, w);
        CommonOps_DDRM.addEquals(w, a);
        CommonOps_DDRM.scale(0.5, w);
        double top = Eigen.maxSymmetric(w);
        double r = -0.5 + 1.45 * rng.nextDouble();
        for (int i = 0; i < n; i++) {
            w.add(i, i, r / g - top);
        }
        return w;
    }

    private static DMatrixRMaj product(int n, SplittableRandom rng) {
        DMatrixRMaj b = gaussian(n, 1.5, rng);
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(b, b, q);
        CommonOps_DDRM.scale(1.0 / n, q);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        double[] p1 = new double[n];
        double[] p2 = new double[n];
        for (int i = 0; i < n; i++) {
            q.add(i, i, 0.05);
            p1[i] = Math.exp(2 * rng.nextDouble() - 1);
            p2[i] = Math.exp(2 * rng.nextDouble() - 1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w.set(i, j, -p1[i] * q.get(i, j) * p2[j]);
            }
        }
        return w;
    }

    private static DMatrixRMaj triangular(int n, double g, SplittableRandom rng) {
        boolean lower = rng.nextBoolean();
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    w.set(i, i, -2 + (2 + 0.95 / g) * rng.nextDouble());
                } else if ((i > j) == lower) {
                    w.set(i, j, 2 * gauss(rng));
                }
            }
        }
        return w;
    }

    private static DMatrixRMaj parametrized(int n, double g, SplittableRandom rng) {
        double[] sigma = new double[n];
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = 0.95 / g * rng.nextDouble();
            phi[i] = Math.exp(2 * rng.nextDouble() - 1);
        }
        return StableParametrization.weights(gaussian(n, 1, rng), gaussian(n, 1, rng), sigma, phi, g);
    }
}
