package io.github.attractor.cli.io;

import io.github.attractor.analysis.lineattractor.LineAttractor;
import io.github.attractor.analysis.lineattractor.NoteExample;
import io.github.attractor.analysis.tln.Ctln;
import io.github.attractor.analysis.tln.DirectedGraph;
import io.github.attractor.analysis.tln.ThresholdLinearNetwork;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.UnknownNameException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Option;

/**
 * How a command gets a threshold-linear network {@code dx/dt = -x + [Wx + b]₊}: weights and bias (files or
 * literals), a CTLN from a directed graph, or a built-in example.
 */
public final class TlnOptions {
    /** The built-in examples. */
    public static final String EXAMPLES = "bounded-line, unbounded-line, note-8, note-9, note-10, note-11, "
            + "rotated-line, ctln-3cycle";

    @Option(names = {"-W", "--weights"}, paramLabel = "FILE|MATRIX",
            description = "Weight matrix W: .npy/.csv file or inline rows, e.g. \"0,-1;-1,0\".")
    String weights;

    @Option(names = {"-b", "--bias"}, paramLabel = "FILE|VECTOR", description = "Bias b (default: zeros).")
    String bias;

    @Option(names = "--graph", paramLabel = "FILE|EDGES",
            description = "CTLN from a directed graph: edge list \"0->1,1->2,2->0\" or a file of lines 'j i' (j -> i).")
    String graph;

    @Option(names = "--nodes", defaultValue = "0",
            description = "Vertex count of --graph (default: largest index + 1).")
    int nodes;

    @Option(names = "--epsilon", defaultValue = "0.25", description = "CTLN epsilon (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--delta", defaultValue = "0.5", description = "CTLN delta (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--theta", defaultValue = "1", description = "CTLN theta (default: ${DEFAULT-VALUE}).")
    double theta;

    @Option(names = "--example", paramLabel = "NAME", description = "Built-in network: " + EXAMPLES + ".")
    String example;

    @Option(names = "--beta", defaultValue = "1", description = "beta of the line attractors (default: ${DEFAULT-VALUE}).")
    double beta;

    /** Whether any network was given. */
    public boolean given() {
        return weights != null || graph != null || example != null;
    }

    /** A short description of the source. */
    public String source() {
        return weights != null ? "weights" : graph != null ? "graph" : "example " + example;
    }

    /** The network these options describe. */
    public ThresholdLinearNetwork network() {
        int given = (weights != null ? 1 : 0) + (graph != null ? 1 : 0) + (example != null ? 1 : 0);
        if (given == 0) {
            throw new InvalidInputException("give a network: --weights W [--bias b], --graph EDGES, or --example NAME");
        }
        if (given > 1) {
            throw new InvalidInputException("give only one of --weights, --graph, --example");
        }
        if (bias != null && weights == null) {
            throw new InvalidInputException("--bias goes with --weights");
        }
        if (weights != null) {
            DMatrixRMaj w = Require.square("--weights", Inputs.matrix("--weights", weights));
            double[] b = bias == null ? new double[w.numRows] : Inputs.vector("--bias", bias);
            Require.length("--bias", b, w.numRows);
            return new ThresholdLinearNetwork(w, b);
        }
        if (graph != null) {
            String text = graph;
            Path p = Path.of(graph);
            if (Files.isRegularFile(p)) {
                try {
                    text = Files.readString(p);
                } catch (IOException e) {
                    throw new InvalidInputException(graph + ": cannot read (" + e.getMessage() + ")");
                }
            }
            return Ctln.of(DirectedGraph.parse(text, nodes), epsilon, delta, theta);
        }
        return example(example, beta);
    }

    /** A built-in example by name. */
    public static ThresholdLinearNetwork example(String name, double beta) {
        return switch (name) {
            case "bounded-line" -> LineAttractor.BOUNDED.network(beta);
            case "unbounded-line" -> LineAttractor.UNBOUNDED.network(beta);
            case "note-8", "note-9", "note-10", "note-11" -> NoteExample.all().stream()
                    .filter(e -> e.label().equals(name.substring(5))).findFirst().orElseThrow().network(beta);
            case "rotated-line" -> NoteExample.rotatedLine().network(beta);
            case "ctln-3cycle" -> Ctln.of(DirectedGraph.cycle(3));
            default -> throw new UnknownNameException("--example: unknown network '" + name + "'; known: " + EXAMPLES);
        };
    }
}
