package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.data.trajectory.TrajectoryDataset;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attractor learn evaluate}: DTWD (Section 4.5.1) of a saved model's rollouts against a dataset. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "DTWD of RK4 rollouts from each demonstration's start (data time step, until the step is below "
                + "1e-5 or 1000 steps) against the demonstrations, in the units and with the demonstrations the model was trained on.",
        footer = {"", "Examples:", "  attractor learn evaluate --model-file runs/a/model.attr --dataset lasa:Angle"})
public final class LearnEvaluateCommand implements Callable<Integer> {
    @Option(names = "--model-file", required = true, paramLabel = "FILE", description = "A model from learn train.")
    Path file;

    @Option(names = "--dataset", required = true, paramLabel = "SPEC", description = "Dataset spec.")
    String dataset;

    @Option(names = "--seed", defaultValue = "1", description = "Dataset seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        LearnedDynamics m = LearnSupport.load(file);
        TrajectoryDataset ds = LearnSupport.dataset(dataset, seed, LearnSupport.standardized(file),
                LearnSupport.demos(file));
        ObjectNode json = Json.object();
        json.put("model", m.kind());
        json.put("dataset", dataset);
        LearnSupport.evaluate(m, ds, json);
        System.out.println(Json.write(json));
        return 0;
    }
}
