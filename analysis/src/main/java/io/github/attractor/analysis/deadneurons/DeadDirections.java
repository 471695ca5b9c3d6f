package io.github.attractor.analysis.deadneurons;

import io.github.attractor.core.linalg.Subspaces;
import io.github.attractor.memory.lagrangian.Lagrangian;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Dead neurons at a state (Definition, Proposition 1 of "Associative memory and dead neurons"): an
 * orthonormal {@code V ∈ R^{n×k}} with {@code g(y + Vc) = g(y)} for all {@code c ∈ R^k_+}. Candidates are
 * the null directions of {@code Λ(y)} (Proposition 4.1: {@code ΛV = 0}) — coordinate axes when Λ is
 * diagonal, eigenvectors otherwise — each oriented (±) so that g stays put along it, and kept only when
 * {@code g(y + Vc) = g(y)} is confirmed on sampled {@code c ∈ [0, cMax]^k}.
 */
public final class DeadDirections {
    private final DMatrixRMaj basis;
    private final double confirmationError;

    private DeadDirections(DMatrixRMaj basis, double confirmationError) {
        this.basis = basis;
        this.confirmationError = confirmationError;
    }

    /** Orthonormal basis V (n×k). */
    public DMatrixRMaj basis() {
        return basis;
    }

    /** Number k of dead neurons. */
    public int count() {
        return basis.numCols;
    }

    /** {@code max ‖g(y + Vc) - g(y)‖∞} over the confirmation samples. */
    public double confirmationError() {
        return confirmationError;
    }

    /** Direction j as a vector. */
    public double[] direction(int j) {
        double[] v = new double[basis.numRows];
        for (int i = 0; i < v.length; i++) {
            v[i] = basis.get(i, j);
        }
        return v;
    }

    /** {@code y + Vc}. */
    public double[] shift(double[] y, double[] c) {
        double[] out = y.clone();
        for (int j = 0; j < c.length; j++) {
            for (int i = 0; i < out.length; i++) {
                out[i] += basis.get(i, j) * c[j];
            }
        }
        return out;
    }

    /**
     * Finds the dead directions of {@code lagrangian} at {@code y}: null directions of Λ(y) with
     * {@code |λ| ≤ rankTol · max|λ|}, confirmed with {@code samples} random {@code c ∈ [0, cMax]^k} (and the
     * corners {@code cMax·e_j}) to {@code ‖g(y + Vc) - g(y)‖∞ ≤ confirmTol}.
     */
    public static DeadDirections at(Lagrangian lagrangian, double[] y, double rankTol, double cMax, int samples,
            double confirmTol, long seed) {
        int n = y.length;
        List<double[]> candidates = new ArrayList<>();
        if (lagrangian.isElementwise()) {
            double[] d = new double[n];
            lagrangian.hessianDiagonal(y, d);
            double max = 0;
            for (double v : d) {
                max = Math.max(max, Math.abs(v));
            }
            for (int i = 0; i < n; i++) {
                if (Math.abs(d[i]) <= rankTol * max || max == 0) {
                    double[] e = new double[n];
                    e[i] = 1;
                    candidates.add(e);
                }
            }
        } else {
            DMatrixRMaj lam = new DMatrixRMaj(n, n);
            lagrangian.hessian(y, lam);
            DMatrixRMaj nul = Subspaces.symmetricNullspace(lam, rankTol);
            for (int j = 0; j < nul.numCols; j++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = nul.get(i, j);
                }
                candidates.add(v);
            }
        }
        double[] g0 = new double[n];
        lagrangian.activation(y, g0);
        List<double[]> kept = new ArrayList<>();
        for (double[] v : candidates) {
            if (deviation(lagrangian, y, g0, List.of(v), cMax, samples, seed) <= confirmTol) {
                kept.add(v);
            } else {
                double[] minus = new double[n];
                for (int i = 0; i < n; i++) {
                    minus[i] = 0.0 - v[i]; // 0.0 - x keeps +0.0 where -x would give -0.0
                }
                if (deviation(lagrangian, y, g0, List.of(minus), cMax, samples, seed) <= confirmTol) {
                    kept.add(minus);
                }
            }
        }
        double err = kept.isEmpty() ? 0 : deviation(lagrangian, y, g0, kept, cMax, samples, seed);
        // Directions that pass one at a time but not jointly are not a dead cone: drop them all but the best.
        if (err > confirmTol) {
            kept = kept.subList(0, 1);
            err = deviation(lagrangian, y, g0, kept, cMax, samples, seed);
        }
        DMatrixRMaj basis = new DMatrixRMaj(n, kept.size());
        for (int j = 0; j < kept.size(); j++) {
            for (int i = 0; i < n; i++) {
                basis.set(i, j, kept.get(j)[i]);
            }
        }
        return new DeadDirections(basis, err);
    }

    private static double deviation(Lagrangian lag, double[] y, double[] g0, List<double[]> dirs, double cMax,
            int samples, long seed) {
        int n = y.length;
        int k = dirs.size();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] g = new double[n];
        double worst = 0;
        for (int s = 0; s < samples + k; s++) {
            double[] c = new double[k];
            if (s < k) {
                c[s] = cMax;
            } else {
                for (int j = 0; j < k; j++) {
                    c[j] = cMax * rng.nextDouble();
                }
            }
            double[] p = y.clone();
            for (int j = 0; j < k; j++) {
                double[] v = dirs.get(j);
                for (int i = 0; i < n; i++) {
                    p[i] += c[j] * v[i];
                }
            }
            lag.activation(p, g);
            for (int i = 0; i < n; i++) {
                worst = Math.max(worst, Math.abs(g[i] - g0[i]));
            }
        }
        return worst;
    }
}
