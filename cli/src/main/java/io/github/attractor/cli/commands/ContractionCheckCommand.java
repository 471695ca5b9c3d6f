package io.github.attractor.cli.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.attractor.analysis.contraction.Certificate;
import io.github.attractor.analysis.contraction.SlopeBox;
import io.github.attractor.analysis.contraction.Theorems;
import io.github.attractor.cli.io.Inputs;
import io.github.attractor.cli.io.Json;
import io.github.attractor.core.error.InvalidInputException;
import io.github.attractor.core.error.Require;
import io.github.attractor.core.error.UnknownNameException;
import io.github.attractor.data.array.NdArray;
import io.github.attractor.data.npy.Npy;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code attractor contraction check}. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Certify contraction of tau dx/dt = -x + W phi(x) + u for every phi with 0 <= phi' <= g: "
                + "Theorem 1 (|W|, diagonal metric from Perron vectors), 2 (symmetric, gW < I), 3 (W = -P1 Q P2), "
                + "4 (triangular), 5 (diagonal P with g^2 W'PW - P < 0, searched). 'auto' tries 2, 4, 3, 1, 5 and "
                + "stops at the first that holds. Prints JSON: every certificate tried (holds, rate, margin, reason, "
                + "metric) and, for the one that holds, the largest mu_M(-I + WD) over the vertices of the slope box "
                + "as an independent numerical check (all 2^n vertices up to n = 12, sampled up to n = 64).",
        footer = {"", "Examples:", "  attractor contraction check --weights W.npy",
                "  attractor contraction check --weights '0,0.5;-0.4,0' --gain 2 --theorem 1",
                "  attractor contraction check --weights W.npy --theorem 5 --metric-out P.npy"})
public final class ContractionCheckCommand implements Callable<Integer> {
    @Option(names = {"--weights", "-W"}, required = true, paramLabel = "FILE|MATRIX",
            description = "Recurrent weights W (n x n): .npy, .csv, or rows like '0,1;-1,0'.")
    String weights;

    @Option(names = "--gain", defaultValue = "1", paramLabel = "G",
            description = "Slope bound g of phi (tanh(a x): g = a; softplus, ReLU: 1; default: ${DEFAULT-VALUE}).")
    double gain;

    @Option(names = "--theorem", defaultValue = "auto", paramLabel = "auto|1..5",
            description = "Which theorem to check (default: ${DEFAULT-VALUE}).")
    String theorem;

    @Option(names = "--metric-out", paramLabel = "FILE.npy", description = "Write the metric of the certificate that holds.")
    Path metricOut;

    @Override
    public Integer call() {
        DMatrixRMaj w = Inputs.matrix("--weights", weights);
        Require.square("--weights", w);
        if (w.numRows == 0) {
            throw new InvalidInputException("--weights: empty matrix");
        }
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new InvalidInputException("--gain: must be finite and > 0, got " + gain);
        }
        String t = theorem.strip().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "1", "2", "3", "4", "5").contains(t)) {
            throw new UnknownNameException("--theorem: unknown theorem '" + theorem + "' (known: auto, 1, 2, 3, 4, 5)");
        }
        List<Certificate> tried = t.equals("auto") ? Theorems.auto(w, gain) : List.of(Theorems.check(w, gain, t));
        Certificate last = tried.get(tried.size() - 1);
        ObjectNode root = Json.object();
        root.put("units", w.numRows);
        root.put("gain", gain);
        root.put("theorem", t);
        root.put("holds", last.holds());
        if (last.holds()) {
            root.put("certified_by", last.theorem());
            root.put("rate", last.rate());
        } else {
            root.putNull("certified_by");
        }
        ArrayNode list = root.putArray("certificates");
        for (Certificate c : tried) {
            list.add(ContractionCommand.json(c));
        }
        if (last.holds() && w.numRows <= 64) {
            double worst = SlopeBox.worstMeasure(w, gain, last.metric(), null, 1);
            ObjectNode box = root.putObject("slope_box_check");
            box.put("vertices", SlopeBox.exact(w.numRows) ? "all" : "sampled");
            box.put("count", SlopeBox.exact(w.numRows) ? (1L << w.numRows) : SlopeBox.SAMPLED_VERTICES);
            box.put("max_measure", worst);
            box.put("consistent", worst <= -last.rate() + 1e-9);
        }
        if (metricOut != null) {
            if (!last.holds()) {
                throw new io.github.attractor.core.error.ComputationException(
                        "no certificate holds, so there is no metric to write to " + metricOut + ": " + last.reason());
            }
            Npy.write(metricOut, NdArray.of(last.metric()));
            root.put("metric_written", metricOut.toString());
        }
        System.out.println(Json.write(root));
        return 0;
    }
}
