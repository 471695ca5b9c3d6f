package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.rnn.Input;
import io.github.attractor.analysis.rnn.MembraneRnn;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.analysis.rnn.RateRnn;
import io.github.attractor.analysis.slowpoints.SlowPoints;
import io.github.attractor.cli.io.Inputs;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.TlnOptions;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.core.field.VectorField;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attractor analyze slow-points}. */
@Command(name = "slow-points", mixinStandardHelpOptions = true,
        description = "Fixed and slow points of an RNN (Sussillo & Barak 2013): minimise q(x) = |f(x)|^2/2 by "
                + "Levenberg-Marquardt from many starts; ends with q <= 1e-20 are fixed points, ends with "
                + "q <= --q-slow are slow points (flagged when they are local minima of q); each de-duplicated and "
                + "classified by the eigenvalues of the Jacobian.",
        footer = {"", "Models: tln (dx/dt = -x + [Wx + b]+), rate (dy/dt = (-y + phi(Wy + b))/tau), membrane "
                + "(dx/dt = (-x + W phi(x) + b)/tau).",
                "Examples (--example): " + TlnOptions.EXAMPLES + ", tanh-ghost (1 unit, w = 2, b = -0.56: the ghost "
                        + "of a saddle-node).",
                "", "Examples:", "  attractor analyze slow-points --example tanh-ghost",
                "  attractor analyze slow-points --model rate -W W.npy -b b.npy --phi tanh --starts 500",
                "  attractor analyze slow-points --model tln -W \"0,-1;-1,0\" -b 1.1,0.9 --q-slow 0.1"})
public final class SlowPointsCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "tln", description = "tln, rate or membrane (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = {"-W", "--weights"}, paramLabel = "FILE|MATRIX", description = "Weight matrix W.")
    String weights;

    @Option(names = {"-b", "--bias"}, paramLabel = "FILE|VECTOR", description = "Bias (or constant input) b (default: zeros).")
    String bias;

    @Option(names = "--phi", defaultValue = "tanh", description = "phi of rate/membrane models: tanh, tanh:a=GAIN, "
            + "softplus, relu (default: ${DEFAULT-VALUE}).")
    String phi;

    @Option(names = "--tau", defaultValue = "1", description = "Time constant (default: ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--example", paramLabel = "NAME", description = "Built-in model (see below).")
    String example;

    @Option(names = "--starts", defaultValue = "200", description = "Initial states (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--spread", defaultValue = "2", description = "Starts are N(0, spread^2) (default: ${DEFAULT-VALUE}).")
    double spread;

    @Option(names = "--q-slow", defaultValue = "1e-3", description = "Largest q of a slow point (default: ${DEFAULT-VALUE}).")
    double qSlow;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the starts (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Require.that(starts > 0, "--starts must be positive, got " + starts);
        Require.that(spread > 0, "--spread must be positive, got " + spread);
        Require.that(qSlow > 0, "--q-slow must be positive, got " + qSlow);
        VectorField f = field();
        int n = f.dimension();
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> xs = new ArrayList<>();
        for (int s = 0; s < starts; s++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = spread * rng.nextGaussian();
            }
            xs.add(x);
        }
        SlowPoints.Settings settings = SlowPoints.Settings.defaults().withSlowTolerance(Math.max(qSlow, 1e-20));
        SlowPoints.Result r = SlowPoints.find(f, xs, settings);
        ObjectNode root = Json.object();
        root.put("n", n);
        root.put("model", example != null ? "example " + example : model);
        root.put("seed", seed);
        root.put("starts", r.starts());
        root.put("discarded", r.discarded());
        root.put("q_fixed", settings.fixedTolerance());
        root.put("q_slow", settings.slowTolerance());
        root.set("fixed_points", points(r.fixedPoints()));
        root.set("slow_points", points(r.slowPoints()));
        System.out.println(Json.write(root));
        return 0;
    }

    private static ArrayNode points(List<SlowPoints.Point> ps) {
        ArrayNode a = Json.array();
        for (SlowPoints.Point p : ps) {
            ObjectNode o = a.addObject();
            o.set("x", Json.array(p.x()));
            o.put("q", p.q());
            o.put("speed", p.speed());
            o.put("verdict", p.verdict().label());
            o.put("local_minimum_of_q", p.localMinimum());
            o.set("eigenvalues_real", Json.array(p.spectrum().real()));
            o.set("eigenvalues_imag", Json.array(p.spectrum().imag()));
        }
        return a;
    }

    private VectorField field() {
        if (example != null) {
            if (weights != null || bias != null) {
                throw new InvalidInputException("give either --example or --weights/--bias");
            }
            if (example.equals("tanh-ghost")) {
                return new RateRnn(new DMatrixRMaj(new double[][] {{2}}), Nonlinearity.TANH.unit(), 1,
                        Input.constant(new double[] {-0.56}));
            }
            return TlnOptions.example(example, 1);
        }
        if (weights == null) {
            throw new InvalidInputException("give a model: --weights W [--bias b] [--model tln|rate|membrane], or --example NAME");
        }
        DMatrixRMaj w = Require.square("--weights", Inputs.matrix("--weights", weights));
        double[] b = bias == null ? new double[w.numRows] : Inputs.vector("--bias", bias);
        Require.length("--bias", b, w.numRows);
        return switch (model) {
            case "tln" -> new io.github.attractor.analysis.tln.ThresholdLinearNetwork(w, b);
            case "rate" -> new RateRnn(w, Nonlinearity.parse(phi), tau, Input.constant(b));
            case "membrane" -> new MembraneRnn(w, Nonlinearity.parse(phi), tau, Input.constant(b));
            default -> throw new UnknownNameException("--model: unknown model '" + model + "'; known: tln, rate, membrane");
        };
    }
}
