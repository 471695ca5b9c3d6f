package io.github.attractor.data.trajectory;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.NonFiniteValueException;
import io.github.attractor.core.error.ShapeMismatchException;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of demonstrations of one dynamical system {@code ẋ = f(x)} in {@code R^D} with the common
 * equilibrium {@code x*} they converge to — the training data of the learned-dynamics models (ELCD and its
 * baselines), which fit {@code f} on the (state, velocity) pairs and roll out from the initial states.
 *
 * <p>A dataset carries the {@link Standardization} that maps the original coordinates to its own (the
 * identity for raw data). {@link #standardized()} applies {@code z = (x - μ)/σ} with μ, σ fitted over all
 * samples, to states, velocities ({@code ż = ẋ/σ}) and the equilibrium alike, and composes it with any
 * transform already applied, so {@link #standardization()} always maps original coordinates to this
 * dataset's.
 *
 * <p>{@link #stack} concatenates datasets along the feature axis, as the ELCD experiments build 4-D and 8-D
 * LASA data from 2 or 4 motions: demonstration j of the stack is demonstration j of every part, side by
 * side, so parts must have the same number of demonstrations and demonstration j the same length in every
 * part. The stacked sample times are those of the first part (the parts' own velocities are kept as
 * recorded, the ELCD convention).
 *
 * <p>Immutable; accessors return read-only views of the stored arrays where noted.
 */
public final class TrajectoryDataset {
    private final String name;
    private final List<Demonstration> demonstrations;
    private final double[] equilibrium;
    private final Standardization standardization;

    /** A raw dataset (identity standardisation). */
    public TrajectoryDataset(String name, List<Demonstration> demonstrations, double[] equilibrium) {
        this(name, demonstrations, equilibrium, null);
    }

    /**
     * A dataset whose coordinates are {@code standardization} of some original ones ({@code null} for the
     * identity). Every demonstration must have the dimension of the equilibrium.
     */
    public TrajectoryDataset(String name, List<Demonstration> demonstrations, double[] equilibrium,
            Standardization standardization) {
        this.name = name == null ? "dataset" : name;
        if (demonstrations == null || demonstrations.isEmpty()) {
            throw new InvalidInputException(this.name + ": no demonstrations");
        }
        if (equilibrium == null) {
            throw new InvalidInputException(this.name + ": no equilibrium");
        }
        int d = equilibrium.length;
        for (int j = 0; j < demonstrations.size(); j++) {
            if (demonstrations.get(j).dimension() != d) {
                throw new ShapeMismatchException(this.name + ": demonstration " + j + " has dimension "
                        + demonstrations.get(j).dimension() + " but the equilibrium has " + d);
            }
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(equilibrium[i])) {
                throw new NonFiniteValueException(this.name + ": equilibrium component " + i + " is "
                        + equilibrium[i]);
            }
        }
        if (standardization != null && standardization.dimension() != d) {
            throw new ShapeMismatchException(this.name + ": standardization of dimension "
                    + standardization.dimension() + " for data of dimension " + d);
        }
        this.demonstrations = List.copyOf(demonstrations);
        this.equilibrium = equilibrium.clone();
        this.standardization = standardization == null ? Standardization.identity(d) : standardization;
    }

    /**
     * The mean of the demonstrations' final states: the equilibrium of data that ends at rest (LASA's
     * demonstrations all end exactly at their target).
     */
    public static double[] meanFinalState(List<Demonstration> demonstrations) {
        int d = demonstrations.get(0).dimension();
        double[] m = new double[d];
        for (Demonstration demo : demonstrations) {
            double[] x = demo.finalState();
            for (int i = 0; i < d; i++) {
                m[i] += x[i] / demonstrations.size();
            }
        }
        return m;
    }

    public String name() {
        return name;
    }

    /** The same data under another name. */
    public TrajectoryDataset withName(String newName) {
        return new TrajectoryDataset(newName, demonstrations, equilibrium, standardization);
    }

    /** State dimension D. */
    public int dimension() {
        return equilibrium.length;
    }

    /** Number of demonstrations. */
    public int size() {
        return demonstrations.size();
    }

    /** The demonstrations (unmodifiable). */
    public List<Demonstration> demonstrations() {
        return demonstrations;
    }

    public Demonstration demonstration(int j) {
        return demonstrations.get(j);
    }

    /** The equilibrium {@code x*} in this dataset's coordinates (a copy). */
    public double[] equilibrium() {
        return equilibrium.clone();
    }

    /** The map from original coordinates to this dataset's (the identity for raw data). */
    public Standardization standardization() {
        return standardization;
    }

    /** Total number of (state, velocity) samples over all demonstrations. */
    public int sampleCount() {
        int n = 0;
        for (Demonstration demo : demonstrations) {
            n += demo.length();
        }
        return n;
    }

    /** Every state of every demonstration, demonstration by demonstration (N×D; rows are read-only views). */
    public double[][] states() {
        double[][] out = new double[sampleCount()][];
        int r = 0;
        for (Demonstration demo : demonstrations) {
            for (double[] x : demo.states()) {
                out[r++] = x;
            }
        }
        return out;
    }

    /** Every velocity, in the order of {@link #states()} (N×D; rows are read-only views). */
    public double[][] velocities() {
        double[][] out = new double[sampleCount()][];
        int r = 0;
        for (Demonstration demo : demonstrations) {
            for (double[] v : demo.velocities()) {
                out[r++] = v;
            }
        }
        return out;
    }

    /** The initial state of each demonstration (copies). */
    public double[][] initialStates() {
        double[][] out = new double[demonstrations.size()][];
        for (int j = 0; j < out.length; j++) {
            out[j] = demonstrations.get(j).initialState().clone();
        }
        return out;
    }

    /** Every demonstration without its first {@code count} samples (equilibrium unchanged). */
    public TrajectoryDataset dropFirst(int count) {
        List<Demonstration> out = new ArrayList<>();
        for (int j = 0; j < demonstrations.size(); j++) {
            Demonstration demo = demonstrations.get(j);
            if (count >= demo.length()) {
                throw new InvalidInputException(name + ": cannot drop the first " + count + " samples of demonstration "
                        + j + ", which has " + demo.length());
            }
            out.add(demo.dropFirst(count));
        }
        return new TrajectoryDataset(name, out, equilibrium, standardization);
    }

    /** The first {@code count} demonstrations; all of them when {@code count} is 0 or at least {@link #size()}. */
    public TrajectoryDataset first(int count) {
        if (count < 0) {
            throw new InvalidInputException(name + ": the number of demonstrations must not be negative, got " + count);
        }
        return count == 0 || count >= demonstrations.size() ? this
                : new TrajectoryDataset(name, demonstrations.subList(0, count), equilibrium, standardization);
    }

    /** The demonstrations with the given indices, in that order. */
    public TrajectoryDataset select(int... indices) {
        List<Demonstration> out = new ArrayList<>();
        for (int j : indices) {
            if (j < 0 || j >= demonstrations.size()) {
                throw new InvalidInputException(name + ": no demonstration " + j + " (it has " + demonstrations.size()
                        + ")");
            }
            out.add(demonstrations.get(j));
        }
        return new TrajectoryDataset(name, out, equilibrium, standardization);
    }

    /**
     * This dataset under {@code s}: states and equilibrium {@code (x - μ)/σ}, velocities {@code ẋ/σ}; the
     * recorded standardisation becomes {@code standardization().then(s)}.
     */
    public TrajectoryDataset transformed(Standardization s) {
        if (s.dimension() != dimension()) {
            throw new ShapeMismatchException(name + ": standardization of dimension " + s.dimension()
                    + " for data of dimension " + dimension());
        }
        List<Demonstration> out = new ArrayList<>();
        for (Demonstration demo : demonstrations) {
            int t = demo.length();
            double[][] x = new double[t][];
            double[][] v = new double[t][];
            for (int k = 0; k < t; k++) {
                x[k] = s.state(demo.state(k));
                v[k] = s.velocity(demo.velocity(k));
            }
            out.add(new Demonstration(name, demo.times(), x, v));
        }
        return new TrajectoryDataset(name, out, s.state(equilibrium), standardization.then(s));
    }

    /**
     * Standardised to per-feature mean 0 and variance 1 over all samples ({@link Standardization#fit}); see
     * the class comment.
     */
    public TrajectoryDataset standardized() {
        return transformed(Standardization.fit(this));
    }

    /**
     * The parts side by side along the feature axis (see the class comment); the equilibria and
     * standardisations are concatenated likewise.
     */
    public static TrajectoryDataset stack(String name, List<TrajectoryDataset> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new InvalidInputException(name + ": nothing to stack");
        }
        TrajectoryDataset first = parts.get(0);
        int demos = first.size();
        int d = 0;
        for (TrajectoryDataset p : parts) {
            if (p.size() != demos) {
                throw new ShapeMismatchException(name + ": cannot stack " + p.name() + " (" + p.size()
                        + " demonstrations) with " + first.name() + " (" + demos + ")");
            }
            d += p.dimension();
        }
        List<Demonstration> out = new ArrayList<>();
        for (int j = 0; j < demos; j++) {
            int t = first.demonstration(j).length();
            for (TrajectoryDataset p : parts) {
                if (p.demonstration(j).length() != t) {
                    throw new ShapeMismatchException(name + ": cannot stack demonstration " + j + " of " + p.name()
                            + " (" + p.demonstration(j).length() + " samples) with that of " + first.name() + " ("
                            + t + " samples)");
                }
            }
            double[][] x = new double[t][d];
            double[][] v = new double[t][d];
            int o = 0;
            for (TrajectoryDataset p : parts) {
                Demonstration demo = p.demonstration(j);
                int dp = p.dimension();
                for (int k = 0; k < t; k++) {
                    System.arraycopy(demo.state(k), 0, x[k], o, dp);
                    System.arraycopy(demo.velocity(k), 0, v[k], o, dp);
                }
                o += dp;
            }
            out.add(new Demonstration(name, first.demonstration(j).times(), x, v));
        }
        double[] eq = new double[d];
        List<Standardization> ss = new ArrayList<>();
        int o = 0;
        for (TrajectoryDataset p : parts) {
            System.arraycopy(p.equilibrium, 0, eq, o, p.dimension());
            ss.add(p.standardization);
            o += p.dimension();
        }
        return new TrajectoryDataset(name, out, eq, Standardization.concat(ss));
    }

    @Override
    public String toString() {
        return name + " (" + size() + " demonstrations, D = " + dimension() + ", " + sampleCount() + " samples)";
    }
}
