package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.catalog.TrajectoryCatalog;
import io.github.attractor.data.io.DataRoot;
import io.github.attractor.data.trajectory.Demonstration;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.elcd.Dtwd;
import io.github.attractor.learn.elcd.Rollout;
import io.github.attractor.learn.io.ModelFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shared pieces of {@code attractor learn}: loading and checking a dataset (in the ELCD experiments' units),
 * saving and restoring a model with its options, and the DTWD evaluation of RK4 rollouts from every demonstration's
 * start with the data's time step.
 */
public final class LearnSupport {
    private LearnSupport() {
    }

    /**
     * The dataset {@code spec} with non-finite values rejected, in the units of the ELCD experiments: LASA standardised
     * (by the catalog), the pendulum and Rosenbrock data raw; {@code standardize} standardises any dataset,
     * {@code (x − μ)/σ} per feature; only the first {@code demos} demonstrations (all for 0).
     */
    public static TrajectoryDataset dataset(String spec, long seed, boolean standardize, int demos) {
        TrajectoryDataset ds = TrajectoryCatalog.load(spec, DataRoot.path(), seed, demos);
        if (ds.demonstrations().isEmpty()) {
            throw new InvalidInputException("--dataset " + spec + ": no demonstrations");
        }
        for (double[] row : ds.states()) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new InvalidInputException("--dataset " + spec + ": non-finite state in the data");
                }
            }
        }
        for (double[] row : ds.velocities()) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new InvalidInputException("--dataset " + spec + ": non-finite velocity in the data");
                }
            }
        }
        return standardize ? ds.standardized() : ds;
    }

    /** Rows stacked into one row-major array. */
    public static double[] flat(double[][] rows) {
        int d = rows[0].length;
        double[] out = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * d, d);
        }
        return out;
    }

    static double timeStep(Demonstration demo) {
        double[] t = demo.times();
        return t.length > 1 && t[1] > t[0] ? t[1] - t[0] : 0.01;
    }

    static void save(Path file, String model, LearnedDynamics m, int hidden, double alpha, long seed, String spec,
            boolean standardize, int demos) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("model", model);
        attrs.put("dimension", Integer.toString(m.dimension()));
        attrs.put("hidden", Integer.toString(hidden));
        attrs.put("alpha", Double.toString(alpha));
        attrs.put("seed", Long.toString(seed));
        attrs.put("equilibrium", join(m.equilibrium()));
        attrs.put("dataset", spec);
        attrs.put("standardize", Boolean.toString(standardize));
        attrs.put("demos", Integer.toString(demos));
        ModelFile.save(file, m.kind(), 1, attrs, m.parameters());
    }

    /** Whether the model in {@code file} was trained on standardised data ({@code --standardize}). */
    static boolean standardized(Path file) {
        return Boolean.parseBoolean(ModelFile.load(file).attributes().get("standardize"));
    }

    /** How many demonstrations the model in {@code file} was trained on ({@code --demos}; 0 for all). */
    static int demos(Path file) {
        String d = ModelFile.load(file).attributes().get("demos");
        return d == null ? 0 : Integer.parseInt(d);
    }

    /** Restores a model saved by {@link #save}. */
    static LearnedDynamics load(Path file) {
        ModelFile.Contents c = ModelFile.load(file);
        Map<String, String> a = c.attributes();
        String model = a.get("model");
        if (model == null || a.get("dimension") == null) {
            throw new InvalidInputException("--model-file " + file + ": not an attractor learn model");
        }
        double[] eq = Arrays.stream(a.get("equilibrium").split(",")).mapToDouble(Double::parseDouble).toArray();
        LearnedDynamics m = LearnModels.create(model, Integer.parseInt(a.get("dimension")),
                Integer.parseInt(a.get("hidden")), Double.parseDouble(a.get("alpha")), eq, Long.parseLong(a.get("seed")));
        ModelFile.loadInto(file, m.kind(), m.parameters());
        return m;
    }

    static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.toString();
    }

    /**
     * The RK4 rollout of {@code m} from every demonstration's start with the data's time step ({@link Rollout}
     * defaults: stop below 1e-5 or after 1000 steps).
     */
    public static double[][][] rollouts(LearnedDynamics m, TrajectoryDataset ds) {
        if (ds.dimension() != m.dimension()) {
            throw new InvalidInputException("--dataset: dimension " + ds.dimension() + " does not match the model's "
                    + m.dimension());
        }
        double[][][] rolls = new double[ds.size()][][];
        for (int j = 0; j < ds.size(); j++) {
            Demonstration demo = ds.demonstration(j);
            rolls[j] = Rollout.run(m, demo.initialState(), timeStep(demo));
        }
        return rolls;
    }

    /** DTWD (4.5.1) of each demonstration against its rollout in {@code rolls}. */
    public static double[] dtwd(TrajectoryDataset ds, double[][][] rolls) {
        double[] out = new double[ds.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = Dtwd.distance(ds.demonstration(j).states(), rolls[j]);
        }
        return out;
    }

    /** DTWD of each demonstration against the rollout from its start; fills {@code json} and returns the rollouts. */
    static double[][][] evaluate(LearnedDynamics m, TrajectoryDataset ds, ObjectNode json) {
        double[][][] rolls = rollouts(m, ds);
        double[] dtwd = dtwd(ds, rolls);
        ArrayNode per = Json.array();
        for (double v : dtwd) {
            per.add(v);
        }
        double mean = Arrays.stream(dtwd).average().orElse(Double.NaN);
        double var = 0;
        for (double v : dtwd) {
            var += (v - mean) * (v - mean);
        }
        json.set("dtwd", per);
        json.put("dtwd_mean", mean);
        json.put("dtwd_sd", dtwd.length > 1 ? Math.sqrt(var / (dtwd.length - 1)) : 0.0);
        return rolls;
    }
}
