package io.github.attractor.memory.classical;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The classical binary Hopfield network (Hopfield 1982) with Hebbian weights:
 * <pre>
 *   W = (1/N) Σ_μ ξ^μ ξ^μᵀ,  W_ii = 0,        ξ^μ ∈ {-1, +1}^N,
 *   E(s) = -½ sᵀ W s + θᵀ s,
 *   s_i ← sign(h_i),  h_i = Σ_j W_ij s_j - θ_i.
 * </pre>
 * Convention: {@code sign(0)} keeps the current value of the unit, so a unit whose field is exactly zero
 * never changes. With it the synchronous update {@code s⁺ = sign(Ws - θ)} and the asynchronous one have the
 * same fixed points: the states with {@code s_i h_i ≥ 0} for every i ({@link #isFixedPoint}). The Hebbian
 * network keeps W as the integer matrix {@code Σ_μ ξ^μ ξ^μᵀ} times {@code 1/N}, so its fields are exact and a
 * tie is a true tie, not an artefact of rounding.
 *
 * <p><b>Asynchronous</b> dynamics update one unit at a time, in sweeps over all N units in a fresh random
 * order drawn from the caller's seeded generator. Each single update changes the energy by
 * {@code ΔE = -Δs_i (Σ_{j≠i} W_ij s_j - θ_i) - ½ W_ii (s_i'² - s_i²) ≤ 0} for symmetric W with
 * {@code W_ii ≥ 0} (the general constructor checks both), so E is non-increasing and the dynamics stop at a
 * fixed point after finitely many flips. The <b>synchronous</b> update can instead end on a 2-cycle.
 *
 * <p>Patterns come as a {@code P × N} matrix, one pattern per row. The capacity of the Hebbian rule is about
 * {@code 0.138 N} patterns (Amit, Gutfreund &amp; Sompolinsky 1985).
 */
public final class BinaryHopfield {
    private final int n;
    /** W / scale: for the Hebbian rule the integer matrix Σ_μ ξ^μ ξ^μᵀ, so fields are exact sums. */
    private final double[] w;
    private final double scale;
    private final double[] theta;

    /**
     * A network with the given weights and thresholds.
     *
     * @param weights   symmetric (to 1e-12 relative) with a non-negative diagonal, so that E is a Lyapunov
     *                  function of the asynchronous dynamics
     * @param threshold θ, length N
     */
    public BinaryHopfield(DMatrixRMaj weights, double[] threshold) {
        this(weights, 1.0, threshold);
    }

    private BinaryHopfield(DMatrixRMaj weights, double scale, double[] threshold) {
        Require.finite("weights", weights);
        Require.symmetric("weights", weights, 1e-12);
        Require.length("threshold", threshold, weights.numRows);
        Require.finite("threshold", threshold);
        for (int i = 0; i < weights.numRows; i++) {
            if (weights.get(i, i) < 0) {
                throw new InvalidInputException("weights: diagonal entry " + i + " is " + weights.get(i, i)
                        + "; asynchronous descent of E needs W_ii >= 0");
            }
        }
        this.n = weights.numRows;
        this.w = java.util.Arrays.copyOf(weights.data, n * n);
        this.scale = scale;
        this.theta = threshold.clone();
    }

    /** The Hebbian network {@code W = (1/N) Σ_μ ξ^μ ξ^μᵀ} with zero diagonal and no threshold. */
    public static BinaryHopfield hebbian(DMatrixRMaj patterns) {
        return hebbian(patterns, new double[patterns.numCols]);
    }

    /** The Hebbian network with thresholds θ. */
    public static BinaryHopfield hebbian(DMatrixRMaj patterns, double[] threshold) {
        Spins.requirePatterns("patterns", patterns);
        // kept as the integer matrix Σ ξξᵀ times 1/N: every field Σ_j W_ij s_j is then an exact integer over N,
        // and a tie (field exactly 0, which keeps the unit) is decided exactly, not by rounding
        return new BinaryHopfield(outerProductSum(patterns, 1.0), 1.0 / patterns.numCols, threshold);
    }

    /**
     * The Hebbian weights {@code W = (1/N) Σ_μ ξ^μ ξ^μᵀ} with zero diagonal, for ±1 patterns (rows of the
     * {@code P × N} matrix; every entry is checked).
     */
    public static DMatrixRMaj hebbianWeights(DMatrixRMaj patterns) {
        Spins.requirePatterns("patterns", patterns);
        return outerProductSum(patterns, 1.0 / patterns.numCols);
    }

    /** {@code c Σ_μ ξ^μ ξ^μᵀ} with zero diagonal for any real patterns (rows). */
    static DMatrixRMaj outerProductSum(DMatrixRMaj patterns, double c) {
        int p = patterns.numRows;
        int n = patterns.numCols;
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        double[] x = patterns.data;
        for (int mu = 0; mu < p; mu++) {
            int base = mu * n;
            for (int i = 0; i < n; i++) {
                double xi = x[base + i] * c;
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    w.data[row + j] += xi * x[base + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            w.data[i * n + i] = 0.0;
        }
        return w;
    }

    /** Number of neurons N. */
    public int size() {
        return n;
    }

    /** A copy of W. */
    public DMatrixRMaj weights() {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int k = 0; k < n * n; k++) {
            m.data[k] = scale * w[k];
        }
        return m;
    }

    /** A copy of θ. */
    public double[] threshold() {
        return theta.clone();
    }

    /** The local fields {@code h = W s - θ}. */
    public double[] fields(double[] s) {
        Require.length("state", s, n);
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = field(s, i);
        }
        return h;
    }

    /** {@code h_i = scale·Σ_j w_ij s_j - θ_i}, summed in index order (the one rounding every caller shares). */
    private double field(double[] s, int i) {
        double acc = 0;
        int row = i * n;
        for (int j = 0; j < n; j++) {
            acc += w[row + j] * s[j];
        }
        return scale * acc - theta[i];
    }

    /** {@code E(s) = -½ sᵀ W s + θᵀ s}. */
    public double energy(double[] s) {
        Require.length("state", s, n);
        double quad = 0;
        double lin = 0;
        for (int i = 0; i < n; i++) {
            double acc = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                acc += w[row + j] * s[j];
            }
            quad += s[i] * acc;
            lin += theta[i] * s[i];
        }
        return -0.5 * scale * quad + lin;
    }

    /** Whether no unit would change: {@code s_i h_i ≥ 0} for all i (a zero field keeps the unit). */
    public boolean isFixedPoint(double[] s) {
        Spins.require("state", s);
        double[] h = fields(s);
        for (int i = 0; i < n; i++) {
            if (Spins.sign(h[i], s[i]) != s[i]) {
                return false;
            }
        }
        return true;
    }

    /** One synchronous step {@code s⁺ = sign(W s - θ)} (a zero field keeps the unit). */
    public double[] synchronousStep(double[] s) {
        Spins.require("state", s);
        double[] h = fields(s);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Spins.sign(h[i], s[i]);
        }
        return out;
    }

    /**
     * Updates unit {@code i} of {@code s} in place, {@code s_i ← sign(h_i)}; returns whether it changed.
     * The energy does not increase.
     */
    public boolean updateUnit(double[] s, int i) {
        Require.length("state", s, n);
        java.util.Objects.checkIndex(i, n);
        double next = Spins.sign(field(s, i), s[i]);
        boolean changed = next != s[i];
        s[i] = next;
        return changed;
    }

    /**
     * Runs the asynchronous dynamics from {@code s0} (not modified): sweeps over all units in a random order
     * from {@code rng}, until a sweep changes nothing (a fixed point; {@code converged = true}) or
     * {@code maxSweeps} sweeps have been made. Energies are recorded after every sweep.
     */
    public SpinRun runAsynchronous(double[] s0, RandomGenerator rng, int maxSweeps) {
        Spins.require("initial state", s0);
        Require.length("initial state", s0, n);
        Objects.requireNonNull(rng, "rng");
        Require.that(maxSweeps >= 1, "sweep cap must be >= 1, got " + maxSweeps);
        double[] s = s0.clone();
        int[] order = new int[n];
        double[] energies = new double[maxSweeps + 1];
        energies[0] = energy(s);
        int sweeps = 0;
        boolean converged = false;
        while (sweeps < maxSweeps && !converged) {
            Spins.shuffle(order, rng);
            boolean changed = false;
            for (int i : order) {
                // the field is recomputed, not updated incrementally, so that ties are decided with the same
                // rounding as in isFixedPoint: a converged run ends on a state isFixedPoint accepts
                double next = Spins.sign(field(s, i), s[i]);
                if (next != s[i]) {
                    s[i] = next;
                    changed = true;
                }
            }
            sweeps++;
            energies[sweeps] = energy(s);
            converged = !changed;
        }
        return new SpinRun(s, sweeps, converged, java.util.Arrays.copyOf(energies, sweeps + 1));
    }

    /**
     * Runs the synchronous dynamics {@code s ← sign(Ws - θ)} from {@code s0} until a step changes nothing
     * ({@code converged = true}) or {@code maxSteps} steps have been made (the synchronous update may end on a
     * 2-cycle, which then shows as {@code converged = false}).
     */
    public SpinRun runSynchronous(double[] s0, int maxSteps) {
        Spins.require("initial state", s0);
        Require.length("initial state", s0, n);
        Require.that(maxSteps >= 1, "step cap must be >= 1, got " + maxSteps);
        double[] s = s0.clone();
        double[] energies = new double[maxSteps + 1];
        energies[0] = energy(s);
        int steps = 0;
        boolean converged = false;
        while (steps < maxSteps && !converged) {
            double[] next = synchronousStep(s);
            converged = java.util.Arrays.equals(next, s);
            s = next;
            steps++;
            energies[steps] = energy(s);
        }
        return new SpinRun(s, steps, converged, java.util.Arrays.copyOf(energies, steps + 1));
    }

    /** Overlap {@code m = (1/N) ξ·s}. */
    public static double overlap(double[] xi, double[] s) {
        return Spins.overlap(xi, s);
    }
}
