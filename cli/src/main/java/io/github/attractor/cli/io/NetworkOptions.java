package io.github.attractor.cli.io;

import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.data.network.NetworkFile;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.Lagrangians;
import io.github.attractor.memory.network.Network;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Option;

/**
 * How a command gets its network {@code dy/dt = W g(y) - y + b}: a network file, a weight matrix (file or
 * inline) with an optional bias, or a built-in example; the Lagrangian by name.
 */
public final class NetworkOptions {

    @Option(names = "--network", paramLabel = "FILE",
            description = "Network file: .json {\"weights\":[[..]],\"bias\":[..],\"lagrangian\":\"relu\"} or .npz with W, b.")
    Path networkFile;

    @Option(names = {"-W", "--weights"}, paramLabel = "FILE|MATRIX",
            description = "Weight matrix: .npy/.csv file or inline rows, e.g. \"0,-2;-2,0\".")
    String weights;

    @Option(names = {"-b", "--bias"}, paramLabel = "FILE|VECTOR", description = "Bias vector (default: zeros).")
    String bias;

    @Option(names = {"-L", "--lagrangian"}, paramLabel = "NAME",
            description = "Lagrangian: relu, sigmoid, softmax[:beta=B], tanh, identity, layernorm[:gamma=G,eps=E], "
                    + "smooth-leaky-relu (default: from the file, else relu).")
    String lagrangian;

    @Option(names = "--example", paramLabel = "NAME",
            description = "Built-in network: wta (2-neuron winner-take-all, Figure 1), random (symmetric, "
                    + "|W|_2 = 0.9, size --size).")
    String example;

    @Option(names = "--size", defaultValue = "10", description = "Neurons of --example random (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for random networks and states (default: ${DEFAULT-VALUE}).")
    public long seed;

    /** The network these options describe. */
    public Network network() {
        int given = (networkFile != null ? 1 : 0) + (weights != null ? 1 : 0) + (example != null ? 1 : 0);
        if (given == 0) {
            throw new InvalidInputException("give a network: --network FILE, --weights W [--bias b], or --example NAME");
        }
        if (given > 1) {
            throw new InvalidInputException("give only one of --network, --weights, --example");
        }
        if (networkFile != null) {
            io.github.attractor.data.network.NetworkSpec spec = NetworkFile.read(networkFile);
            String lag = lagrangian != null ? lagrangian : spec.lagrangian() != null ? spec.lagrangian() : "relu";
            return new Network(spec.weights(), spec.bias(), Lagrangians.parse(lag));
        }
        Lagrangian lag = Lagrangians.parse(lagrangian == null ? "relu" : lagrangian);
        if (weights != null) {
            DMatrixRMaj w = Inputs.matrix("--weights", weights);
            double[] b = bias == null ? new double[w.numRows] : Inputs.vector("--bias", bias);
            return new Network(w, b, lag);
        }
        return switch (example) {
            case "wta" -> winnerTakeAll(lag);
            case "random" -> {
                if (size < 1) {
                    throw new InvalidInputException("--size must be at least 1, got " + size);
                }
                SplittableRandom rng = new SplittableRandom(seed);
                DMatrixRMaj w = RandomMatrices.symmetricWithSpectralNorm(size, 0.9, rng);
                double[] b = new double[size];
                for (int i = 0; i < size; i++) {
                    b[i] = rng.nextGaussian();
                }
                yield new Network(w, b, lag);
            }
            default -> throw new io.github.attractor.core.error.UnknownNameException(
                    "--example: unknown network '" + example + "'; known: wta, random");
        };
    }

    /**
     * The two-neuron ReLU network of the Figure 1 reproduction: mutual inhibition
     * {@code W = [[0,-2],[-2,0]]}, {@code b = (1,1)}. Steady states: (1,-1) and (-1,1), stable, each with
     * one dead neuron; (1/3,1/3), a saddle.
     */
    public static Network winnerTakeAll(Lagrangian lag) {
        return new Network(new DMatrixRMaj(new double[][] {{0, -2}, {-2, 0}}), new double[] {1, 1}, lag);
    }

    /** An initial state: the given file/literal, or N(0, spread²) draws from the seed. */
    public double[] initialState(String value, int n, double spread) {
        if (value != null) {
            return io.github.attractor.core.error.Require.length("--y0", Inputs.vector("--y0", value), n);
        }
        SplittableRandom rng = new SplittableRandom(seed + 7919);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = spread * rng.nextGaussian();
        }
        return y;
    }
}
