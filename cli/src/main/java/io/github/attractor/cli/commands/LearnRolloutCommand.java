package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Inputs;
import io.github.attractor.cli.io.Json;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.elcd.Rollout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attractor learn rollout}: RK4 rollout of a saved model from a start state. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "RK4 rollout x_{k+1} = x_k + h/6 (k1 + 2k2 + 2k3 + k4) of a saved model from --start until the "
                + "step is below --tol or --steps steps; prints the states as JSON.",
        footer = {"", "Examples:", "  attractor learn rollout --model-file runs/a/model.attr --start 1,-0.5 --dt 0.01"})
public final class LearnRolloutCommand implements Callable<Integer> {
    @Option(names = "--model-file", required = true, paramLabel = "FILE", description = "A model from learn train.")
    Path file;

    @Option(names = "--start", required = true, paramLabel = "X1,X2,...", description = "Start state, in the units the model was trained in.")
    String start;

    @Option(names = "--dt", defaultValue = "0.01", description = "Time step (default: ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = "--tol", defaultValue = "1e-5", description = "Stop when the step is below (default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--steps", defaultValue = "1000", description = "Maximum steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Override
    public Integer call() {
        LearnedDynamics m = LearnSupport.load(file);
        double[][] traj = Rollout.run(m, Inputs.vector("--start", start), dt, tol, steps);
        ObjectNode json = Json.object();
        json.put("model", m.kind());
        json.put("steps", traj.length - 1);
        json.set("end", Json.array(traj[traj.length - 1]));
        json.set("equilibrium", Json.array(m.equilibrium()));
        ArrayNode states = Json.array();
        for (double[] x : traj) {
            states.add(Json.array(x));
        }
        json.set("states", states);
        System.out.println(Json.write(json));
        return 0;
    }
}
