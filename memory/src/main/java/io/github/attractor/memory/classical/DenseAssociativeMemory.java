package io.github.attractor.memory.classical;

import io.github.attractor.core.error.Require;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The dense associative memory of Krotov &amp; Hopfield, "Dense associative memory for pattern recognition"
 * (NIPS 2016), eq. (2)–(3), with the exponential interaction of Demircigil et al. (J. Stat. Phys. 2017):
 * <pre>
 *   E(s) = -Σ_μ F(ξ^μ · s),                         s ∈ {-1, +1}^N,
 *   s_i ← sign( Σ_μ [ F(ξ^μ_i + r_{μ,i}) - F(-ξ^μ_i + r_{μ,i}) ] ),   r_{μ,i} = Σ_{j≠i} ξ^μ_j s_j,
 * </pre>
 * with F one of {@link Interaction}. Because {@code ξ^μ_i = ±1}, the bracket is {@code ξ^μ_i D(r_{μ,i})}
 * with {@code D(r) = F(r+1) - F(r-1)}; the sum is evaluated without cancellation or overflow (see
 * {@link Interaction#scaledDifferenceSum}). Convention: a sum of exactly zero keeps the unit's value.
 *
 * <p>The update sets {@code s_i} to the value of lower energy with every other unit fixed
 * ({@code E(s_i = +1) - E(s_i = -1)} is minus the bracketed sum), so asynchronous sweeps never increase E and
 * stop at a fixed point. The capacity grows like {@code N^{n-1}} for the polynomials of degree n and
 * exponentially in N for the exponential, against {@code 0.138 N} for the classical network (which is
 * {@code F(x) = x²} up to self-coupling terms).
 *
 * <p>Patterns come as a {@code P × N} matrix of ±1 entries, one pattern per row. The overlaps
 * {@code m_μ = ξ^μ·s} are kept up to date incrementally, so one sweep costs {@code O(N P)}.
 */
public final class DenseAssociativeMemory {
    private final DMatrixRMaj patterns;
    private final Interaction f;
    private final int n;
    private final int p;

    /**
     * @param patterns {@code P × N}, every entry ±1 (checked; copied)
     * @param f        the interaction function
     */
    public DenseAssociativeMemory(DMatrixRMaj patterns, Interaction f) {
        Spins.requirePatterns("patterns", patterns);
        this.patterns = patterns.copy();
        this.f = Objects.requireNonNull(f, "interaction");
        this.p = patterns.numRows;
        this.n = patterns.numCols;
    }

    /** Number of neurons N. */
    public int size() {
        return n;
    }

    /** Number of stored patterns P. */
    public int patternCount() {
        return p;
    }

    public Interaction interaction() {
        return f;
    }

    /** {@code E(s) = -Σ_μ F(ξ^μ·s)} (for the exponential this overflows once an overlap exceeds ≈ 709). */
    public double energy(double[] s) {
        double[] m = overlaps(s);
        double e = 0;
        for (double v : m) {
            e -= f.value(v);
        }
        return e;
    }

    /** The unnormalised overlaps {@code ξ^μ·s}, one per pattern. */
    public double[] overlaps(double[] s) {
        Require.length("state", s, n);
        double[] m = new double[p];
        for (int mu = 0; mu < p; mu++) {
            double acc = 0;
            int base = mu * n;
            for (int j = 0; j < n; j++) {
                acc += patterns.data[base + j] * s[j];
            }
            m[mu] = acc;
        }
        return m;
    }

    /** The value unit i would take: the sign of the bracketed sum, or {@code s_i} when it is 0. */
    private double target(double[] s, int i, double[] m, double[] c, double[] r) {
        for (int mu = 0; mu < p; mu++) {
            double x = patterns.data[mu * n + i];
            c[mu] = x;
            r[mu] = m[mu] - x * s[i];
        }
        return Spins.sign(f.scaledDifferenceSum(c, r, p), s[i]);
    }

    /** Whether no unit would change. */
    public boolean isFixedPoint(double[] s) {
        Spins.require("state", s);
        double[] m = overlaps(s);
        double[] c = new double[p];
        double[] r = new double[p];
        for (int i = 0; i < n; i++) {
            if (target(s, i, m, c, r) != s[i]) {
                return false;
            }
        }
        return true;
    }

    /** Updates unit i of {@code s} in place; returns whether it changed. E does not increase. */
    public boolean updateUnit(double[] s, int i) {
        Spins.require("state", s);
        Objects.checkIndex(i, n);
        double next = target(s, i, overlaps(s), new double[p], new double[p]);
        boolean changed = next != s[i];
        s[i] = next;
        return changed;
    }

    /**
     * Asynchronous sweeps from {@code s0} (not modified) in a random order per sweep from {@code rng}, until a
     * sweep changes nothing ({@code converged}) or {@code maxSweeps}; energies recorded after every sweep.
     */
    public SpinRun runAsynchronous(double[] s0, RandomGenerator rng, int maxSweeps) {
        Spins.require("initial state", s0);
        Require.length("initial state", s0, n);
        Objects.requireNonNull(rng, "rng");
        Require.that(maxSweeps >= 1, "sweep cap must be >= 1, got " + maxSweeps);
        double[] s = s0.clone();
        double[] m = overlaps(s);
        double[] c = new double[p];
        double[] r = new double[p];
        int[] order = new int[n];
        double[] energies = new double[maxSweeps + 1];
        energies[0] = energy(s);
        int sweeps = 0;
        boolean converged = false;
        while (sweeps < maxSweeps && !converged) {
            Spins.shuffle(order, rng);
            boolean changed = false;
            for (int i : order) {
                double next = target(s, i, m, c, r);
                if (next != s[i]) {
                    double delta = next - s[i];
                    s[i] = next;
                    changed = true;
                    for (int mu = 0; mu < p; mu++) {
                        m[mu] += patterns.data[mu * n + i] * delta;
                    }
                }
            }
            sweeps++;
            energies[sweeps] = energy(s);
            converged = !changed;
        }
        return new SpinRun(s, sweeps, converged, java.util.Arrays.copyOf(energies, sweeps + 1));
    }

    /** Overlap {@code (1/N) ξ^μ·s} of pattern μ with s. */
    public double overlap(int mu, double[] s) {
        return Spins.overlap(patterns, mu, s);
    }
}
