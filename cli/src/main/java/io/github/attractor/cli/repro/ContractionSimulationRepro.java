package io.github.attractor.cli.repro;

import io.github.attractor.analysis.contraction.Certificate;
import io.github.attractor.analysis.contraction.RandomWeights;
import io.github.attractor.analysis.contraction.SimulatedContraction;
import io.github.attractor.analysis.contraction.Theorems;
import io.github.attractor.analysis.rnn.Input;
import io.github.attractor.analysis.rnn.MembraneRnn;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.core.ode.IntegrationSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.knowm.xchart.XYChart;

/**
 * Certificates against simulation (Theorems 1–5 of Kozachkov et al.): for each theorem, random networks of its
 * structured family ({@link RandomWeights}; sizes 2–64; tanh with gain a ∈ {0.5, 1, 2} and ReLU alternately),
 * certified by the theorem's own check, driven by the same random sinusoidal input u(t) from two random starts
 * in [-5, 5]ⁿ, integrated together (Dormand–Prince, tolerances 1e-10) over [0, clamp(3/c, 1, 10)]. A network
 * violates its certificate when at some step {@code ‖x₁ - x₂‖_M > e^{-ct}‖x₁(0) - x₂(0)‖_M (1 + 1e-6) + 1e-9}.
 * A control row runs the same test on uncertified networks (tanh, Gaussian W with gain 3, n = 16–64: the chaotic
 * regime; identity metric, claimed rate 0.1), where violations must show up. 500 networks per theorem; quick: 24.
 */
public final class ContractionSimulationRepro implements Reproduction {
    static final int[] SIZES = {2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64};
    static final double[] GAINS = {0.5, 1, 2};

    @Override
    public String name() {
        return "contraction-simulation";
    }

    @Override
    public String title() {
        return "Theorems 1-5: certified networks simulated from two starts under the same input (0 violations)";
    }

    /** One simulated network. */
    record Outcome(boolean certified, int n, boolean relu, double rate, int violations, double worstRatio,
            double[] times, double[] ratio) {
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        int networks = ctx.quick() ? 24 : 500;
        List<Row> rows = new ArrayList<>();
        IntegrationSettings settings = IntegrationSettings.defaults().withTolerances(1e-10, 1e-10);
        XYChart chart = Charts.lines("Two trajectories under the same input: distance in the certified metric",
                "c t (certified rate x time)", "|x1 - x2|_M / |x1(0) - x2(0)|_M", true);
        double[] xs = new double[61];
        double[] bound = new double[61];
        for (int i = 0; i <= 60; i++) {
            xs[i] = 10.0 * i / 60;
            bound[i] = Math.exp(-xs[i]);
        }
        Charts.addLine(chart, "certified bound exp(-ct)", xs, bound);
        try (Progress bar = new Progress(name(), 6L * networks, ctx.progress())) {
            for (int theorem = 1; theorem <= 6; theorem++) {
                boolean control = theorem == 6;
                int t = theorem;
                SplittableRandom root = new SplittableRandom(ctx.seed() * 31 + theorem);
                SplittableRandom[] rngs = new SplittableRandom[networks];
                for (int k = 0; k < networks; k++) {
                    rngs[k] = root.split();
                }
                List<Outcome> out = IntStream.range(0, networks).parallel().mapToObj(k -> {
                    Outcome o = control ? control(k, rngs[k], settings) : simulate(t, k, rngs[k], settings);
                    bar.step();
                    return o;
                }).toList();
                List<Outcome> done = out.stream().filter(Outcome::certified).toList();
                int violating = (int) done.stream().filter(o -> o.violations() > 0).count();
                double worst = done.stream().mapToDouble(Outcome::worstRatio).filter(Double::isFinite).max()
                        .orElse(Double.NaN);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("theorem", control ? "none (control)" : theorem);
                p.put("networks", done.size());
                p.put("drawn", networks);
                p.put("certified", control ? 0 : done.size());
                p.put("relu", done.stream().filter(Outcome::relu).count());
                p.put("tanh", done.stream().filter(o -> !o.relu()).count());
                p.put("sizes", control ? "16-64" : "2-64");
                p.put("max_distance_over_bound", Double.isFinite(worst) ? worst : null);
                double[] rates = done.stream().mapToDouble(Outcome::rate).sorted().toArray();
                p.put("median_rate", rates.length == 0 ? null : rates[rates.length / 2]);
                p.put("steps_checked", done.stream().mapToInt(o -> o.times().length).sum());
                if (control) {
                    rows.add(new Row("control (uncertified)", "networks_violating", p, null, violating, null));
                } else {
                    rows.add(new Row("theorem " + theorem, "violations", p, 0.0, violating, null));
                    Outcome show = done.stream().filter(o -> o.n() >= 8).findFirst().orElse(done.isEmpty() ? null
                            : done.get(0));
                    if (show != null) {
                        double[] ct = new double[show.times().length];
                        for (int i = 0; i < ct.length; i++) {
                            ct[i] = show.rate() * show.times()[i];
                        }
                        Charts.addLine(chart, "Theorem " + theorem + " (n = " + show.n() + (show.relu() ? ", ReLU)" : ", tanh)"),
                                ct, show.ratio());
                    }
                }
            }
        }
        Path png = ctx.outDir().resolve(name() + ".png");
        Charts.save(chart, png);
        long total = rows.stream().filter(r -> r.metric().equals("violations")).mapToLong(r -> (long) r.measured()).sum();
        return new ReproResult(name(), rows, List.of(png), String.format("%d violations over %d certified networks "
                + "(Theorems 1-5); the uncertified control violates its claimed bound in %d of %d networks.", total,
                rows.stream().filter(r -> r.metric().equals("violations")).mapToInt(r -> (int) r.params().get("networks")).sum(),
                (long) rows.get(rows.size() - 1).measured(), networks));
    }

    private static Outcome simulate(int theorem, int k, SplittableRandom rng, IntegrationSettings settings) {
        int n = SIZES[rng.nextInt(SIZES.length)];
        boolean relu = k % 2 == 1;
        Nonlinearity.Scaled phi = relu ? Nonlinearity.RELU.unit()
                : new Nonlinearity.Scaled(Nonlinearity.TANH, GAINS[rng.nextInt(GAINS.length)]);
        double g = phi.slopeBound();
        DMatrixRMaj w = RandomWeights.draw(theorem, n, g, rng);
        Certificate c = Theorems.check(w, g, String.valueOf(theorem));
        if (!c.holds()) {
            return new Outcome(false, n, relu, Double.NaN, 0, Double.NaN, new double[0], new double[0]);
        }
        return run(w, phi, c.metric(), c.rate(), n, relu, rng, settings);
    }

    /** Uncertified: tanh networks with Gaussian W of gain 3 (the chaotic regime for n ≥ 16), claimed rate 0.1. */
    private static Outcome control(int k, SplittableRandom rng, IntegrationSettings settings) {
        int n = 16 + rng.nextInt(49);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            w.data[i] = 3 / Math.sqrt(n) * gauss(rng);
        }
        return run(w, Nonlinearity.TANH.unit(), CommonOps_DDRM.identity(n), 0.1, n, false, rng, settings);
    }

    static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log1p(-rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static Outcome run(DMatrixRMaj w, Nonlinearity.Scaled phi, DMatrixRMaj metric, double rate, int n,
            boolean relu, SplittableRandom rng, IntegrationSettings settings) {
        double[] bias = new double[n];
        double[] amp = new double[n];
        double[] freq = new double[n];
        double[] phase = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            bias[i] = 2 * rng.nextDouble() - 1;
            amp[i] = 2 * (2 * rng.nextDouble() - 1);
            freq[i] = 0.2 + 3 * rng.nextDouble();
            phase[i] = 2 * Math.PI * rng.nextDouble();
            x1[i] = 5 * (2 * rng.nextDouble() - 1);
            x2[i] = 5 * (2 * rng.nextDouble() - 1);
        }
        Input u = (t, o) -> {
            for (int i = 0; i < n; i++) {
                o[i] = bias[i] + amp[i] * Math.sin(freq[i] * t + phase[i]);
            }
        };
        MembraneRnn rnn = new MembraneRnn(w, phi, 1, u);
        double tEnd = Math.min(10, Math.max(1, 3 / rate));
        SimulatedContraction.Result r = SimulatedContraction.check(rnn, metric, rate, x1, x2, tEnd, settings, 1e-6, 1e-9);
        double[] ratio = Arrays.stream(r.distances()).map(d -> d / r.distances()[0]).toArray();
        return new Outcome(true, n, relu, rate, r.violations(), r.worstRatio(), r.times(), ratio);
    }
}
