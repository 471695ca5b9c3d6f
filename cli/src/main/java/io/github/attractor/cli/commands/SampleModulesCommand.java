package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.contraction.ModuleSampler;
import io.github.attractor.cli.io.Json;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attractor contraction sample-modules}. */
@Command(name = "sample-modules", mixinStandardHelpOptions = true,
        description = "Sample sparse modules as Appendix 5.4 does (scipy.sparse.random, then the diagonal zeroed): "
                + "exactly round(density n^2) non-zero positions drawn without replacement, entries U(-scale, scale). "
                + "Prints the fraction that passes Theorem 1 (g|W| - I Hurwitz) with a 95% Wilson interval; "
                + "--keep K --out FILE.npy writes K accepted modules as a K x n x n stack.",
        footer = {"", "Examples:", "  attractor contraction sample-modules                  # 16 units, 40%, 0.4, 100000 samples",
                "  attractor contraction sample-modules --units 32 --density 0.265 --scale 0.27 --samples 20000",
                "  attractor contraction sample-modules --keep 22 --out modules.npy --seed 7"})
public final class SampleModulesCommand implements Callable<Integer> {
    @Option(names = "--units", defaultValue = "16", description = "Units n per module (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--density", defaultValue = "0.4", description = "Fraction of non-zero positions (default: ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--scale", defaultValue = "0.4", description = "Entries U(-scale, scale) (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--samples", defaultValue = "100000", description = "Modules drawn (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--gain", defaultValue = "1", description = "Slope bound g (default: ${DEFAULT-VALUE}).")
    double gain;

    @Option(names = "--seed", defaultValue = "2024", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", defaultValue = "0", paramLabel = "K", description = "Accepted modules to write with --out.")
    int keep;

    @Option(names = "--max-draws", defaultValue = "10000000", description = "Draw budget for --keep (default: ${DEFAULT-VALUE}).")
    int maxDraws;

    @Option(names = "--out", paramLabel = "FILE.npy", description = "Where --keep writes the K x n x n stack.")
    Path out;

    @Override
    public Integer call() {
        if (units < 1 || units > 4096) {
            throw new InvalidInputException("--units: must be in [1, 4096], got " + units);
        }
        if (!(density >= 0 && density <= 1)) {
            throw new InvalidInputException("--density: must be in [0, 1], got " + density);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new InvalidInputException("--scale: must be finite and > 0, got " + scale);
        }
        if (samples < 1) {
            throw new InvalidInputException("--samples: must be at least 1, got " + samples);
        }
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new InvalidInputException("--gain: must be finite and > 0, got " + gain);
        }
        if (keep < 0 || (keep > 0) != (out != null)) {
            throw new InvalidInputException("--keep K and --out FILE.npy go together (K >= 1)");
        }
        ModuleSampler sampler = new ModuleSampler(units, density, scale);
        ModuleSampler.Acceptance a = sampler.acceptance(samples, gain, seed);
        ObjectNode root = Json.object();
        root.put("units", units);
        root.put("density", density);
        root.put("scale", scale);
        root.put("positions_drawn", Math.round(density * units * units));
        root.put("gain", gain);
        root.put("seed", seed);
        root.put("samples", a.samples());
        root.put("accepted", a.accepted());
        root.put("acceptance_rate", a.rate());
        root.put("ci_low", a.ciLow());
        root.put("ci_high", a.ciHigh());
        if (keep > 0) {
            List<DMatrixRMaj> modules = sampler.accepted(keep, gain, seed + 1, maxDraws);
            double[] data = new double[keep * units * units];
            for (int k = 0; k < keep; k++) {
                System.arraycopy(modules.get(k).data, 0, data, k * units * units, units * units);
            }
            Npy.write(out, new NdArray(new int[] {keep, units, units}, data));
            root.put("written", out.toString());
            root.put("modules_written", keep);
        }
        System.out.println(Json.write(root));
        return 0;
    }
}
