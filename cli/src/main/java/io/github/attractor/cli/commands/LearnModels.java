package io.github.attractor.cli.commands;

import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.learn.baselines.EuclideanizingFlow;
import io.github.attractor.learn.baselines.NeuralContractiveDynamics;
import io.github.attractor.learn.baselines.StableDeepDynamics;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.elcd.Elcd;
import io.github.attractor.learn.elcd.ElcdFlow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The registry of learnable models of {@code attractor learn}: a name and a factory
 * {@code (d, hidden, α, x*, seed) → model}. A model plugs in with one line in {@link #MODELS}.
 */
public final class LearnModels {
    /** How a model is built from the command-line options. */
    @FunctionalInterface
    public interface Factory {
        LearnedDynamics create(int d, int hidden, double alpha, double[] equilibrium, long seed);
    }

    /** The registered models, by name. */
    public static final Map<String, Factory> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("elcd", (d, hidden, alpha, eq, seed) -> new Elcd(d, hidden, alpha, eq, false, seed));
        MODELS.put("elcd-flow", (d, hidden, alpha, eq, seed) -> new ElcdFlow(d, hidden, alpha, eq, false, true, seed));
        MODELS.put("sdd", (d, hidden, alpha, eq, seed) -> new StableDeepDynamics(eq, hidden, new SplittableRandom(seed)));
        MODELS.put("eflow", (d, hidden, alpha, eq, seed) -> new EuclideanizingFlow(eq, 2, hidden, seed));
        MODELS.put("ncds", (d, hidden, alpha, eq, seed) -> new NeuralContractiveDynamics(eq, hidden, new SplittableRandom(seed)));
    }

    private LearnModels() {
    }

    /** The model called {@code name}; an unknown name is an error naming it and the known ones. */
    public static LearnedDynamics create(String name, int d, int hidden, double alpha, double[] equilibrium, long seed) {
        Factory f = MODELS.get(name);
        if (f == null) {
            throw new UnknownNameException("--model: unknown model '" + name + "' (known: " + String.join(", ",
                    MODELS.keySet()) + ")");
        }
        return f.create(d, hidden, alpha, equilibrium, seed);
    }
}
