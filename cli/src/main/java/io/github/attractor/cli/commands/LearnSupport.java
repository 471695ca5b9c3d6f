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
 * Shared pieces of {@code attractor learn}: loading and checking a dataset (standardised: {@code (x − μ)/σ}),
 * saving and restoring a model with its options, and the DTWD evaluation of RK4 rollouts from every demonstration's
 * start with the data's time step.
 */
final class LearnSupport {
    private LearnSupport() {
    }

    /** The dataset {@code spec}, standardised, with non-finite values rejected. */
    static TrajectoryDataset dataset(String spec, long seed) {
        TrajectoryDataset ds = TrajectoryCatalog.load(spec, DataRoot.path(), seed);
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
        return ds.standardized();
    }

    static double[] flat(double[][] rows) {
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

    static void save(Path file, String model, LearnedDynamics m, int hidden, double alpha, long seed, String spec) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("model", model);
        attrs.put("dimension", Integer.toString(m.dimension()));
        attrs.put("hidden", Integer.toString(hidden));
        attrs.put("alpha", Double.toString(alpha));
        attrs.put("seed", Long.toString(seed));
        attrs.put("equilibrium", join(m.equilibrium()));
        attrs.put("dataset", spec);
        ModelFile.save(file, m.kind(), 1, attrs, m.parameters());
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

    /** DTWD of each demonstration against the rollout from its start; fills {@code json} and returns the rollouts. */
    static double[][][] evaluate(LearnedDynamics m, TrajectoryDataset ds, ObjectNode json) {
        if (ds.dimension() != m.dimension()) {
            throw new InvalidInputException("--dataset: dimension " + ds.dimension() + " does not match the model's "
                    + m.dimension());
        }
        int n = ds.size();
        double[] dtwd = new double[n];
        double[][][] rolls = new double[n][][];
        ArrayNode per = Json.array();
        for (int j = 0; j < n; j++) {
            Demonstration demo = ds.demonstration(j);
            rolls[j] = Rollout.run(m, demo.initialState(), timeStep(demo));
            dtwd[j] = Dtwd.distance(demo.states(), rolls[j]);
            per.add(dtwd[j]);
        }
        double mean = Arrays.stream(dtwd).average().orElse(Double.NaN);
        double var = 0;
        for (double v : dtwd) {
            var += (v - mean) * (v - mean);
        }
        json.set("dtwd", per);
        json.put("dtwd_mean", mean);
        json.put("dtwd_sd", n > 1 ? Math.sqrt(var / (n - 1)) : 0.0);
        return rolls;
    }
}
