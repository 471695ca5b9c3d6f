package io.github.attractor.cli.repro;

import io.github.attractor.analysis.contraction.AbsoluteValueRestricted;
import io.github.attractor.analysis.contraction.Certificate;
import io.github.attractor.analysis.contraction.Combination;
import io.github.attractor.analysis.contraction.ModuleSampler;
import io.github.attractor.analysis.contraction.SimulatedContraction;
import io.github.attractor.analysis.contraction.SlopeBox;
import io.github.attractor.analysis.rnn.Nonlinearity;
import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.core.ode.IntegrationSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/**
 * The sparse combination network of Section 3 / Figure 2 of Kozachkov et al.: 22 Theorem-1 modules of 16 units
 * (Appendix 5.4 sampling: 40% density, U(-0.4, 0.4), diagonal zeroed), each with its diagonal Perron metric,
 * combined by random feedback {@code L = B - M⁻¹BᵀM} (B: 10% of the off-diagonal-block entries, U(-0.5, 0.5)),
 * which is antisymmetric in {@code M = blockdiag(M_i)}. Rows: the assembly's certificate margin (its rate, the
 * slowest module rate less the numerical skewness residual), the largest {@code μ_M(-I + WD + L)} at 64 vertices of
 * the slope box, and the violations of {@code ‖x₁(t) - x₂(t)‖_M ≤ e^{-ct}‖x₁(0) - x₂(0)‖_M} over 8 simulated
 * pairs (4 tanh, 4 ReLU; random sinusoidal inputs; starts in [-3, 3]ⁿ; T = 10). Quick: 6 modules, 2 pairs.
 */
public final class CombinationRepro implements Reproduction {
    @Override
    public String name() {
        return "combination";
    }

    @Override
    public String title() {
        return "Networks of networks: 22 Theorem-1 modules of 16 units with feedback L = B - M^-1 B'M (0 violations)";
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        int count = ctx.quick() ? 6 : 22;
        int pairs = ctx.quick() ? 2 : 8;
        int vertices = ctx.quick() ? 16 : 64;
        List<DMatrixRMaj> modules = new ModuleSampler(16, 0.4, 0.4).accepted(count, 1, ctx.seed(), 10_000_000);
        List<Certificate> certs = modules.stream().map(m -> AbsoluteValueRestricted.check(m, 1)).toList();
        Combination.Assembly a = Combination.assemble(modules, certs, 1, 0.1, 0.5, vertices, ctx.seed() + 1);
        Certificate c = a.certificate();
        int n = a.weights().numRows;
        double minRate = certs.stream().mapToDouble(Certificate::rate).min().orElse(Double.NaN);
        double worstVertex = SlopeBox.worstMeasure(a.weights(), 1, a.metric(), a.coupling(), ctx.seed() + 2, vertices);
        double couplingNorm = io.github.attractor.core.linalg.Norms.spectral(a.coupling());

        IntegrationSettings settings = IntegrationSettings.defaults().withTolerances(1e-9, 1e-9);
        double rate = c.holds() ? c.rate() : 0;
        double tEnd = 10;
        SplittableRandom root = new SplittableRandom(ctx.seed() + 3);
        SplittableRandom[] rngs = new SplittableRandom[pairs];
        for (int k = 0; k < pairs; k++) {
            rngs[k] = root.split();
        }
        List<SimulatedContraction.Result> results;
        try (Progress bar = new Progress(name(), pairs, ctx.progress())) {
            results = IntStream.range(0, pairs).parallel().mapToObj(k -> {
                SimulatedContraction.Result r = SimulatedContraction.randomPair(a, k % 2 == 0 ? Nonlinearity.TANH.unit()
                        : Nonlinearity.RELU.unit(), rate, tEnd, rngs[k], settings);
                bar.step();
                return r;
            }).toList();
        }
        int violations = results.stream().mapToInt(r -> r.violations() > 0 ? 1 : 0).sum();
        double worstRatio = results.stream().mapToDouble(SimulatedContraction.Result::worstRatio).max().orElse(Double.NaN);

        List<Row> rows = new ArrayList<>();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("modules", count);
        p.put("units_per_module", 16);
        p.put("units", n);
        p.put("module_density", 0.4);
        p.put("module_scale", 0.4);
        p.put("coupling_density", 0.1);
        p.put("coupling_scale", 0.5);
        p.put("coupling_norm", couplingNorm);
        p.put("slowest_module_rate", minRate);
        p.put("holds", c.holds());
        p.put("reason", c.reason());
        rows.add(new Row("assembly", "certificate_margin", p, null, c.margin(), null));
        Map<String, Object> pv = new LinkedHashMap<>();
        pv.put("vertices", vertices);
        pv.put("claimed_rate", rate);
        rows.add(new Row("assembly", "max_vertex_measure", pv, null, worstVertex, null));
        Map<String, Object> ps = new LinkedHashMap<>();
        ps.put("pairs", pairs);
        ps.put("nonlinearities", "tanh, relu alternately");
        ps.put("t_end", tEnd);
        ps.put("rate", rate);
        ps.put("max_distance_over_bound", worstRatio);
        ps.put("steps_checked", results.stream().mapToInt(r -> r.times().length).sum());
        rows.add(new Row("simulation", "violations", ps, 0.0, violations, null));

        XYChart chart = Charts.lines(count + " modules x 16 units with feedback L = B - M^-1 B'M: distance in M",
                "t", "|x1 - x2|_M", true);
        for (int k = 0; k < results.size(); k++) {
            SimulatedContraction.Result r = results.get(k);
            Charts.addLine(chart, "pair " + k + (k % 2 == 0 ? " (tanh)" : " (ReLU)"), r.times(), r.distances());
            if (k == 0) {
                Charts.addLine(chart, "certified bound (pair 0)", r.times(), r.bound());
            }
        }
        Path png = ctx.outDir().resolve(name() + ".png");
        Charts.save(chart, png);
        return new ReproResult(name(), rows, List.of(png), String.format("%d modules, %d units: certificate %s with "
                + "margin %.4g (slowest module rate %.4g); max mu_M(-I + WD + L) over %d vertices %.4g; %d of %d "
                + "simulated pairs violate the bound.", count, n, c.holds() ? "holds" : "fails", c.margin(), minRate,
                vertices, worstVertex, violations, pairs));
    }
}
