package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.contraction.Certificate;
import io.github.attractor.analysis.contraction.Combination;
import io.github.attractor.analysis.contraction.ModuleSampler;
import io.github.attractor.analysis.contraction.SimulatedContraction;
import io.github.attractor.analysis.contraction.Theorems;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.cli.io.Inputs;
import io.github.attractor.cli.io.Json;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.ode.IntegrationSettings;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attractor contraction combine}. */
@Command(name = "combine", mixinStandardHelpOptions = true,
        description = "Assemble certified modules into a network of networks (Appendix 5.2): W = blockdiag(W_i), "
                + "M = blockdiag(M_i) from each module's certificate (theorems tried as in 'check --theorem auto'), "
                + "and a random feedback coupling L = B - M^-1 B'M between the modules, antisymmetric in M, so "
                + "tau dx/dt = -x + W phi(x) + L x + u contracts at the slowest module's rate. The assembly's own "
                + "certificate is checked numerically (residual of ML + L'M = 0, mu_M(-I + WD + L) at vertices of "
                + "the slope box); --simulate also compares two trajectories with the certified bound.",
        footer = {"", "Examples:", "  attractor contraction combine --sample 22 --units 16 --density 0.4 --scale 0.4",
                "  attractor contraction combine --modules modules.npy --out W.npy --coupling-out L.npy --metric-out M.npy",
                "  attractor contraction combine --modules A.npy B.npy --coupling-scale 2 --simulate"})
public final class CombineCommand implements Callable<Integer> {
    @Option(names = "--modules", arity = "1..*", paramLabel = "FILE",
            description = "Module weights: .npy (n x n, or a K x n x n stack) or .csv files.")
    List<String> moduleFiles;

    @Option(names = "--sample", paramLabel = "K", description = "Instead of --modules: sample K Theorem-1 modules.")
    Integer sample;

    @Option(names = "--units", defaultValue = "16", description = "Units per sampled module (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--density", defaultValue = "0.4", description = "Density of sampled modules (default: ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--scale", defaultValue = "0.4", description = "Entry scale of sampled modules (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--gain", defaultValue = "1", description = "Slope bound g (default: ${DEFAULT-VALUE}).")
    double gain;

    @Option(names = "--coupling-density", defaultValue = "0.1",
            description = "Density of B on the off-diagonal blocks (default: ${DEFAULT-VALUE}).")
    double couplingDensity;

    @Option(names = "--coupling-scale", defaultValue = "0.5",
            description = "Entries of B are U(-s, s) (default: ${DEFAULT-VALUE}).")
    double couplingScale;

    @Option(names = "--vertices", defaultValue = "32",
            description = "Slope-box vertices checked above 12 units (default: ${DEFAULT-VALUE}).")
    int vertices;

    @Option(names = "--simulate", description = "Simulate two trajectories (tanh, random sinusoidal input) against the bound.")
    boolean simulate;

    @Option(names = "--seed", defaultValue = "2024", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "W.npy", description = "Write the block-diagonal W.")
    Path out;

    @Option(names = "--coupling-out", paramLabel = "L.npy", description = "Write the coupling L.")
    Path couplingOut;

    @Option(names = "--metric-out", paramLabel = "M.npy", description = "Write the metric M.")
    Path metricOut;

    @Override
    public Integer call() {
        if ((moduleFiles == null) == (sample == null)) {
            throw new InvalidInputException("give either --modules FILE... or --sample K");
        }
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new InvalidInputException("--gain: must be finite and > 0, got " + gain);
        }
        if (vertices < 2) {
            throw new InvalidInputException("--vertices: must be at least 2, got " + vertices);
        }
        List<DMatrixRMaj> modules = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (sample != null) {
            if (sample < 1) {
                throw new InvalidInputException("--sample: must be at least 1, got " + sample);
            }
            modules.addAll(new ModuleSampler(units, density, scale).accepted(sample, gain, seed, 10_000_000));
            for (int k = 0; k < sample; k++) {
                names.add("sampled[" + k + "]");
            }
        } else {
            for (String f : moduleFiles) {
                read(f, modules, names);
            }
        }
        List<Certificate> certs = new ArrayList<>();
        for (int k = 0; k < modules.size(); k++) {
            List<Certificate> tried = Theorems.auto(modules.get(k), gain);
            Certificate c = tried.get(tried.size() - 1);
            if (!c.holds()) {
                throw new InvalidInputException("--modules: " + names.get(k) + " is not certified by Theorems 1-5 ("
                        + c.reason() + ")");
            }
            certs.add(c);
        }
        Combination.Assembly a = Combination.assemble(modules, certs, gain, couplingDensity, couplingScale, vertices,
                seed);
        ObjectNode root = Json.object();
        root.put("modules", modules.size());
        root.put("units", a.weights().numRows);
        root.put("gain", gain);
        root.put("seed", seed);
        ArrayNode mods = root.putArray("module_certificates");
        for (int k = 0; k < modules.size(); k++) {
            ObjectNode m = mods.addObject();
            m.put("module", names.get(k));
            m.put("units", modules.get(k).numRows);
            m.put("theorem", certs.get(k).theorem());
            m.put("rate", certs.get(k).rate());
        }
        ObjectNode cert = ContractionCommand.json(a.certificate());
        cert.remove("metric");
        cert.remove("metric_diagonal");
        root.set("certificate", cert);
        if (simulate) {
            root.set("simulation", simulate(a));
        }
        write(out, a.weights(), root, "weights_written");
        write(couplingOut, a.coupling(), root, "coupling_written");
        write(metricOut, a.metric(), root, "metric_written");
        System.out.println(Json.write(root));
        return 0;
    }

    private ObjectNode simulate(Combination.Assembly a) {
        double rate = a.certificate().holds() ? a.certificate().rate() : 0;
        double tEnd = Math.min(10, Math.max(1, 3 / Math.max(rate, 1e-3)));
        SimulatedContraction.Result r = SimulatedContraction.randomPair(a, new Nonlinearity.Scaled(Nonlinearity.TANH, gain),
                rate, tEnd, new SplittableRandom(seed + 17), IntegrationSettings.defaults().withTolerances(1e-10, 1e-10));
        ObjectNode o = Json.object();
        o.put("nonlinearity", "tanh:a=" + gain);
        o.put("t_end", tEnd);
        o.put("steps", r.times().length);
        o.put("initial_distance", r.distances()[0]);
        o.put("final_distance", r.distances()[r.distances().length - 1]);
        o.put("final_bound", r.bound()[r.bound().length - 1]);
        o.put("violations", r.violations());
        return o;
    }

    private static void read(String file, List<DMatrixRMaj> modules, List<String> names) {
        Path p = Path.of(file);
        String base = p.getFileName().toString();
        if (file.toLowerCase(Locale.ROOT).endsWith(".npy")) {
            NdArray arr = Npy.read(p).requireFinite(base);
            if (arr.rank() == 2) {
                modules.add(Require.square(base, arr.toMatrix(base)));
                names.add(base);
            } else if (arr.rank() == 3) {
                int k = arr.dim(0);
                int r = arr.dim(1);
                int c = arr.dim(2);
                if (r != c) {
                    throw new InvalidInputException(base + ": modules must be square, got a stack of " + r + "x" + c);
                }
                for (int m = 0; m < k; m++) {
                    double[] d = new double[r * c];
                    System.arraycopy(arr.data(), m * r * c, d, 0, r * c);
                    modules.add(DMatrixRMaj.wrap(r, c, d));
                    names.add(base + "[" + m + "]");
                }
            } else {
                throw new InvalidInputException(base + ": expected an n x n matrix or a K x n x n stack, got shape "
                        + NdArray.shapeString(arr.shape()));
            }
        } else {
            modules.add(Require.square(base, Inputs.matrix("--modules", file)));
            names.add(base);
        }
    }

    private static void write(Path file, DMatrixRMaj m, ObjectNode root, String key) {
        if (file != null) {
            Npy.write(file, NdArray.of(m));
            root.put(key, file.toString());
        }
    }
}
