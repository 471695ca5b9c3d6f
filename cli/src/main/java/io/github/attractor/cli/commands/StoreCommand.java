package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.cli.io.Json;
import io.github.attractor.cli.io.Patterns;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npy;
import io.github.attractor.memory.store.MemoryStore;
import io.github.attractor.memory.store.Similarity;
import io.github.attractor.memory.store.TopK;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attractor memory store}: reads patterns, checks them, reports how well separated they are as memories,
 * and writes them as one {@code .npy} (N×d) that {@code memory retrieve --memories} reads back. Separation is
 * Ramsauer et al.'s {@code Δ_i = ξ_iᵀξ_i − max_{j≠i} ξ_iᵀξ_j} (one-step retrieval by (3.1) needs
 * {@code Δ_i ≳ (2/β) log(2(N−1)Nβ M²)}), and the similarity margin to the nearest other memory.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Read patterns (npy/csv/IDX), check them, report their separation as memories, and write them "
                + "as one .npy for 'memory retrieve'. JSON summary on stdout.",
        footer = {"", "Examples:",
                "  attractor memory store --patterns ../shared/data/mnist/t10k-images-idx3-ubyte.gz --limit 1000 \\",
                "      --out mnist1000.npy",
                "  attractor memory store --patterns ../shared/data/mnist/t10k-images-idx3-ubyte.gz --out mnist.npy \\",
                "      --dtype float32",
                "  attractor memory store --patterns spins.csv --similarity dot"})
public final class StoreCommand implements Callable<Integer> {
    @Option(names = "--patterns", required = true, paramLabel = "FILE", description = "Patterns, one per row.")
    Path patterns;

    @Option(names = "--limit", defaultValue = "0", description = "Keep only the first N patterns (default: all).")
    int limit;

    @Option(names = "--similarity", defaultValue = "manhattan",
            description = "Similarity for the nearest-other margin: dot, euclidean, manhattan, cosine (default: ${DEFAULT-VALUE}).")
    String similarity;

    @Option(names = "--out", paramLabel = "FILE.npy", description = "Write the stored patterns (N×d).")
    Path out;

    @Option(names = "--dtype", defaultValue = "float64", paramLabel = "float64|float32",
            description = "Element type of --out: float64, or float32 (half the size, for large stores; "
                    + "retrieve with --precision float32) (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Override
    public Integer call() {
        if (out != null && !out.getFileName().toString().endsWith(".npy")) {
            throw new InvalidInputException("--out: " + out + " must end in .npy");
        }
        boolean float32 = switch (dtype.toLowerCase(java.util.Locale.ROOT)) {
            case "float64", "double" -> false;
            case "float32", "float" -> true;
            default -> throw new UnknownNameException("--dtype: unknown element type '" + dtype
                    + "'; known: float64, float32");
        };
        DMatrixRMaj m = Patterns.read("--patterns", patterns, limit);
        int n = m.numRows;
        int d = m.numCols;
        Similarity sim = Similarity.parse(similarity);
        MemoryStore store = MemoryStore.of(m);
        ObjectNode root = Json.object();
        root.put("patterns", n);
        root.put("dimension", d);
        double lo = Arrays.stream(m.data).min().orElse(0);
        double hi = Arrays.stream(m.data).max().orElse(0);
        root.put("min_value", lo);
        root.put("max_value", hi);
        root.put("binary_pm1", Arrays.stream(m.data).allMatch(v -> v == 1 || v == -1));
        if (n >= 2) {
            TopK dot = store.topK(Similarity.DOT, m.data, n, 2);
            TopK near = store.topK(sim, m.data, n, 2);
            double[] delta = new double[n];
            double[] margin = new double[n];
            int duplicates = 0;
            for (int i = 0; i < n; i++) {
                double self = store.squaredNorm(i);
                int other = dot.index(i, 0) == i ? 1 : 0;
                delta[i] = self - dot.score(i, other);
                int o = near.index(i, 0) == i ? 1 : 0;
                double selfSim = sim.of(store.pattern(i), store.pattern(i));
                margin[i] = selfSim - near.score(i, o);
                if (margin[i] == 0) {
                    duplicates++;
                }
            }
            Arrays.sort(delta);
            Arrays.sort(margin);
            ObjectNode sep = root.putObject("separation");
            sep.put("delta_min", Json.num(delta[0]));
            sep.put("delta_median", Json.num(delta[n / 2]));
            sep.put("nearest_other_margin_min", Json.num(margin[0]));
            sep.put("nearest_other_margin_median", Json.num(margin[n / 2]));
            sep.put("similarity", sim.key());
            sep.put("duplicates", duplicates);
        }
        if (out != null) {
            if (float32) {
                Npy.writeFloat32(out, NdArray.of(m));
            } else {
                Npy.write(out, NdArray.of(m));
            }
            root.put("written", out.toString());
            root.put("dtype", float32 ? "float32" : "float64");
        }
        System.out.println(Json.write(root));
        return 0;
    }
}
