package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Inputs;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.core.error.Require;
import io.github.attractor.data.corrupt.Corruptions;
import io.github.attractor.memory.classical.Spins;
import io.github.attractor.memory.sequence.Activation;
import io.github.attractor.memory.sequence.Replay;
import io.github.attractor.memory.sequence.SequenceMap;
import io.github.attractor.memory.sequence.Transitions;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attractor memory sequence}: stores a sequence of patterns ξ_0, …, ξ_{P-1} with the shift transition
 * {@code Φᵀe_μ = e_{μ+1}} and replays it with the discrete update (7) of note 004,
 * {@code V_f(t+1) = Ξ(α_s I + α_c Φᵀ)Ξᵀ σ(V_f(t))}, from the first pattern with a fraction of its signs flipped.
 * Prints, per step, the overlap {@code (1/N_f) ξ_μ·σ(V_f(t))} with the expected pattern {@code t mod P} and
 * which pattern matches best.
 */
@Command(name = "sequence", mixinStandardHelpOptions = true,
        description = "Store a sequence of ±1 patterns and replay it with V(t+1) = Ξ(α_s I + α_c Φᵀ)Ξᵀ σ(V(t)) "
                + "(note 004, eq. 7). JSON on stdout: overlap with the expected pattern at every step.",
        footer = {"", "Examples:",
                "  attractor memory sequence                                  # 500 neurons, 10 random patterns, (1, 2)",
                "  attractor memory sequence --alpha-c 1                      # the note's setting: watch it stall",
                "  attractor memory sequence --patterns seq.npy --flip 0.2 --plot replay.png",
                "", "Patterns: one per row (.npy or .csv), entries ±1 for --activation sign."})
public final class SequenceCommand implements Callable<Integer> {
    @Option(names = "--patterns", paramLabel = "FILE",
            description = "Sequence patterns, one per row (.npy/.csv); default: --length random ±1 patterns.")
    String patterns;

    @Option(names = "--neurons", defaultValue = "500", description = "N_f for random patterns (default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--length", defaultValue = "10", description = "Number of random patterns (default: ${DEFAULT-VALUE}).")
    int length;

    @Option(names = "--alpha-s", defaultValue = "1", description = "Self strength α_s (default: ${DEFAULT-VALUE}).")
    double alphaS;

    @Option(names = "--alpha-c", defaultValue = "2", description = "Transition strength α_c (default: ${DEFAULT-VALUE}).")
    double alphaC;

    @Option(names = "--steps", defaultValue = "20", description = "Replay steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--flip", defaultValue = "0.1",
            description = "Fraction of the first pattern's signs flipped in the cue (default: ${DEFAULT-VALUE}).")
    double flip;

    @Option(names = "--activation", defaultValue = "sign",
            description = "σ_f: sign, tanh, or a Lagrangian name (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--open", description = "Open sequence (the last pattern has no successor) instead of a cycle.")
    boolean open;

    @Option(names = "--seed", defaultValue = "2024", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw the overlaps over the steps.")
    Path plot;

    @Override
    public Integer call() {
        Require.that(steps >= 1, "--steps must be at least 1, got " + steps);
        Require.that(flip >= 0 && flip <= 1, "--flip must be in [0, 1], got " + flip);
        Require.that(Double.isFinite(alphaS) && Double.isFinite(alphaC), "--alpha-s and --alpha-c must be finite");
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj rows;
        if (patterns != null) {
            rows = Spins.requirePatterns("--patterns", Inputs.matrix("--patterns", patterns));
        } else {
            Require.that(neurons >= 1 && length >= 1, "--neurons and --length must be at least 1");
            rows = Spins.random(length, neurons, rng);
        }
        int p = rows.numRows;
        DMatrixRMaj xi = new DMatrixRMaj(rows.numCols, p);
        CommonOps_DDRM.transpose(rows, xi);
        SequenceMap map = SequenceMap.of(xi, Transitions.shift(p, !open), alphaS, alphaC, Activation.parse(activation));
        double[] cue = Corruptions.flipSigns(Spins.row(rows, 0), flip, rng);
        Replay r = map.replay(cue, steps);

        ObjectNode root = Json.object();
        root.put("neurons", rows.numCols);
        root.put("patterns", p);
        root.put("alpha_s", alphaS);
        root.put("alpha_c", alphaC);
        root.put("activation", activation);
        root.put("cyclic", !open);
        root.put("flip", flip);
        root.put("seed", seed);
        ArrayNode stepsNode = root.putArray("steps");
        double[] t = new double[steps + 1];
        double[] expected = new double[steps + 1];
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= steps; k++) {
            int mu = open ? Math.min(k, p - 1) : k % p;
            t[k] = k;
            expected[k] = r.overlap(k, mu);
            if (k > 0) {
                min = Math.min(min, expected[k]);
            }
            ObjectNode s = stepsNode.addObject();
            s.put("step", k);
            s.put("expected_pattern", mu);
            s.put("overlap", Json.num(expected[k]));
            s.put("best_pattern", r.bestPattern(k));
            s.put("best_overlap", Json.num(r.overlap(k, r.bestPattern(k))));
        }
        root.put("min_overlap", Json.num(min));
        if (plot != null) {
            XYChart c = Charts.lines(String.format("Sequence replay, (α_s, α_c) = (%s, %s)", alphaS, alphaC), "step",
                    "overlap", false);
            Charts.addLine(c, "overlap with pattern t mod P", t, expected);
            Charts.save(c, plot);
        }
        System.out.println(Json.write(root));
        return 0;
    }
}
