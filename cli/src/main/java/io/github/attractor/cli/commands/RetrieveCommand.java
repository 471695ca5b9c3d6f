package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.Patterns;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.ShapeMismatchException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.corrupt.Corruptions;
import io.github.attractor.data.npy.Npy;
import io.github.attractor.memory.classical.BinaryHopfield;
import io.github.attractor.memory.classical.Spins;
import io.github.attractor.memory.classical.SpinRun;
import io.github.attractor.memory.modern.KHopfieldLayer;
import io.github.attractor.memory.modern.ModernHopfield;
import io.github.attractor.memory.modern.Separation;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import io.github.attractor.memory.store.TopK;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attractor memory retrieve}: stores the memories of a file and retrieves them from queries — given in a
 * file, or made from stored memories by a corruption. Models: the modern Hopfield network (3.1), the k-Hopfield
 * layer (3.4)/(3.5) with its hardened indices (3.8), the dense associative memory (the universal update with a
 * polynomial separation) and the classical binary Hopfield network (Hebbian weights, asynchronous updates).
 */
@Command(name = "retrieve", mixinStandardHelpOptions = true,
        description = "Store memories from a file and retrieve them from queries (a file, or corrupted copies of "
                + "stored memories). JSON on stdout: per query the retrieved memories' indices and scores.",
        footer = {"", "Examples:",
                "  attractor memory retrieve --memories t10k-images-idx3-ubyte.gz --limit 100 --cue 0,1,2 \\",
                "      --corrupt top-half --model khopfield --k 3 --beta 3 --similarity manhattan",
                "  attractor memory retrieve --memories mem.npy --queries q.npy --model modern --beta 8 --steps 5 \\",
                "      --out-patterns retrieved.npy",
                "  attractor memory retrieve --memories spins.csv --cue 0 --corrupt flip:0.1 --model classical",
                "  attractor memory retrieve --memories big.npy --queries q.npy --model khopfield --k 8 --similarity dot \\",
                "      --precision float32",
                "", "Files: .npy (2-D), .csv, or IDX (MNIST, gzipped or not; pixels scaled to [0, 1]); one pattern per row.",
                "Corruptions: top-half, top:ROWS, noise:SIGMA, mask:P, flip:FRACTION, none (images need a square d or --shape)."})
public final class RetrieveCommand implements Callable<Integer> {
    @Option(names = "--memories", required = true, paramLabel = "FILE", description = "Patterns to store, one per row.")
    Path memories;

    @Option(names = "--limit", defaultValue = "0", description = "Store only the first N patterns (default: all).")
    int limit;

    @Option(names = "--queries", paramLabel = "FILE", description = "Queries, one per row (dimension d).")
    Path queries;

    @Option(names = "--cue", split = ",", paramLabel = "INDEX",
            description = "Make queries from these stored memories (0-based), corrupted by --corrupt.")
    int[] cue;

    @Option(names = "--corrupt", defaultValue = "top-half", description = "Corruption of --cue (default: ${DEFAULT-VALUE}).")
    String corrupt;

    @Option(names = "--shape", paramLabel = "HxW", description = "Image shape for occlusions (default: square).")
    String shape;

    @Option(names = "--model", defaultValue = "khopfield",
            description = "modern, khopfield, dense or classical (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--k", defaultValue = "1", description = "Memories per query for khopfield (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--beta", defaultValue = "3", description = "Inverse temperature β (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--similarity", defaultValue = "manhattan",
            description = "dot, euclidean, manhattan or cosine (default: ${DEFAULT-VALUE}).")
    String similarity;

    @Option(names = "--separation", defaultValue = "polynomial:degree=3",
            description = "Separation of the dense model: polynomial:degree=N, relu-polynomial:degree=N, softmax:beta=B, "
                    + "max (default: ${DEFAULT-VALUE}).")
    String separation;

    @Option(names = "--steps", defaultValue = "1",
            description = "Update steps (modern, dense; classical: maximum sweeps, default 100 when 1) (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--out-patterns", paramLabel = "FILE.npy",
            description = "Write the retrieved patterns: B×d, or B×k×d for khopfield.")
    Path outPatterns;

    @Option(names = "--seed", defaultValue = "2024", description = "Seed for corruptions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--precision", defaultValue = "double", paramLabel = "double|float32",
            description = "Storage of the memories: double, or float32 (half the memory; scores and read-outs by the "
                    + "float GEMM, for large N) (default: ${DEFAULT-VALUE}).")
    String precision;

    @Override
    public Integer call() {
        Require.that(beta > 0 && Double.isFinite(beta), "--beta must be positive and finite, got " + beta);
        Require.that(steps >= 1, "--steps must be at least 1, got " + steps);
        DMatrixRMaj mem = Patterns.read("--memories", memories, limit);
        int n = mem.numRows;
        int d = mem.numCols;
        DMatrixRMaj q = queryMatrix(mem);
        int b = q.numRows;
        Similarity sim = Similarity.parse(similarity);
        MemoryStore store = switch (precision.toLowerCase(Locale.ROOT)) {
            case "double" -> MemoryStore.of(mem);
            case "float32", "float" -> MemoryStore.ofFloat(mem);
            default -> throw new UnknownNameException("--precision: unknown precision '" + precision
                    + "'; known: double, float32");
        };
        String m = model.toLowerCase(Locale.ROOT);

        ObjectNode root = Json.object();
        root.put("model", m);
        root.put("memories", n);
        root.put("dimension", d);
        root.put("queries", b);
        root.put("similarity", sim.key());
        root.put("beta", beta);
        root.put("precision", store.isFloat() ? "float32" : "double");
        ArrayNode results = root.putArray("results");
        double[] retrieved;
        int[] outShape;
        switch (m) {
            case "khopfield" -> {
                Require.that(k >= 1 && k <= n, "--k must be in [1, " + n + "] (the number of memories), got " + k);
                KHopfieldLayer layer = new KHopfieldLayer(store, sim, beta, k);
                retrieved = new double[b * k * d];
                layer.retrieve(q.data, b, retrieved);
                KHopfieldLayer.Retrieval hard = layer.harden(q.data, b);
                for (int i = 0; i < b; i++) {
                    ObjectNode r = results.addObject();
                    ArrayNode idx = r.putArray("indices");
                    ArrayNode sc = r.putArray("scores");
                    for (int j = 0; j < k; j++) {
                        idx.add(hard.indices()[i * k + j]);
                        sc.add(Json.num(hard.scores()[i * k + j]));
                    }
                }
                root.put("k", k);
                outShape = new int[] {b, k, d};
            }
            case "modern", "dense" -> {
                Separation sep = m.equals("modern") ? Separation.softmax(beta) : Separation.parse(separation);
                ModernHopfield net = new ModernHopfield(store, sim, sep);
                retrieved = q.data.clone();
                double[] next = new double[b * d];
                for (int s = 0; s < steps; s++) {
                    net.update(retrieved, b, next);
                    System.arraycopy(next, 0, retrieved, 0, next.length);
                }
                root.put("separation", sep.name());
                root.put("steps", steps);
                nearest(store, sim, retrieved, b, results);
                outShape = new int[] {b, d};
            }
            case "classical" -> {
                Spins.requirePatterns("--memories", mem);
                Spins.requirePatterns("queries", q);
                BinaryHopfield net = BinaryHopfield.hebbian(mem);
                retrieved = new double[b * d];
                SplittableRandom rng = new SplittableRandom(seed);
                int sweeps = steps == 1 ? 100 : steps;
                ArrayNode conv = root.putArray("converged");
                for (int i = 0; i < b; i++) {
                    double[] s0 = new double[d];
                    System.arraycopy(q.data, i * d, s0, 0, d);
                    SpinRun run = net.runAsynchronous(s0, rng, sweeps);
                    System.arraycopy(run.state(), 0, retrieved, i * d, d);
                    conv.add(run.converged());
                }
                nearest(store, sim, retrieved, b, results);
                outShape = new int[] {b, d};
            }
            default -> throw new UnknownNameException("--model: unknown model '" + model
                    + "'; known: modern, khopfield, dense, classical");
        }
        if (cue != null) {
            root.putPOJO("cues", cue);
            root.put("corruption", corrupt);
        }
        if (outPatterns != null) {
            Npy.write(outPatterns, new NdArray(outShape, retrieved));
            root.put("patterns_written", outPatterns.toString());
        }
        System.out.println(Json.write(root));
        return 0;
    }

    /** The stored memory nearest (by the similarity) to each retrieved pattern: index and score. */
    private static void nearest(MemoryStore store, Similarity sim, double[] retrieved, int b, ArrayNode results) {
        TopK top = store.topK(sim, retrieved, b, 1);
        for (int i = 0; i < b; i++) {
            ObjectNode r = results.addObject();
            r.putArray("indices").add(top.index(i, 0));
            r.putArray("scores").add(Json.num(top.score(i, 0)));
        }
    }

    private DMatrixRMaj queryMatrix(DMatrixRMaj mem) {
        int d = mem.numCols;
        if ((queries == null) == (cue == null)) {
            throw new InvalidInputException("give exactly one of --queries FILE and --cue INDEX,...");
        }
        if (queries != null) {
            DMatrixRMaj q = Patterns.read("--queries", queries, 0);
            if (q.numCols != d) {
                throw new ShapeMismatchException("--queries " + queries.getFileName() + ": dimension " + q.numCols
                        + ", the memories have " + d);
            }
            return q;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj q = new DMatrixRMaj(cue.length, d);
        int[] hw = imageShape(d);
        for (int i = 0; i < cue.length; i++) {
            int c = cue[i];
            Require.that(c >= 0 && c < mem.numRows, "--cue: index " + c + " is outside [0, " + mem.numRows + ")");
            double[] x = Spins.row(mem, c);
            System.arraycopy(corrupt(x, hw, rng), 0, q.data, i * d, d);
        }
        return q;
    }

    private double[] corrupt(double[] x, int[] hw, SplittableRandom rng) {
        String spec = corrupt.strip().toLowerCase(Locale.ROOT);
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        double arg = colon < 0 ? Double.NaN : number(spec.substring(colon + 1));
        return switch (name) {
            case "none" -> x.clone();
            case "top-half" -> Corruptions.occludeTopHalf(x, hw[0], hw[1]);
            case "top" -> Corruptions.occludeTop(x, hw[0], hw[1], (int) required(arg, name));
            case "noise" -> Corruptions.gaussianNoise(x, required(arg, name), rng);
            case "mask" -> Corruptions.randomMask(x, required(arg, name), 0.0, rng);
            case "flip" -> Corruptions.flipSigns(x, required(arg, name), rng);
            default -> throw new UnknownNameException("--corrupt: unknown corruption '" + corrupt
                    + "'; known: none, top-half, top:ROWS, noise:SIGMA, mask:P, flip:FRACTION");
        };
    }

    private double required(double arg, String name) {
        if (Double.isNaN(arg)) {
            throw new InvalidInputException("--corrupt " + name + " needs a value, e.g. " + name + ":0.1");
        }
        return arg;
    }

    private double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--corrupt: '" + s + "' is not a number");
        }
    }

    private int[] imageShape(int d) {
        if (shape != null) {
            String[] p = shape.toLowerCase(Locale.ROOT).split("x");
            try {
                int h = Integer.parseInt(p[0].strip());
                int w = p.length == 2 ? Integer.parseInt(p[1].strip()) : -1;
                if (p.length == 2 && h > 0 && w > 0 && h * w == d) {
                    return new int[] {h, w};
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new InvalidInputException("--shape: '" + shape + "' is not HxW with H·W = " + d);
        }
        int side = (int) Math.round(Math.sqrt(d));
        return side * side == d ? new int[] {side, side} : new int[] {1, d};
    }
}
