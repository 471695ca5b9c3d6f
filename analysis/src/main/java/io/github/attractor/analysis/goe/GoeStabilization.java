package io.github.attractor.analysis.goe;

import io.github.attractor.core.linalg.Eigen;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.core.linalg.SymmetricEigen;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Proposition 3 of "Associative memory and dead neurons": for W from the Gaussian orthogonal ensemble
 * and k dead neurons, {@code E‖W⊥‖₂ = sqrt(1 - k/N) E‖W‖₂} for large N. Each draw takes a GOE matrix of
 * size N and the principal submatrix on N - k random coordinates (ReLU dead neurons are coordinate
 * directions; GOE is orthogonally invariant, so any {@code V⊥} gives the same law), and records both
 * spectral norms.
 */
public final class GoeStabilization {
    private GoeStabilization() {
    }

    /** Mean norms, the ratio of means, and the standard deviation of the per-draw ratio. */
    public record Result(int n, int k, int draws, double meanNorm, double meanRestrictedNorm, double ratio,
            double ratioSd, double predicted) {
    }

    public static Result run(int n, int k, int draws, long seed) {
        io.github.attractor.core.error.Require.that(n > 0 && k >= 0 && k < n && draws > 0,
                "GOE experiment needs N > 0, 0 <= k < N and draws > 0, got N=" + n + ", k=" + k + ", draws=" + draws);
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[draws];
        for (int d = 0; d < draws; d++) {
            seeds[d] = root.nextLong();
        }
        double[][] norms = new double[draws][];
        IntStream.range(0, draws).parallel().forEach(d -> {
            SplittableRandom rng = new SplittableRandom(seeds[d]);
            DMatrixRMaj w = RandomMatrices.goe(n, rng);
            int[] alive = randomSubset(n, n - k, rng);
            norms[d] = new double[] {symmetricNorm(w), symmetricNorm(principal(w, alive))};
        });
        double m = 0;
        double mp = 0;
        double[] ratios = new double[draws];
        for (int d = 0; d < draws; d++) {
            m += norms[d][0];
            mp += norms[d][1];
            ratios[d] = norms[d][1] / norms[d][0];
        }
        m /= draws;
        mp /= draws;
        double mean = 0;
        for (double r : ratios) {
            mean += r;
        }
        mean /= draws;
        double var = 0;
        for (double r : ratios) {
            var += (r - mean) * (r - mean);
        }
        double sd = draws > 1 ? Math.sqrt(var / (draws - 1)) : 0;
        return new Result(n, k, draws, m, mp, mp / m, sd, Math.sqrt(1 - (double) k / n));
    }

    /** Spectral norm of a symmetric matrix: the largest |eigenvalue|. */
    static double symmetricNorm(DMatrixRMaj a) {
        SymmetricEigen e = Eigen.symmetric(a);
        double[] v = e.values();
        return Math.max(Math.abs(v[0]), Math.abs(v[v.length - 1]));
    }

    private static int[] randomSubset(int n, int m, SplittableRandom rng) {
        int[] idx = IntStream.range(0, n).toArray();
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(idx, m);
        java.util.Arrays.sort(out);
        return out;
    }

    /** The principal submatrix {@code W⊥} on the alive coordinates. */
    static DMatrixRMaj principal(DMatrixRMaj w, int[] alive) {
        DMatrixRMaj out = new DMatrixRMaj(alive.length, alive.length);
        CommonOps_DDRM.extract(w, alive, alive.length, alive, alive.length, out);
        return out;
    }
}
