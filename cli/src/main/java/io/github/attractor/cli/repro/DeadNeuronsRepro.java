package io.github.attractor.cli.repro;

import io.github.attractor.analysis.deadneurons.DeadNeuronReport;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.core.linalg.RandomMatrices;
import io.github.attractor.memory.lagrangian.Lagrangian;
import io.github.attractor.memory.lagrangian.LogSumExpLagrangian;
import io.github.attractor.memory.lagrangian.ReluLagrangian;
import io.github.attractor.memory.lagrangian.SoftplusLagrangian;
import io.github.attractor.memory.network.Network;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/**
 * Examples 2, 3 and 4 of "Associative memory and dead neurons" (ReLU, sigmoid, softmax): at a state with
 * dead neurons, the number k of dead directions found and the relative variation of energy (4), E2 and
 * E3 along {@code y + Vc}, {@code c ∈ [0, 10]}. Each example uses a random symmetric invertible W
 * ({@code ‖W‖₂ = 0.9}, n = 6) and a random bias.
 */
public final class DeadNeuronsRepro implements Reproduction {
    static final int N = 6;

    @Override
    public String name() {
        return "dead-neurons";
    }

    @Override
    public String title() {
        return "Examples 2-4: dead neurons and flat directions of energy (4) (ReLU, sigmoid, softmax)";
    }

    /** The three examples: Lagrangian and the state where neurons are dead. */
    static List<Object[]> examples() {
        return List.of(
                new Object[] {"relu", new ReluLagrangian(), new double[] {1.0, -0.5, 0.7, -2.0, 0.3, 1.2}},
                new Object[] {"sigmoid", new SoftplusLagrangian(), new double[] {0.3, 40, -0.2, 45, 1.0, -0.5}},
                new Object[] {"softmax", new LogSumExpLagrangian(1.0), new double[] {0.3, -1.2, 0.8, 2.0, -0.4, 0.1}});
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        List<Row> rows = new ArrayList<>();
        List<Path> images = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        int points = ctx.quick() ? 100 : 1000;
        for (Object[] ex : examples()) {
            String name = (String) ex[0];
            Lagrangian lag = (Lagrangian) ex[1];
            double[] y = (double[]) ex[2];
            DMatrixRMaj w = RandomMatrices.symmetricWithSpectralNorm(N, 0.9, rng);
            double[] b = new double[N];
            for (int i = 0; i < N; i++) {
                b[i] = rng.nextGaussian();
            }
            Network net = new Network(w, b, lag);
            DeadNeuronReport rep = DeadNeuronReport.analyze(net, y, 1e-10, 10, points, ctx.seed());
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("lagrangian", lag.name());
            params.put("n", N);
            params.put("state", y);
            params.put("c_max", 10);
            params.put("confirmation_error", rep.directions().confirmationError());
            rows.add(Row.of(name, "k", params, null, rep.k()));
            rows.add(Row.of(name, "E4_variation", params, 0.0, rep.e4Variation()));
            rows.add(Row.of(name, "E2_variation", params, null, rep.e2Variation()));
            rows.add(Row.of(name, "E3_variation", params, null, rep.e3Variation()));
            XYChart chart = Charts.lines("Example (" + name + "): energies along y + Vc, k = " + rep.k(), "c",
                    "E(c) - E(0), scaled by max|E|", false);
            DeadNeuronReport.Profile p = rep.profile();
            Charts.addLine(chart, "E (4)", p.t(), relative(p.e4()));
            Charts.addLine(chart, "E2", p.t(), relative(p.e2()));
            Charts.addLine(chart, "E3", p.t(), relative(p.e3()));
            Path png = ctx.outDir().resolve("dead-neurons-" + name + ".png");
            Charts.save(chart, png);
            images.add(png);
            summary.append(String.format("%s: k = %d, variation E(4) %.2e, E2 %.3g, E3 %.3g. ", name, rep.k(),
                    rep.e4Variation(), rep.e2Variation(), rep.e3Variation()));
        }
        return new ReproResult(name(), rows, images, summary.toString().trim());
    }

    private static double[] relative(double[] e) {
        double scale = 0;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = scale == 0 ? 0 : (e[i] - e[0]) / scale;
        }
        return out;
    }
}
