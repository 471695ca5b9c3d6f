package io.github.attractor.cli.repro;

import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.memory.ksoftmax.KSoftmaxLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Section 3.5 of "Retrieving k-nearest memories with modern Hopfield networks": on random inputs whose
 * sorted entries are at least 0.05 apart (n = 20, k = 5; 200 inputs, quick: 50), at β ∈ {1, 10, 100, 1000},
 * <ul>
 *   <li>{@code max_constraint_error}: {@code max |Σ ssm(βx; j) - j| / j} over j ≤ k — (3.11) holds exactly
 *       in the paper (0);</li>
 *   <li>{@code min_ksoftmax}: the smallest entry of {@code ksoftmax(βx)} — non-negative by Proposition 3.5.2
 *       (paper: ≥ 0);</li>
 *   <li>{@code topk_distance}: {@code max |ssm(βx; j) - topj(x)|} — tends to 0 as β → ∞ (Proposition 3.5.1);</li>
 *   <li>{@code indicator_distance}: {@code max |ksoftmax_j(βx) - e_[j]|}, e_[j] the indicator of the j-th
 *       largest entry — the column-wise limit behind (3.3)/(3.4).</li>
 * </ul>
 * Acceptance: constraint error ≤ 1e-10, min ≥ -1e-12, top-k distance < 1e-3 at β = 1000.
 */
public final class KSoftmaxLimitsRepro implements Reproduction {
    static final int N = 20;
    static final int K = 5;
    static final double GAP = 0.05;

    @Override
    public String name() {
        return "ksoftmax-limits";
    }

    @Override
    public String title() {
        return "Propositions 3.5.1/3.5.2: ssm(beta x; k) -> top-k, ksoftmax >= 0, constraint (3.11)";
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        int samples = ctx.quick() ? 50 : 200;
        double[] betas = KSoftmaxLimits.BETAS;
        List<Row> rows = new ArrayList<>();
        double[] logBeta = new double[betas.length];
        double[] topk = new double[betas.length];
        double[] indicator = new double[betas.length];
        double worstConstraint = 0;
        double min = Double.POSITIVE_INFINITY;
        try (Progress bar = new Progress("ksoftmax-limits", betas.length, ctx.progress())) {
            for (int b = 0; b < betas.length; b++) {
                KSoftmaxLimits.Measurement m = KSoftmaxLimits.measure(betas[b], N, K, samples, GAP, ctx.seed());
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("beta", betas[b]);
                params.put("n", N);
                params.put("k", K);
                params.put("samples", samples);
                params.put("gap", GAP);
                String c = "beta=" + fmt(betas[b]);
                rows.add(Row.of(c, "max_constraint_error", params, 0.0, m.maxConstraintError()));
                rows.add(Row.of(c, "min_ksoftmax", params, 0.0, m.minKsoftmax()));
                rows.add(Row.of(c, "topk_distance", params, null, m.topkDistance()));
                rows.add(Row.of(c, "indicator_distance", params, null, m.indicatorDistance()));
                logBeta[b] = Math.log10(betas[b]);
                topk[b] = m.topkDistance();
                indicator[b] = m.indicatorDistance();
                worstConstraint = Math.max(worstConstraint, m.maxConstraintError());
                min = Math.min(min, m.minKsoftmax());
                bar.step();
            }
        }
        XYChart chart = Charts.lines("ssm(beta x; j) -> top-j and ksoftmax columns -> indicators (n = " + N + ", k = "
                + K + ", gap >= " + GAP + ")", "log10(beta)", "max abs distance", true);
        Charts.addLine(chart, "|ssm - topk|", logBeta, topk);
        Charts.addPoints(chart, "|ksoftmax - indicator|", logBeta, indicator);
        Path png = ctx.outDir().resolve("ksoftmax-limits.png");
        Charts.save(chart, png);
        String summary = String.format("Constraint (3.11): largest |sum ssm - k| / k = %.2e over all beta (tolerance "
                + "1e-10). Smallest k-softmax entry: %.2e (Prop. 3.5.2: >= 0). Distance to top-k falls from %.3g "
                + "at beta = 1 to %.2e at beta = 1000 (Prop. 3.5.1: -> 0; acceptance < 1e-3).", worstConstraint, min,
                topk[0], topk[topk.length - 1]);
        return new ReproResult(name(), rows, List.of(png), summary);
    }

    private static String fmt(double beta) {
        return beta == Math.rint(beta) ? String.valueOf((long) beta) : String.valueOf(beta);
    }
}
