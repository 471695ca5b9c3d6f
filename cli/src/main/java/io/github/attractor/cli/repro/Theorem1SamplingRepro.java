package io.github.attractor.cli.repro;

import io.github.attractor.analysis.contraction.ModuleSampler;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Appendix 5.4 of Kozachkov et al. (sparse combination networks): the fraction of random sparse modules
 * (scipy.sparse.random, entries U(-s, s), diagonal zeroed) that meet Theorem 1 at g = 1, which the paper tuned to
 * "about 1%" for each setting: 16 units 40%/0.4, 352 units 7.5%/0.077, 32 units 26.5%/0.27, 8 units 60%/0.7,
 * 4 units 100%/1.0. Samples: 10⁵ per setting, 2·10⁴ for 352 units (each Theorem-1 check of a 352×352 module is an
 * elimination of ~1.5·10⁷ flops); quick: 10⁴ and 200.
 */
public final class Theorem1SamplingRepro implements Reproduction {
    static final double[][] SETTINGS = {{16, 0.4, 0.4}, {352, 0.075, 0.077}, {32, 0.265, 0.27}, {8, 0.6, 0.7},
        {4, 1.0, 1.0}};

    @Override
    public String name() {
        return "theorem1-sampling";
    }

    @Override
    public String title() {
        return "Appendix 5.4: acceptance rate of random sparse modules under Theorem 1 (paper: about 1%)";
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        List<Row> rows = new ArrayList<>();
        double[] x = new double[SETTINGS.length];
        double[] rate = new double[SETTINGS.length];
        XYChart chart = Charts.lines("Theorem 1 acceptance of sparse random modules (95% Wilson intervals)",
                "log2(units)", "acceptance rate", false);
        try (Progress bar = new Progress(name(), SETTINGS.length, ctx.progress())) {
            for (int k = 0; k < SETTINGS.length; k++) {
                int units = (int) SETTINGS[k][0];
                double density = SETTINGS[k][1];
                double scale = SETTINGS[k][2];
                int samples = units > 100 ? (ctx.quick() ? 200 : 20_000) : (ctx.quick() ? 10_000 : 100_000);
                long t0 = System.nanoTime();
                ModuleSampler.Acceptance a = new ModuleSampler(units, density, scale).acceptance(samples, 1,
                        ctx.seed() + k);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("units", units);
                p.put("density", density);
                p.put("scale", scale);
                p.put("ci_low", a.ciLow());
                p.put("ci_high", a.ciHigh());
                p.put("samples", samples);
                p.put("accepted", a.accepted());
                p.put("positions_drawn", Math.round(density * units * units));
                p.put("seconds", (System.nanoTime() - t0) / 1e9);
                double sd = Math.sqrt(a.rate() * (1 - a.rate()) / samples);
                rows.add(new Row(units + " units", "acceptance_rate", p, 0.01, a.rate(), sd));
                x[k] = Math.log(units) / Math.log(2);
                rate[k] = a.rate();
                Charts.addLine(chart, units + " units: " + (int) Math.round(100 * density) + "%, s = " + scale,
                        new double[] {x[k], x[k]}, new double[] {a.ciLow(), a.ciHigh()});
                bar.step();
            }
        }
        Charts.addPoints(chart, "measured", x, rate);
        Charts.addLine(chart, "paper (about 1%)", new double[] {1.5, 9}, new double[] {0.01, 0.01});
        Path png = ctx.outDir().resolve(name() + ".png");
        Charts.save(chart, png);
        return new ReproResult(name(), rows, List.of(png), String.format(
                "16 units, 40%%, U(-0.4, 0.4): %.2f%% accept (paper: about 1%%). Exactly round(density n^2) positions "
                        + "are drawn without replacement, as scipy.sparse.random does, then the diagonal is zeroed.",
                100 * rate[0]));
    }
}
