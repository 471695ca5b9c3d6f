package io.github.attractor.cli.repro;

import io.github.attractor.analysis.goe.GoeStabilization;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Proposition 3 of "Associative memory and dead neurons": {@code E‖W⊥‖₂ / E‖W‖₂} against
 * {@code sqrt(1 - k/N)} for GOE matrices, N = 400, k ∈ {50, 100, 200}, 50 draws each (quick: N = 100,
 * 10 draws).
 */
public final class GoeStabilizationRepro implements Reproduction {
    @Override
    public String name() {
        return "goe-stabilization";
    }

    @Override
    public String title() {
        return "Proposition 3: E|W_perp|_2 / E|W|_2 = sqrt(1 - k/N) for GOE weights";
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        int n = ctx.quick() ? 100 : 400;
        int draws = ctx.quick() ? 10 : 50;
        int[] ks = ctx.quick() ? new int[] {12, 25, 50} : new int[] {50, 100, 200};
        List<Row> rows = new ArrayList<>();
        double[] kx = new double[ks.length];
        double[] measured = new double[ks.length];
        double[] predicted = new double[ks.length];
        try (Progress bar = new Progress("goe-stabilization", ks.length, ctx.progress())) {
            for (int i = 0; i < ks.length; i++) {
                GoeStabilization.Result r = GoeStabilization.run(n, ks[i], draws, ctx.seed() + i);
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("N", n);
                params.put("k", ks[i]);
                params.put("draws", draws);
                params.put("mean_norm_W", r.meanNorm());
                params.put("mean_norm_W_perp", r.meanRestrictedNorm());
                rows.add(new Row("k=" + ks[i], "norm_ratio", params, r.predicted(), r.ratio(), r.ratioSd()));
                kx[i] = (double) ks[i] / n;
                measured[i] = r.ratio();
                predicted[i] = r.predicted();
                bar.step();
            }
        }
        XYChart chart = Charts.lines("GOE: E|W_perp| / E|W| vs k/N (N = " + n + ", " + draws + " draws)", "k / N",
                "norm ratio", false);
        double[] fine = new double[51];
        double[] curve = new double[51];
        for (int i = 0; i <= 50; i++) {
            fine[i] = 0.6 * i / 50;
            curve[i] = Math.sqrt(1 - fine[i]);
        }
        Charts.addLine(chart, "sqrt(1 - k/N) (paper)", fine, curve);
        Charts.addPoints(chart, "measured", kx, measured);
        Path png = ctx.outDir().resolve("goe-stabilization.png");
        Charts.save(chart, png);
        double worst = 0;
        for (int i = 0; i < ks.length; i++) {
            worst = Math.max(worst, Math.abs(measured[i] / predicted[i] - 1));
        }
        return new ReproResult(name(), rows, List.of(png), String.format(
                "Largest relative deviation from sqrt(1 - k/N): %.2f%% (finite-N Tracy-Widom corrections make "
                        + "the measured ratio slightly smaller).", 100 * worst));
    }
}
