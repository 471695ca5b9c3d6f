package io.github.attractor.cli.repro;

import io.github.attractor.cli.io.Progress;
import io.github.attractor.cli.plot.Charts;
import io.github.attractor.data.idx.IdxImages;
import io.github.attractor.memory.experiments.CapacityExperiment;
import io.github.attractor.memory.store.Similarity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Figure 3.2 of the k-nearest-memories chapter: the first N MNIST test images as memories, cues with the top
 * half occluded, β = 3, negative Manhattan similarity; a retrieval is correct when any returned column has a
 * sum of squared errors below 50 to the uncorrupted image. k = 1…5 and the modern Hopfield network, 10 trials
 * of N images drawn from the 10,000 test images (two trials per N in the quick version).
 */
public final class CapacityRepro implements Reproduction {
    private static final int[] KS = {1, 2, 3, 4, 5};

    @Override
    public String name() {
        return "capacity";
    }

    @Override
    public String title() {
        return "k-Hopfield capacity on occluded MNIST (dissertation Figure 3.2)";
    }

    @Override
    public boolean needsExternalData() {
        return true;
    }

    @Override
    public ReproResult run(ReproContext ctx) {
        IdxImages mnist = Mnist.images();
        int[] counts = ctx.quick() ? new int[] {10, 50, 200} : new int[] {10, 20, 50, 100, 200, 500, 1000};
        int trials = ctx.quick() ? 2 : 10;
        int pool = mnist.count();
        double[] images = mnist.toMatrix(pool).data;
        CapacityExperiment.Curve curve;
        try (Progress bar = new Progress("capacity", 1, ctx.progress())) {
            curve = CapacityExperiment.curve(images, pool, mnist.cols(), mnist.rows(), counts, KS, trials,
                    CapacityExperiment.BETA, Similarity.NEGATIVE_MANHATTAN, CapacityExperiment.THRESHOLD, ctx.seed());
            bar.step();
        }
        List<Row> rows = new ArrayList<>();
        XYChart chart = Charts.lines("Capacity: occluded MNIST, beta = 3, -Manhattan (" + trials + " trials)",
                "memories N", "fraction correct", false);
        double[] xs = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            xs[c] = counts[c];
        }
        double[] modern = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            rows.add(new Row("modern N=" + counts[c], "fraction_correct", params("modern", 1, counts[c], trials), null,
                    curve.modernMean()[c], curve.modernSd()[c]));
            modern[c] = curve.modernMean()[c];
        }
        Charts.addLine(chart, "modern Hopfield", xs, modern);
        for (int j = 0; j < KS.length; j++) {
            double[] ys = new double[counts.length];
            for (int c = 0; c < counts.length; c++) {
                rows.add(new Row("khopfield k=" + KS[j] + " N=" + counts[c], "fraction_correct",
                        params("khopfield", KS[j], counts[c], trials), null, curve.kMean()[c][j], curve.kSd()[c][j]));
                ys[c] = curve.kMean()[c][j];
            }
            Charts.addLine(chart, "k = " + KS[j], xs, ys);
        }
        Path png = ctx.outDir().resolve("capacity.png");
        Charts.save(chart, png);
        double gap = 0;
        int violations = 0;
        for (int c = 0; c < counts.length; c++) {
            gap = Math.max(gap, Math.abs(curve.kMean()[c][0] - curve.modernMean()[c]));
            for (int j = 1; j < KS.length; j++) {
                if (curve.kMean()[c][j] < curve.kMean()[c][j - 1] - curve.kSd()[c][j - 1]) {
                    violations++;
                }
            }
        }
        return new ReproResult(name(), rows, List.of(png), String.format(
                "k = 1 vs modern Hopfield: largest gap %.1f percentage points; fraction correct non-decreasing in k "
                        + "(up to 1 sd) at %d of %d N.", 100 * gap, counts.length - Math.min(violations, counts.length),
                counts.length));
    }

    private static Map<String, Object> params(String model, int k, int n, int trials) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", model);
        p.put("k", k);
        p.put("N", n);
        p.put("trials", trials);
        p.put("beta", CapacityExperiment.BETA);
        p.put("similarity", "negative_manhattan");
        return p;
    }
}
