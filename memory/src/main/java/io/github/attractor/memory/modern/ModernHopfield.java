package io.github.attractor.memory.modern;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonConvergenceException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.field.DiscreteMap;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The modern continuous Hopfield network, eq. (3.1) (Ramsauer et al. 2021), and its universal form
 * (Millidge et al. 2022):
 * <pre>
 *   x⁺ = Ξ softmax(β Ξᵀx)                  (3.1)
 *   x⁺ = Ξ sep(sim(Ξ, x))                  (universal Hopfield network; (3.1) is DOT + softmax(β))
 * </pre>
 * with the memories ξ_i the rows of a {@link MemoryStore} (the paper's columns of Ξ). {@link #update} is one
 * step for a batch of queries; {@link #iterate} repeats it until {@code ‖x⁺ - x‖ <= tol}.
 *
 * <p><b>Energy.</b> For DOT + softmax the update is the concave–convex procedure on
 * <pre>
 *   E(x) = -(1/β) log Σ_i exp(β ξ_iᵀx) + ½ xᵀx + (1/β) log N + ½ M²,     M = max_i ‖ξ_i‖
 * </pre>
 * (Ramsauer et al., eq. (2)), so E never increases along the iteration; {@link #energy()} gives E and its
 * gradient {@code x - Ξ softmax(βΞᵀx)}, and {@link #iterate} records E at every state. For other
 * similarities or separations no energy is claimed ({@link #hasEnergy()} is false).
 */
public final class ModernHopfield implements DiscreteMap {
    /** Batches of fewer scores than this apply the separation on the calling thread. */
    private static final long PARALLEL_ENTRIES = 1 << 16;

    private final MemoryStore store;
    private final Similarity similarity;
    private final Separation separation;

    /** The universal update {@code x⁺ = Ξ sep(sim(Ξ, x))}. */
    public ModernHopfield(MemoryStore store, Similarity similarity, Separation separation) {
        if (store == null || similarity == null || separation == null) {
            throw new InvalidInputException("modern Hopfield: store, similarity and separation are required");
        }
        this.store = store;
        this.similarity = similarity;
        this.separation = separation;
    }

    /** Eq. (3.1): DOT similarity and {@code softmax(β ·)}. */
    public static ModernHopfield ramsauer(MemoryStore store, double beta) {
        return new ModernHopfield(store, Similarity.DOT, Separation.softmax(beta));
    }

    public MemoryStore store() {
        return store;
    }

    public Similarity similarity() {
        return similarity;
    }

    public Separation separation() {
        return separation;
    }

    @Override
    public int dimension() {
        return store.dimension();
    }

    /** The weights {@code sep(sim(Ξ, x_q))} of a B×d batch into {@code out} (B×N). */
    public void weights(double[] queries, int b, double[] out) {
        int n = store.size();
        store.scores(similarity, queries, b, out);
        for (int q = 0; q < b; q++) {
            separation.apply(out, q * n, n, out, q * n);
        }
    }

    /** One step {@code x⁺ = Ξ sep(sim(Ξ, x_q))} for each of the B×d queries; out B×d (may not be queries). */
    public void update(double[] queries, int b, double[] out) {
        if (out == queries) {
            throw new InvalidInputException("modern Hopfield: out must not be the queries array");
        }
        double[] w = new double[b * store.size()];
        weights(queries, b, w);
        store.combine(w, b, out);
    }

    /**
     * float32 {@link #weights(double[], int, double[])}: scores from the float path of the store
     * ({@link io.github.attractor.core.linalg.Sgemm} for a float32 store), then the separation row by row on
     * all cores.
     */
    public void weights(float[] queries, int b, float[] out) {
        int n = store.size();
        store.scores(similarity, queries, b, out);
        if (b > 1 && (long) b * n >= PARALLEL_ENTRIES) {
            IntStream.range(0, b).parallel().forEach(q -> separation.apply(out, q * n, n, out, q * n));
        } else {
            for (int q = 0; q < b; q++) {
                separation.apply(out, q * n, n, out, q * n);
            }
        }
    }

    /**
     * float32 {@link #update(double[], int, double[])}: {@code x⁺ = Ξ sep(sim(Ξ, x_q))} for B×d float queries,
     * out B×d. With a float32 store (N = 50,000, d = 784) the two products are the float GEMMs of
     * {@link io.github.attractor.core.linalg.Sgemm}; this is the update the throughput benchmark times.
     */
    public void update(float[] queries, int b, float[] out) {
        if (out == queries) {
            throw new InvalidInputException("modern Hopfield: out must not be the queries array");
        }
        float[] w = new float[b * store.size()];
        weights(queries, b, w);
        store.combine(w, b, out);
    }

    /** One step for a single state, as a new array. */
    public double[] update(double[] x) {
        checkState(x);
        double[] out = new double[x.length];
        update(x, 1, out);
        return out;
    }

    @Override
    public void apply(double[] x, double[] out) {
        checkState(x);
        update(x, 1, out);
    }

    /** Whether an energy is known for this similarity and separation (DOT + softmax). */
    public boolean hasEnergy() {
        return similarity == Similarity.DOT && separation instanceof Separation.Softmax;
    }

    /** The energy of Ramsauer et al. (see the class notes); only for DOT + softmax. */
    public Energy energy() {
        if (!hasEnergy()) {
            throw new InvalidInputException("modern Hopfield: an energy is known only for the dot similarity with "
                    + "softmax separation (eq. (3.1)), not for " + similarity.key() + " + " + separation.name());
        }
        double beta = ((Separation.Softmax) separation).beta();
        int n = store.size();
        double maxNorm2 = 0;
        for (int i = 0; i < n; i++) {
            maxNorm2 = Math.max(maxNorm2, store.squaredNorm(i));
        }
        double constant = Math.log(n) / beta + 0.5 * maxNorm2;
        return new Energy() {
            @Override
            public double value(double[] x) {
                checkState(x);
                double[] s = store.scores(Similarity.DOT, x);
                double max = Double.NEGATIVE_INFINITY;
                for (double v : s) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (double v : s) {
                    sum += Math.exp(beta * (v - max));
                }
                double lse = max + Math.log(sum) / beta;
                double half = 0;
                for (double v : x) {
                    half += v * v;
                }
                return -lse + 0.5 * half + constant;
            }

            @Override
            public void gradient(double[] x, double[] out) {
                double[] next = update(x);
                for (int j = 0; j < x.length; j++) {
                    out[j] = x[j] - next[j];
                }
            }
        };
    }

    /**
     * The states of an iteration to a fixed point: the final state, the number of steps, the step norms
     * {@code ‖x_{t+1} - x_t‖}, and (when {@link #hasEnergy()}) the energies {@code E(x_0), ..., E(x_steps)}
     * (otherwise an empty array).
     */
    public record Iteration(double[] state, int steps, double[] stepNorms, double[] energies) {
    }

    /**
     * Iterates {@code x ← update(x)} from x0 until {@code ‖x⁺ - x‖ <= tol} (the returned state is that x⁺);
     * {@link NonConvergenceException} after {@code maxSteps} steps without meeting it.
     */
    public Iteration iterate(double[] x0, double tol, int maxSteps) {
        checkState(x0);
        if (!(tol >= 0) || maxSteps < 1) {
            throw new InvalidInputException("iterate: needs tol >= 0 and maxSteps >= 1, got tol = " + tol
                    + ", maxSteps = " + maxSteps);
        }
        Energy e = hasEnergy() ? energy() : null;
        double[] x = x0.clone();
        double[] norms = new double[maxSteps];
        double[] energies = new double[e == null ? 0 : maxSteps + 1];
        if (e != null) {
            energies[0] = e.value(x);
        }
        for (int step = 1; step <= maxSteps; step++) {
            double[] next = update(x);
            double dist = 0;
            for (int j = 0; j < x.length; j++) {
                double t = next[j] - x[j];
                dist += t * t;
            }
            dist = Math.sqrt(dist);
            norms[step - 1] = dist;
            if (e != null) {
                energies[step] = e.value(next);
            }
            x = next;
            if (dist <= tol) {
                return new Iteration(x, step, Arrays.copyOf(norms, step),
                        e == null ? energies : Arrays.copyOf(energies, step + 1));
            }
        }
        throw new NonConvergenceException(String.format(
                "modern Hopfield: no fixed point within %d steps (last step %.3g > tol %.3g)", maxSteps,
                norms[maxSteps - 1], tol));
    }

    private void checkState(double[] x) {
        if (x.length != store.dimension()) {
            throw new ShapeMismatchException("state: expected length " + store.dimension() + ", got " + x.length);
        }
    }
}
