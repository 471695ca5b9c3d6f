package io.github.attractor.data.rosenbrock;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Method;
import io.github.attractor.data.io.DataRoot;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.data.trajectory.TrajectoryNpz;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rosenbrock trajectory datasets: our generator of the Riemannian gradient flow (4.24), and a loader for the
 * ELCD reference files.
 *
 * <p><b>Generator</b> ({@link #generate}): four starts (the reference files' starts, the constant vectors
 * {@link #STARTS} = 0.7, 0.5, 0.3, 0.4 in every coordinate), each integrated with core's
 * {@link Integrator} (adaptive Dormand–Prince 5(4), atol = rtol = 1e-10 by default) from one sample time to
 * the next on the uniform grid {@code t_k = k·t_end/(T-1)}, T = 1000, {@code t_end} = {@link #DEFAULT_END}
 * = 10; velocities are the exact field at each sample; equilibrium {@code (1, …, 1)}. The horizon: the flow
 * is {@code ψ(x(t)) = e^{-2t} ψ(x0)}, and near {@code x*} the deviation doubles along the chain
 * ({@code x_i - 1 ≈ 2 (x_{i-1} - 1)}), so {@code |x_n - 1| ~ 2^n e^{-2t}}: at t = 10 it is below 1e-3 for
 * n = 16 (the tests check the final distance).
 *
 * <p><b>Reference files</b> ({@link #reference}): {@code elcd/rosenbrock/rosenbrock_<n>.npz} with
 * {@code pos}, {@code vel} (float64, 4 demos × n × 1000). They do <em>not</em> follow (4.24) as printed,
 * and we did not identify their generating law. What they contain (measured; see the tests):
 * <ul>
 *   <li>starts {@code c·(1,…,1)}, c = 0.7, 0.5, 0.3, 0.4, as here;</li>
 *   <li>a uniform time grid of step {@code 500/999 ≈ 0.5005} ({@code t = linspace(0, 500, 1000)}): in 8-D,
 *       for every k ≥ 1, Simpson's rule on {@code vel} reproduces the increments of {@code pos} with that
 *       step (least-squares step 0.50050 over k = 1..40 and 0.50049 over k ≥ 300), so {@code vel[k]} is the
 *       time derivative of {@code pos} there, and samples of different demonstrations that come close in
 *       space have velocities that agree to 0.1% (one autonomous field). In 16-D the same holds for the
 *       first samples (step 0.50049 over k = 1..40, first coordinates), but later {@code pos} nearly stalls
 *       while {@code vel} does not (least-squares step 0.0165 over k ≥ 300): there pos and vel disagree;</li>
 *   <li>{@code vel[0]} is inconsistent with the rest: at {@code x = 0.7·1} it is
 *       (-1.85, -5.03, -10.9, …, -366) in 8-D (up to -1.9e7 in 16-D) while the first increment of
 *       {@code pos} is positive in coordinate 1, and (4.24) gives (0.600, …, -3.69);</li>
 *   <li>the convergence is slow: at t = 500, demo 0 is still 0.25 (8-D) and 0.998 (16-D) from x* in the
 *       max norm, whereas (4.24) contracts ψ by e^{-2t} (our 8-D trajectories are within 1.3e-7 of x* at
 *       t = 10, 16-D within 3.3e-5).</li>
 * </ul>
 * Fields ruled out pointwise against {@code vel[k]}: (4.24) for any λ (it does not depend on λ);
 * {@code -G⁻¹∇f} with the λ of f and of G chosen independently (then {@code d/dt ψ} would be diagonal
 * linear in ψ, which the data are not); {@code G = Dψ Dψᵀ}; the Euclidean gradient {@code -∇f} for any
 * weights of the 2n-1 terms (1-x_i)², (x_i - x_{i-1}²)² (least-squares residual 56%); a metric frozen at
 * x*. The loader therefore reads the files as they are (times {@code k·500/999}, equilibrium
 * {@code (1,…,1)}), so either source can be used.
 */
public final class RosenbrockDatasets {
    /** The four starts: {@code c·(1, …, 1)} for these c. */
    public static final double[] STARTS = {0.7, 0.5, 0.3, 0.4};
    /** Default horizon of the generator. */
    public static final double DEFAULT_END = 10.0;
    /** Samples per trajectory. */
    public static final int SAMPLES = 1000;
    /**
     * Samples dropped from the start of every reference demonstration when it is prepared for learning (the
     * catalog's {@code rosenbrock:<n>}): {@code vel[0]} contradicts the positions (see the class comment).
     */
    public static final int REFERENCE_DROP = 1;
    /** The reference files' sample interval, inferred: their grid is {@code linspace(0, 500, 1000)}. */
    public static final double REFERENCE_STEP = 500.0 / 999.0;

    private RosenbrockDatasets() {
    }

    /** The four standard starts in {@code R^n}. */
    public static double[][] standardStarts(int n) {
        double[][] s = new double[STARTS.length][n];
        for (int j = 0; j < STARTS.length; j++) {
            Arrays.fill(s[j], STARTS[j]);
        }
        return s;
    }

    /** The default integration: Dormand–Prince 5(4), atol = rtol = 1e-10, no convergence stop. */
    public static IntegrationSettings defaultSettings() {
        return IntegrationSettings.defaults().withMethod(Method.DORMAND_PRINCE_54).withTolerances(1e-10, 1e-10)
                .withRecordStates(false);
    }

    /**
     * The standard dataset {@code rosenbrock-<n>}: the four starts, T = 1000 samples on [0, 10], weights
     * λ = (1, 100, …, 100) (which do not change the flow).
     */
    public static TrajectoryDataset generate(int n) {
        return generate(new RiemannianRosenbrockFlow(GeneralizedRosenbrock.classical(n)), standardStarts(n),
                DEFAULT_END, SAMPLES, defaultSettings());
    }

    /**
     * Trajectories of {@code flow} from {@code starts}, {@code samples} samples on the uniform grid over
     * {@code [0, end]}, integrated with {@code settings} between consecutive samples.
     */
    public static TrajectoryDataset generate(RiemannianRosenbrockFlow flow, double[][] starts, double end,
            int samples, IntegrationSettings settings) {
        int n = flow.dimension();
        if (samples < 2 || !(end > 0) || !Double.isFinite(end)) {
            throw new InvalidInputException("rosenbrock: need at least 2 samples over a positive horizon, got " + samples
                    + " samples over [0, " + end + "]");
        }
        if (starts.length == 0) {
            throw new InvalidInputException("rosenbrock: no starts");
        }
        Integrator integrator = new Integrator(settings.withRecordStates(false));
        double[] times = new double[samples];
        for (int k = 0; k < samples; k++) {
            times[k] = end * k / (samples - 1);
        }
        List<Demonstration> list = new ArrayList<>();
        for (double[] start : starts) {
            if (start.length != n) {
                throw new ShapeMismatchException("rosenbrock: start of length " + start.length + ", expected " + n);
            }
            double[][] x = new double[samples][];
            double[][] v = new double[samples][];
            double[] state = start.clone();
            for (int k = 0; k < samples; k++) {
                x[k] = state;
                v[k] = new double[n];
                flow.evaluate(times[k], state, v[k]);
                if (k + 1 < samples) {
                    state = integrator.integrate(flow, state, times[k], times[k + 1]).finalState();
                }
            }
            list.add(new Demonstration("rosenbrock", times, x, v));
        }
        return new TrajectoryDataset("rosenbrock-" + n, list, flow.function().minimum());
    }

    /** The reference file for dimension n: {@code <root>/elcd/rosenbrock/rosenbrock_<n>.npz}. */
    public static Path referenceFile(Path root, int n) {
        return root.resolve("elcd").resolve("rosenbrock").resolve("rosenbrock_" + n + ".npz");
    }

    /** {@link #referenceFile} under the default data root ({@link DataRoot}). */
    public static Path referenceFile(int n) {
        return referenceFile(DataRoot.path(), n);
    }

    /**
     * Reads a reference file as it is (see the class comment): {@code pos}/{@code vel} demos×n×T, times
     * {@code k·500/999}, equilibrium {@code (1, …, 1)}; named {@code rosenbrock-<n>}.
     */
    public static TrajectoryDataset reference(Path file) {
        TrajectoryDataset raw = TrajectoryNpz.read(file, TrajectoryNpz.Layout.DEMOS_DIM_TIME);
        List<Demonstration> list = new ArrayList<>();
        for (Demonstration d : raw.demonstrations()) {
            double[] times = new double[d.length()];
            for (int k = 0; k < times.length; k++) {
                times[k] = k * REFERENCE_STEP;
            }
            list.add(new Demonstration(String.valueOf(file), times, d.states(), d.velocities()));
        }
        double[] one = new double[raw.dimension()];
        Arrays.fill(one, 1.0);
        return new TrajectoryDataset("rosenbrock-" + raw.dimension(), list, one);
    }
}
