package io.github.attractor.data.pendulum;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.core.ode.Integrator;
import io.github.attractor.core.ode.Method;
import io.github.attractor.core.ode.Trajectory;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.io.DataRoot;
import io.github.attractor.data.npy.Npz;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.data.trajectory.TrajectoryNpz;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Pendulum trajectory datasets: simulated with {@link NLinkPendulum}, or the ELCD reference files.
 *
 * <p><b>Simulation</b> ({@link #simulate}): sample k is the state at {@code t_k = k h}; consecutive samples
 * are exactly one classical RK4 step of size h (core's fixed-step {@link Method#RK4} integrator, one step
 * per sample), and the velocity stored with each sample is the exact vector field there. This is how the
 * reference files were made (h = 0.1; reverse-engineered and checked in the tests: their velocities agree
 * with the field to 2e-7 and every sample with one RK4 step from the previous one to float32 rounding).
 *
 * <p><b>Initial states</b> ({@link #generate}): every angle and angular velocity independently uniform on
 * {@code [-a, a]}, a = {@link #INITIAL_RANGE} = 0.4 by default — the reference files' initial states all
 * lie in this box (their extremes are ±0.39); drawn from a {@link SplittableRandom} with the given seed.
 * The ELCD paper uses 6 trajectories per pendulum; the reference files hold 10 of 1000 samples.
 *
 * <p><b>Reference files</b> ({@link #reference}): {@code elcd/pendulum/n-<n>.npz} with {@code my_X_phy}
 * and {@code my_X_dot_phy} (float32, 1000 steps × 10 trajectories × 2n) and {@code my_X_next} (the next
 * state, same shape); read as a dataset of 10 demonstrations with times {@code k·0.1} and equilibrium 0.
 */
public final class PendulumDatasets {
    /** RK4 step and sample interval of the reference data. */
    public static final double STEP = 0.1;
    /** Samples per trajectory in the reference data. */
    public static final int STEPS = 1000;
    /** Half-width of the uniform initial-state distribution. */
    public static final double INITIAL_RANGE = 0.4;

    private PendulumDatasets() {
    }

    /**
     * {@code steps} samples from {@code x0}: {@code x_{k+1} = RK4_h(x_k)}, velocities {@code f(x_k)}, times
     * {@code k h}.
     */
    public static Demonstration simulate(NLinkPendulum pendulum, double[] x0, int steps, double h) {
        if (steps < 1 || !(h > 0) || !Double.isFinite(h)) {
            throw new InvalidInputException("pendulum: need at least one step and a positive step size, got " + steps
                    + " steps of " + h);
        }
        int d = pendulum.dimension();
        if (x0.length != d) {
            throw new ShapeMismatchException("pendulum: initial state of length " + x0.length + ", expected " + d);
        }
        Integrator rk4 = new Integrator(IntegrationSettings.defaults().withMethod(Method.RK4).withStep(h)
                .withRecordStates(false));
        double[] times = new double[steps];
        double[][] x = new double[steps][];
        double[][] v = new double[steps][];
        double[] state = x0.clone();
        for (int k = 0; k < steps; k++) {
            times[k] = k * h;
            x[k] = state;
            v[k] = new double[d];
            pendulum.evaluate(times[k], state, v[k]);
            if (k + 1 < steps) {
                // The system is autonomous: every step is taken over [0, h], so each is exactly one RK4 step of h.
                Trajectory one = rk4.integrate(pendulum, state, 0.0, h);
                state = one.finalState();
            }
        }
        return new Demonstration("pendulum", times, x, v);
    }

    /** {@code count} initial states, every coordinate uniform on {@code [-range, range]}, seeded. */
    public static double[][] randomInitialStates(int links, int count, double range, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] out = new double[count][2 * links];
        for (double[] x : out) {
            for (int i = 0; i < x.length; i++) {
                x[i] = range * (2 * r.nextDouble() - 1);
            }
        }
        return out;
    }

    /**
     * A dataset of {@code count} trajectories of {@code steps} samples (step {@link #STEP}) from seeded
     * random initial states (see the class comment), equilibrium 0, named {@code pendulum-<n>}.
     */
    public static TrajectoryDataset generate(NLinkPendulum pendulum, int count, int steps, long seed) {
        if (count < 1) {
            throw new InvalidInputException("pendulum: need at least one trajectory, got " + count);
        }
        List<Demonstration> list = new ArrayList<>();
        for (double[] x0 : randomInitialStates(pendulum.links(), count, INITIAL_RANGE, seed)) {
            list.add(simulate(pendulum, x0, steps, STEP));
        }
        return new TrajectoryDataset("pendulum-" + pendulum.links(), list, new double[pendulum.dimension()]);
    }

    /** The reference file for n links: {@code <root>/elcd/pendulum/n-<n>.npz}. */
    public static Path referenceFile(Path root, int links) {
        return root.resolve("elcd").resolve("pendulum").resolve("n-" + links + ".npz");
    }

    /** {@link #referenceFile} under the default data root ({@link DataRoot}). */
    public static Path referenceFile(int links) {
        return referenceFile(DataRoot.path(), links);
    }

    /**
     * Reads a reference file (see the class comment) as a dataset named {@code pendulum-<n>}: times
     * {@code k·0.1}, velocities {@code my_X_dot_phy}, equilibrium 0. The state dimension must be even, and
     * {@code my_X_next}, when present, must have the shape of {@code my_X_phy}.
     */
    public static TrajectoryDataset reference(Path file) {
        String name = String.valueOf(file);
        TrajectoryDataset raw = TrajectoryNpz.read(file, TrajectoryNpz.Layout.TIME_DEMOS_DIM);
        if (raw.dimension() % 2 != 0) {
            throw new ShapeMismatchException(name + ": state dimension " + raw.dimension()
                    + " is odd; a pendulum state is [θ_1..θ_n, ω_1..ω_n]");
        }
        Map<String, NdArray> arrays = Npz.read(file);
        NdArray next = arrays.get("my_X_next");
        NdArray pos = arrays.get("my_X_phy");
        if (next != null && pos != null && !java.util.Arrays.equals(next.shape(), pos.shape())) {
            throw new ShapeMismatchException(name + ": 'my_X_next' has shape " + NdArray.shapeString(next.shape())
                    + " but 'my_X_phy' has " + NdArray.shapeString(pos.shape()));
        }
        List<Demonstration> list = new ArrayList<>();
        for (int j = 0; j < raw.size(); j++) {
            Demonstration d = raw.demonstration(j);
            double[] times = new double[d.length()];
            for (int k = 0; k < times.length; k++) {
                times[k] = k * STEP;
            }
            list.add(new Demonstration(name, times, d.states(), d.velocities()));
        }
        return new TrajectoryDataset("pendulum-" + raw.dimension() / 2, list, new double[raw.dimension()]);
    }
}
