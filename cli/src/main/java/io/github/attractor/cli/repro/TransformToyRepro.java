package io.github.attractor.cli.repro;

import io.github.attractor.cli.plot.LearnedFieldPlot;
import io.github.attractor.cli.plot.PhasePortrait;
import io.github.attractor.learn.dynamics.LearnedDynamics;
import io.github.attractor.learn.elcd.Elcd;
import io.github.attractor.learn.elcd.ElcdFlow;
import io.github.attractor.learn.elcd.ElcdTrainer;
import io.github.attractor.learn.elcd.Rollout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 4.3.4, Figure 4.1, the toy example (4.17): data from {@code ẋ = [[−1, 4], [0, −1]] x}, whose solutions
 * {@code x₁(t) = e^{−t}(x₁(0) + 4t x₂(0))}, {@code x₂(t) = e^{−t}x₂(0)} overshoot: ‖x‖ grows before it decays, so
 * the system is not contracting in the identity metric (the symmetric part of its matrix has eigenvalue +1). ELCD
 * without a transform (symmetric part ≤ −αI, so ‖x(t)‖ decreases monotonically) cannot fit it; ELCD with a learned
 * linear transform z = Wx can. Rows: {@code fit_mse} (mean squared velocity error on the data) for
 * {@code transform = none} and {@code linear}, and {@code overshoot} (max over rollouts of max‖x(t)‖/‖x(0)‖).
 */
public final class TransformToyRepro implements Reproduction {
    @Override
    public String name() {
        return "transform-toy";
    }

    @Override
    public String title() {
        return "Learning stable dynamics, Section 4.3.4 / Figure 4.1: ELCD without vs with a learned linear transform";
    }

    /** Exact states and velocities of (4.17) from starts on the unit circle, n samples with step h. */
    static double[][] data(int starts, int n, double h) {
        double[] x = new double[2 * starts * n];
        double[] v = new double[2 * starts * n];
        int q = 0;
        for (int s = 0; s < starts; s++) {
            double a = Math.cos(2 * Math.PI * s / starts);
            double b = Math.sin(2 * Math.PI * s / starts);
            for (int k = 0; k < n; k++) {
                double t = k * h;
                double e = Math.exp(-t);
                double x1 = e * (a + 4 * t * b);
                double x2 = e * b;
                x[q] = x1;
                x[q + 1] = x2;
                v[q] = -x1 + 4 * x2;
                v[q + 1] = -x2;
                q += 2;
            }
        }
        return new double[][] {x, v};
    }

    static double mse(LearnedDynamics m, double[] x, double[] v) {
        double s = 0;
        double[] out = new double[2];
        for (int i = 0; i < x.length / 2; i++) {
            m.evaluate(new double[] {x[2 * i], x[2 * i + 1]}, out);
            s += (out[0] - v[2 * i]) * (out[0] - v[2 * i]) + (out[1] - v[2 * i + 1]) * (out[1] - v[2 * i + 1]);
        }
        return s / x.length;
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        int starts = 8;
        int n = ctx.quick() ? 40 : 100;
        double h = 0.1;
        int epochs = ctx.quick() ? 40 : 300;
        double[][] d = data(starts, n, h);
        LearnedDynamics none = new Elcd(2, 16, 0.01, new double[2], false, ctx.seed());
        LearnedDynamics linear = ElcdFlow.linear(2, 16, 0.01, new double[2], false, ctx.seed());
        List<Row> rows = new ArrayList<>();
        List<PhasePortrait.Panel> panels = new ArrayList<>();
        for (LearnedDynamics m : List.of(none, linear)) {
            new ElcdTrainer(epochs, 100, 1e-2, ctx.seed()).train(m, d[0], d[1], null);
            String tr = m == none ? "none" : "linear";
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("transform", tr);
            p.put("epochs", epochs);
            double fit = mse(m, d[0], d[1]);
            double over = 0;
            List<double[][]> curves = new ArrayList<>();
            for (int s = 0; s < starts; s++) {
                double[] x0 = {d[0][2 * s * n], d[0][2 * s * n + 1]};
                double[][] roll = Rollout.run(m, x0, h, 1e-5, 1000);
                curves.add(roll);
                double r0 = Math.hypot(x0[0], x0[1]);
                for (double[] y : roll) {
                    over = Math.max(over, Math.hypot(y[0], y[1]) / r0);
                }
            }
            rows.add(Row.of("ELCD, transform " + tr + (m == none ? " (paper: cannot fit)" : " (paper: fits)"), "fit_mse",
                    p, null, fit));
            rows.add(Row.of("ELCD, transform " + tr + ": overshoot max ||x(t)||/||x(0)|| (true system: > 1"
                    + (m == none ? "; impossible without a transform)" : ")"), "overshoot", p, null, over));
            panels.add(new PhasePortrait.Panel("transform " + tr + ", fit mse " + String.format("%.3g", fit),
                    LearnedFieldPlot.field(m), null, -2.5, 2.5, -1.5, 1.5, List.of(new double[2]), false, List.of(),
                    curves));
        }
        Path png = ctx.outDir().resolve("transform-toy.png");
        PhasePortrait.save(png, panels);
        double fn = rows.get(0).measured();
        double fl = rows.get(2).measured();
        String summary = String.format("fit mse without transform %.3g, with linear transform %.3g; overshoot %s", fn, fl,
                rows.get(3).measured() > 1.0 + 1e-3 ? "reproduced by the linear-transform model" : "not reproduced");
        return new ReproResult(name(), rows, List.of(png), summary);
    }
}
